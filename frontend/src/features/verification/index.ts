export { SignInProviders } from "./SignInProviders";
export { VerificationStatus } from "./VerificationStatus";
export { VerifyPage } from "./VerifyPage";
