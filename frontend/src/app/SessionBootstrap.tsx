import { useEffect, type ReactNode } from "react";
import { session } from "@/lib/api/client";
import { csrfToken } from "@/lib/api/session";

/**
 * On load, resume a session from the refresh cookie (the token lives in
 * memory only). The readable CSRF cookie is set with the refresh cookie, so
 * without it there is no session to resume and no request is made.
 */
export function SessionBootstrap({ children }: { children: ReactNode }) {
  useEffect(() => {
    if (session.getSnapshot().status !== "unknown") return;
    if (csrfToken()) void session.refresh();
    else session.clear(false);
  }, []);
  return children;
}
