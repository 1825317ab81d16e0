/** Fixtures and handlers for the moderation feature's tests (contract shapes of issue 6). */
import { http, HttpResponse } from "msw";
import { session } from "@/lib/api/client";
import type { Me } from "@/lib/api/types";
import { admin, authSession, resident } from "@/testing/fixtures";
import { server } from "@/testing/server";
import type { ActivityItem } from "./types";

export const moderator: Me = {
  ...resident,
  id: "u-mod",
  first_name: "Mo",
  roles: [{ role: "moderator", scope: ["p-1"] }],
};

export function activityItem(index: number, overrides: Partial<ActivityItem> = {}): ActivityItem {
  return {
    target_kind: "idea",
    target_id: `i-${index}`,
    project_id: "p-1",
    project_title: { en: "A new park" },
    title: { en: `Idea ${index}` },
    excerpt: `Excerpt ${index}`,
    author: { id: `u-${index}`, display_name: `Author ${index}`, avatar_url: null, former: false },
    created_at: "2026-03-01T10:00:00Z",
    reports: 0,
    report_reasons: { spam: 0, inappropriate: 0, other: 0 },
    reviewed: false,
    state: "visible",
    hidden_reason: null,
    path: `/ideas/i-${index}`,
    ...overrides,
  };
}

/** Sign `user` in for a back-office test; the lists the back-office also reads answer empty. */
export function signInTeam(user: Me = admin): void {
  const empty = { items: [], next_cursor: null };
  server.use(
    http.post("/api/v1/auth/refresh", () => HttpResponse.json(authSession(user))),
    http.get("/api/v1/admin/projects", () => HttpResponse.json(empty)),
    http.get("/api/v1/admin/folders", () => HttpResponse.json(empty)),
    http.get("/api/v1/dev/mails", () => HttpResponse.json({ items: [], total: 0 })),
  );
  session.establish(authSession(user));
}

/** Load the lazy back-office bundle before the first test, so no test waits on the import. */
export async function preloadAdmin(): Promise<void> {
  await import("@/features/admin/AdminApp");
}
