import { checkedValues } from "./checkedValues";
import type { RoleGrant } from "./types";

export type ScopedRole = "folder_manager" | "project_manager" | "moderator";
export const SCOPED_ROLES: ScopedRole[] = ["folder_manager", "project_manager", "moderator"];

/** A user's roles as the roles form edits them: admin or not, and the ids each scoped role names. */
export interface RoleChoices {
  admin: boolean;
  folder_manager: string[];
  project_manager: string[];
  moderator: string[];
}

export function choicesOf(grants: RoleGrant[]): RoleChoices {
  const scope = (role: ScopedRole) => grants.filter((grant) => grant.role === role).flatMap((grant) => grant.scope ?? []);
  return {
    admin: grants.some((grant) => grant.role === "admin"),
    folder_manager: scope("folder_manager"),
    project_manager: scope("project_manager"),
    moderator: scope("moderator"),
  };
}

/**
 * The grants to send: a scoped role is held when it names at least one id.
 * Ids the pickers do not list (`unlisted`, e.g. beyond what the viewer can
 * see) are kept as they were, so saving never drops a grant silently.
 */
export function grantsOf(choices: RoleChoices, previous: RoleGrant[], listed: Set<string>): RoleGrant[] {
  const kept = choicesOf(previous);
  const grants: RoleGrant[] = choices.admin ? [{ role: "admin", scope: [] }] : [];
  for (const role of SCOPED_ROLES) {
    const unlisted = kept[role].filter((id) => !listed.has(id));
    const scope = [...new Set([...checkedValues(choices[role]), ...unlisted])];
    if (scope.length) grants.push({ role, scope });
  }
  return grants;
}
