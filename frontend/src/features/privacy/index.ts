export { AccountDeletedNotice } from "./AccountDeletedNotice";
export { DeleteAccountPage } from "./DeleteAccountPage";
export { DeleteAccountSection } from "./DeleteAccountSection";
export { MyDataSection } from "./MyDataSection";
