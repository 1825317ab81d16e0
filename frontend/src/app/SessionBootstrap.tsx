import { useEffect, type ReactNode } from "react";
import { session } from "@/lib/api/client";

/** On load, resume a session from the refresh cookie (the token lives in memory only). */
export function SessionBootstrap({ children }: { children: ReactNode }) {
  useEffect(() => {
    if (session.getSnapshot().status === "unknown") void session.refresh();
  }, []);
  return children;
}
