export { IdeationPhase } from "./IdeationPhase";
export { IdeaPage } from "./IdeaPage";
export { IdeaStatusBadge } from "./IdeaStatusBadge";
export { EditIdeaPage, NewIdeaPage } from "./pages";
export type { Idea, IdeaStatus } from "./types";
