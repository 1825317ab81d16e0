import { http, HttpResponse } from "msw";
import { platform } from "./fixtures";
import { socialHandlers } from "./social";

export function problem(status: number, code: string, detail: string, errors: unknown[] = []) {
  return HttpResponse.json(
    { type: `urn:townhall:problem:${code}`, title: detail, status, detail, code, errors },
    { status, headers: { "Content-Type": "application/problem+json" } },
  );
}

/** What every test starts with: a platform, and a visitor who is not signed in. */
export const defaultHandlers = [
  http.get("/api/v1/platform", () => HttpResponse.json(platform)),
  http.post("/api/v1/auth/refresh", () => problem(401, "not_authenticated", "Please sign in.")),
  http.get("/api/v1/folders", () => HttpResponse.json({ items: [], next_cursor: null })),
  http.get("/api/v1/projects", () => HttpResponse.json({ items: [], next_cursor: null })),
  http.get("/api/v1/verification/methods", () => HttpResponse.json({ methods: [], sign_in: [] })),
  http.get("/api/v1/verification/me", () => HttpResponse.json({ verified_at: null, method: null })),
  http.get("/api/v1/legal", () => HttpResponse.json({ privacy: null, terms: null })),
  http.get("/api/v1/me/data-exports", () => HttpResponse.json({ items: [] })),
  ...socialHandlers,
];
