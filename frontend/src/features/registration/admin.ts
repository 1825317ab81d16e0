// The back-office's registration page, imported only by the lazily loaded AdminApp.
export { RegistrationAdminPage } from "./RegistrationAdminPage";
