import createClient from "openapi-fetch";
import { env } from "@/config/env";
import { ApiProblem } from "./problem";
import { Session, csrfToken } from "./session";
import type { ApiPaths } from "./types";

export type ApiClient = ReturnType<typeof createClient<ApiPaths>>;

/** A typed client bound to a session; the app uses one, tests build their own. */
export function createApi(baseUrl: string = env.apiOrigin): { client: ApiClient; session: Session } {
  const session = new Session();
  const client = createClient<ApiPaths>({ baseUrl, fetch: session.send });
  session.useRefresher(async () => {
    const { data } = await client.POST("/api/v1/auth/refresh", {
      headers: { "X-CSRF-Token": csrfToken() },
    });
    return data ?? null;
  });
  return { client, session };
}

const app = createApi();
export const api = app.client;
export const session = app.session;

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Return the data of a call or throw its problem+json as an ApiProblem. A `blocked`
 * refusal also updates the session, so every form says until when and why at once.
 */
export async function unwrap<T>(call: Promise<Result<T>>, onSession: Session = session): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const problem = ApiProblem.from(response.status, error);
    const until = problem.extra.blocked_until;
    if (problem.code === "blocked" && typeof until === "string") {
      const reason = problem.extra.block_reason;
      onSession.noteBlocked(until, typeof reason === "string" ? reason : null);
    }
    throw problem;
  }
  return data as T;
}
