import type { SessionState } from "@/lib/api/session";

function holds(state: SessionState, roles: string[]): boolean {
  return Boolean(state.user?.roles.some((grant) => roles.includes(grant.role) && (grant.scope ?? []).length > 0));
}

/** Project and folder managers edit the projects their grants name (the API lists only those). */
export function managesProjects(state: SessionState): boolean {
  return holds(state, ["project_manager", "folder_manager"]);
}

/** Folder managers edit and publish their folders; creating and ordering folders is the admins'. */
export function managesFolders(state: SessionState): boolean {
  return holds(state, ["folder_manager"]);
}
