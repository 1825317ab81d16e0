import { render } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { RouterProvider, createMemoryRouter } from "react-router";
import { AppProviders, createQueryClient } from "@/app/AppProviders";
import { session } from "@/lib/api/client";
import type { Me, Phase, Project } from "@/lib/api/types";
import { admin, authSession, phase, project } from "@/testing/fixtures";
import { server } from "@/testing/server";
import { InputManagerPage } from "./InputManagerPage";
import type { InputRow, Note, Person } from "./types";

export const grace: Person = { id: "u-admin", display_name: "Grace Lovelace", avatar_url: null, former: false };
export const alan: Person = { id: "u-alan", display_name: "Alan Turing", avatar_url: null, former: false };
export const ada: Person = { id: "u-1", display_name: "Ada Lovelace", avatar_url: null, former: false };

export function row(id: string, overrides: Partial<InputRow> = {}): InputRow {
  return {
    id,
    kind: "idea",
    title: { en: `Idea ${id}` },
    project: { id: "p-1", slug: "new-park", title: { en: "A new park" } },
    phase: { id: "ph-2", title: { en: "Ideas" } },
    author: ada,
    status: { id: "s-1", name: { en: "Proposed" }, color: "#505a5f" },
    topic_ids: [],
    assignee: null,
    likes: 3,
    dislikes: 0,
    comments: 2,
    reports: 0,
    hidden: false,
    reached: false,
    created_at: "2026-02-01T10:00:00Z",
    path: `/ideas/${id}`,
    ...overrides,
  };
}

const inputsPhase = (id: string, title: string, method = "ideation"): Phase => ({ ...phase, id, title: { en: title }, method });

/** An information phase (no inputs), two ideation phases and a proposals phase. */
export const parkProject: Project = {
  ...project,
  phases: [phase, inputsPhase("ph-2", "Ideas"), inputsPhase("ph-3", "Shortlist"), inputsPhase("ph-4", "Proposals", "proposals")],
};

export function note(id: string, overrides: Partial<Note> = {}): Note {
  return {
    id,
    idea_id: "i-1",
    body: `Note ${id}`,
    author: grace,
    mentioned: [],
    created_at: "2026-02-02T10:00:00Z",
    updated_at: "2026-02-02T10:00:00Z",
    permissions: { edit: true, delete: true },
    ...overrides,
  };
}

export interface Sent {
  lists: URLSearchParams[];
  bodies: { path: string; body: unknown }[];
}

/**
 * The routes the page reads, answering from `pages` (one page per cursor:
 * the first without, then "c1", "c2"…), and recording what was asked.
 */
export function inputsApi(pages: InputRow[][] = [[row("i-1"), row("i-2")]], user: Me = admin): Sent {
  const sent: Sent = { lists: [], bodies: [] };
  server.use(
    http.post("/api/v1/auth/refresh", () => HttpResponse.json(authSession(user))),
    http.get("/api/v1/admin/projects", () => HttpResponse.json({ items: [project], next_cursor: null })),
    http.get("/api/v1/projects/:id", () => HttpResponse.json(parkProject)),
    http.get("/api/v1/topics", () =>
      HttpResponse.json({ items: [{ id: "t-1", title: { en: "Trees" }, description: null, icon: null, position: 0 }] }),
    ),
    http.get("/api/v1/idea-statuses", () =>
      HttpResponse.json({
        items: [
          { id: "s-2", code: "accepted", title: { en: "Accepted" }, description: null, color: "#00703c", position: 1 },
          { id: "s-1", code: "proposed", title: { en: "Proposed" }, description: null, color: "#505a5f", position: 0 },
        ],
      }),
    ),
    http.get("/api/v1/manage/collaborators", () => HttpResponse.json({ items: [grace, alan] })),
    http.get("/api/v1/manage/inputs", ({ request }) => {
      const params = new URL(request.url).searchParams;
      sent.lists.push(params);
      const cursor = params.get("cursor");
      const index = cursor ? Number(cursor.slice(1)) : 0;
      const items = pages[index] ?? [];
      return HttpResponse.json({ items, next_cursor: index + 1 < pages.length ? `c${index + 1}` : null });
    }),
  );
  session.establish(authSession(user));
  return sent;
}

/** The page alone at `path` in the app's providers, with its router to read the URL. */
export function renderPage(path = "/admin/inputs") {
  const router = createMemoryRouter(
    [
      { path: "/admin/inputs", element: <InputManagerPage /> },
      { path: "/ideas/:id", element: <h1>Resident page</h1> },
    ],
    { initialEntries: [path] },
  );
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  const result = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, router };
}
