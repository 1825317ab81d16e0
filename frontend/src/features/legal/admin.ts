// The back-office part of the legal pages (imported by the lazy admin bundle only).
export { LegalAdminPage } from "./LegalAdminPage";
