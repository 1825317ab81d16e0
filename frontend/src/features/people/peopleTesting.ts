/** Fixtures and a small in-memory people API (users, roles, groups, members) for this feature's tests. */
import { http, HttpResponse } from "msw";
import { session } from "@/lib/api/client";
import type { Me } from "@/lib/api/types";
import { admin, authSession, folderSummary, projectSummary, registrationField } from "@/testing/fixtures";
import { problem } from "@/testing/handlers";
import { area, registrationApi } from "@/testing/registration";
import { server } from "@/testing/server";
import type { Group, Member, RoleGrant, UserSummary } from "./types";

export const trees = { ...projectSummary, id: "p-2", slug: "trees", title: { en: "1,000 trees" }, position: 1 };

export function user(id: string, first: string, last: string, roles: UserSummary["roles"] = []): UserSummary {
  return {
    id,
    email: `${first.toLowerCase()}@example.org`,
    first_name: first,
    last_name: last,
    locale: "en",
    avatar_url: null,
    email_confirmed: true,
    roles,
    created_at: "2026-01-05T10:00:00Z",
  };
}

export const grace = user(admin.id, "Grace", "Lovelace", [{ role: "admin", scope: [] }]);
export const samuel = user("u-samuel", "Samuel", "Okafor");
export const mei = user("u-mei", "Mei", "Chen", [{ role: "moderator", scope: ["p-1"] }]);

export function group(id: string, overrides: Partial<Group> = {}): Group {
  return {
    id,
    title: { en: `Group ${id}` },
    description: {},
    membership: "manual",
    match: null,
    rules: [],
    member_count: 0,
    created_at: "2026-03-01T10:00:00Z",
    updated_at: "2026-03-01T10:00:00Z",
    ...overrides,
  };
}

export function member(person: UserSummary): Member {
  return {
    id: person.id,
    first_name: person.first_name,
    last_name: person.last_name,
    email: person.email,
    added_at: "2026-03-02T10:00:00Z",
  };
}

export interface Sent {
  method: string;
  path: string;
  body?: unknown;
}

/** The registration fields rules compare: built-in ones, a choice and a checkbox of the platform's own. */
export const ruleFields = [
  registrationField({ options: [{ id: "female", label: { en: "Woman" } }, { id: "male", label: { en: "Man" } }] }),
  registrationField({ id: "birthyear", type: "number", label: { en: "Year of birth" }, options: [] }),
  registrationField({ id: "education", label: { en: "Highest level of education" }, enabled: false, options: [{ id: "master", label: { en: "Master's degree" } }, { id: "primary", label: { en: "Primary school" } }] }),
  registrationField({ id: "f-travel", builtin: false, label: { en: "How do you get around?" }, options: [{ id: "walk", label: { en: "On foot" } }, { id: "bike", label: { en: "By bike" } }] }),
  registrationField({ id: "f-volunteer", builtin: false, type: "checkbox", label: { en: "Tell me about volunteering" }, options: [] }),
  registrationField({ id: "f-moved", builtin: false, type: "date", label: { en: "When did you move here?" }, options: [] }),
];
export const ruleAreas = [area("a-north", "North Harbour"), area("a-old", "Old Town")];

/** Sign `who` in for a back-office test; the pickers' lists answer with the fixtures' folder, projects, fields and areas. */
export function signIn(who: Me = admin): void {
  registrationApi(ruleFields, ruleAreas);
  server.use(
    http.post("/api/v1/auth/refresh", () => HttpResponse.json(authSession(who))),
    http.get("/api/v1/admin/projects", () => HttpResponse.json({ items: [projectSummary, trees], next_cursor: null })),
    http.get("/api/v1/admin/folders", () => HttpResponse.json({ items: [folderSummary], next_cursor: null })),
    http.get("/api/v1/dev/mails", () => HttpResponse.json({ items: [], total: 0 })),
    http.get("/api/v1/topics", () =>
      HttpResponse.json({ items: [{ id: "t-1", title: { en: "Mobility" }, description: null, position: 0 }] }),
    ),
    http.get("/api/v1/idea-statuses", () =>
      HttpResponse.json({
        items: [
          { id: "s-1", code: "proposed", title: { en: "Proposed" }, description: null, color: "#505a5f", position: 0 },
          { id: "s-2", code: "accepted", title: { en: "Accepted" }, description: null, color: "#00703c", position: 1 },
        ],
      }),
    ),
  );
  session.establish(authSession(who));
}

