import type { SessionState } from "@/lib/api/session";

const TEAM_ROLES = new Set(["admin", "folder_manager", "project_manager", "moderator"]);

/** Admins and anyone with a manager or moderator grant: the back-office's work lists are for them. */
export function isTeamMember(state: SessionState): boolean {
  return Boolean(state.user?.roles.some((grant) => TEAM_ROLES.has(grant.role)));
}
