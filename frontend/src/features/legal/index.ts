export { currentVersions, useLegalPages, type LegalPages } from "./api";
export { LegalPage, PrivacyPage, TermsPage } from "./LegalPage";
export { PolicyNotice } from "./PolicyNotice";
export { SignUpConsent } from "./SignUpConsent";
