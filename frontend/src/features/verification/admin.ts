export { VerificationAdminPage } from "./VerificationAdminPage";
