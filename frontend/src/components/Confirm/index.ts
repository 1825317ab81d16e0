export { Confirm } from "./Confirm";
