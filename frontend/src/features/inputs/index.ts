export { InputManagerPage } from "./InputManagerPage";
export { isTeamMember } from "./api";
