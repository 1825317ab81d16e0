import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, type ReactNode } from "react";
import { useSession } from "@/features/auth/useSession";
import { session } from "@/lib/api/client";
import { csrfToken } from "@/lib/api/session";

/**
 * On load, resume a session from the refresh cookie (the token lives in
 * memory only). The readable CSRF cookie is set with the refresh cookie, so
 * without it there is no session to resume and no request is made.
 *
 * Pages wait until the session is known: much of what the API answers
 * depends on the viewer (drafts for managers, "may I like this?"), and a
 * page fetched anonymously a moment before the session resumed would show a
 * returning resident "sign in to react". When the viewer changes later
 * (sign-in, sign-out), every cached answer is refetched for the new viewer.
 */
export function SessionBootstrap({ children }: { children: ReactNode }) {
  const state = useSession();
  const queryClient = useQueryClient();
  const viewer = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    if (session.getSnapshot().status !== "unknown") return;
    if (csrfToken()) void session.refresh();
    else session.clear(false);
  }, []);

  const userId = state.status === "unknown" ? undefined : (state.user?.id ?? null);
  useEffect(() => {
    if (userId === undefined) return;
    if (viewer.current !== undefined && viewer.current !== userId) void queryClient.invalidateQueries();
    viewer.current = userId;
  }, [userId, queryClient]);

  return state.status === "unknown" ? null : children;
}
