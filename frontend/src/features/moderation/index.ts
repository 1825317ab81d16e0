// What residents' pages use; the back-office's pages are in `./admin`, so they stay in its bundle.
export { isTeamMember } from "./access";
export { BlockedNotice, useBlockedState } from "./BlockedNotice";
export { HiddenCommentNotice, ModerationNotice } from "./ModerationNotice";
export { ReportButton } from "./ReportButton";
