export { FeedbackPanel } from "./FeedbackPanel";
export { OfficialUpdates } from "./OfficialUpdates";
export type { FeedbackIdea, OfficialUpdate } from "./types";
