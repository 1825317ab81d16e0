// The back-office's moderation pages, imported only by the lazily loaded AdminApp.
export { isTeamMember } from "./access";
export { moderationLinks, ModerationRoutes } from "./ModerationRoutes";