/** A users API over a list: searched by name or email, pages of `pageSize`, roles replaced in place. */
export function usersApi(initial: UserSummary[], pageSize = 25): Sent[] {
  const users = [...initial];
  const sent: Sent[] = [];
  server.use(
    http.get("/api/v1/admin/users", ({ request }) => {
      const url = new URL(request.url);
      const q = (url.searchParams.get("q") ?? "").toLowerCase();
      const start = Number(url.searchParams.get("cursor") ?? 0);
      const found = users.filter((u) => !q || `${u.first_name} ${u.last_name} ${u.email}`.toLowerCase().includes(q));
      const items = found.slice(start, start + pageSize);
      const next = start + pageSize < found.length ? String(start + pageSize) : null;
      return HttpResponse.json({ items, next_cursor: next });
    }),
    http.put("/api/v1/admin/users/:id/roles", async ({ request, params }) => {
      const body = (await request.json()) as { roles: RoleGrant[] };
      sent.push({ method: "PUT", path: `/admin/users/${String(params.id)}/roles`, body });
      if (params.id === admin.id && !body.roles.some((grant) => grant.role === "admin")) {
        return problem(409, "cannot_remove_own_admin", "You cannot remove your own admin role; ask another admin.");
      }
      const index = users.findIndex((u) => u.id === params.id);
      users[index] = { ...users[index], roles: body.roles.map((grant) => ({ role: grant.role, scope: grant.scope ?? [] })) };
      return HttpResponse.json(users[index]);
    }),
  );
  return sent;
}

/** A groups API over lists: groups and each group's members, recording what was sent. */
export function groupsApi(initial: Group[], members: Record<string, Member[]> = {}, known: UserSummary[] = []): Sent[] {
  let groups = [...initial];
  const byGroup: Record<string, Member[]> = { ...members };
  const sent: Sent[] = [];
  server.use(
    http.get("/api/v1/groups", () => HttpResponse.json({ items: groups, next_cursor: null })),
    http.post("/api/v1/groups", async ({ request }) => {
      const body = (await request.json()) as Partial<Group> & { rules?: { match: Group["match"]; rules: Group["rules"] } };
      sent.push({ method: "POST", path: "/groups", body });
      const created = group("g-new", {
        title: body.title,
        description: body.description ?? {},
        membership: body.membership ?? "manual",
        match: body.rules?.match ?? null,
        rules: body.rules?.rules ?? [],
      });
      groups = [...groups, created];
      return HttpResponse.json(created, { status: 201 });
    }),
    http.get("/api/v1/groups/:id", ({ params }) => {
      const found = groups.find((g) => g.id === params.id);
      return found ? HttpResponse.json(found) : problem(404, "not_found", "Not found.");
    }),
    http.patch("/api/v1/groups/:id", async ({ request, params }) => {
      const body = (await request.json()) as { title?: Group["title"]; rules?: { match: Group["match"]; rules: Group["rules"] } };
      sent.push({ method: "PATCH", path: `/groups/${String(params.id)}`, body });
      groups = groups.map((g) =>
        g.id === params.id
          ? { ...g, ...(body.title ? { title: body.title } : {}), ...(body.rules ? { match: body.rules.match, rules: body.rules.rules } : {}) }
          : g,
      );
      return HttpResponse.json(groups.find((g) => g.id === params.id));
    }),
    http.delete("/api/v1/groups/:id", ({ params }) => {
      sent.push({ method: "DELETE", path: `/groups/${String(params.id)}` });
      groups = groups.filter((g) => g.id !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
    http.get("/api/v1/groups/:id/members", ({ params }) =>
      HttpResponse.json({ items: byGroup[String(params.id)] ?? [], next_cursor: null }),
    ),
    http.post("/api/v1/groups/:id/members", async ({ request, params }) => {
      const body = (await request.json()) as { user_ids?: string[]; emails?: string[] };
      const id = String(params.id);
      sent.push({ method: "POST", path: `/groups/${id}/members`, body });
      const current = byGroup[id] ?? [];
      const wanted = [
        ...known.filter((u) => body.user_ids?.includes(u.id)),
        ...known.filter((u) => body.emails?.includes(u.email)),
      ];
      const fresh = wanted.filter((u) => !current.some((m) => m.id === u.id));
      byGroup[id] = [...current, ...fresh.map(member)];
      const unknown = (body.emails ?? []).filter((email) => !known.some((u) => u.email === email));
      return HttpResponse.json({ added: fresh.length, already_members: wanted.length - fresh.length, unknown_emails: unknown });
    }),
    http.delete("/api/v1/groups/:id/members/:userId", ({ params }) => {
      const id = String(params.id);
      sent.push({ method: "DELETE", path: `/groups/${id}/members/${String(params.userId)}` });
      byGroup[id] = (byGroup[id] ?? []).filter((m) => m.id !== params.userId);
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return sent;
}

/** Load the lazy back-office bundle before the first test, so no test waits on the import. */
export async function preloadAdmin(): Promise<void> {
  await import("@/features/admin/AdminApp");
}
