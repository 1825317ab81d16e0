import { useSyncExternalStore } from "react";
import { session } from "@/lib/api/client";
import type { SessionState } from "@/lib/api/session";

/** The signed-in state, re-rendering when it changes. */
export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}

export function isAdmin(state: SessionState): boolean {
  return Boolean(state.user?.roles.some((grant) => grant.role === "admin"));
}
