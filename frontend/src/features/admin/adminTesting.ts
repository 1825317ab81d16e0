import { http, HttpResponse } from "msw";
import { session } from "@/lib/api/client";
import { admin, authSession } from "@/testing/fixtures";
import { server } from "@/testing/server";

/** Tests of back-office pages: an admin is signed in and the dashboard's lists answer empty. */
export function signInAdmin() {
  const empty = { items: [], next_cursor: null };
  server.use(
    http.post("/api/v1/auth/refresh", () => HttpResponse.json(authSession(admin))),
    http.get("/api/v1/admin/projects", () => HttpResponse.json(empty)),
    http.get("/api/v1/admin/folders", () => HttpResponse.json(empty)),
    http.get("/api/v1/dev/mails", () => HttpResponse.json({ items: [], total: 0 })),
  );
  session.establish(authSession(admin));
}

/** Load the lazy back-office bundle before the first test, so no test waits on the import. */
export async function preloadAdmin() {
  await import("./AdminApp");
}
