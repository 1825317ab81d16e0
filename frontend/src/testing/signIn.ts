import { http, HttpResponse } from "msw";
import { session } from "@/lib/api/client";
import type { Me } from "@/lib/api/types";
import { authSession, resident } from "./fixtures";
import { server } from "./server";

/** Sign `user` in for a test, as the session bootstrap would after a refresh. */
export function signInAs(user: Me = resident): void {
  server.use(http.post("/api/v1/auth/refresh", () => HttpResponse.json(authSession(user))));
  session.establish(authSession(user));
}
