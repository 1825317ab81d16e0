import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { session } from "@/lib/api/client";
import userEvent from "@testing-library/user-event";
import { admin, authSession, project, resident } from "@/testing/fixtures";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { preloadAdmin } from "./adminTesting";

beforeAll(preloadAdmin);

const empty = { items: [], next_cursor: null };

function signedInAs(user: typeof admin) {
  server.use(
    http.post("/api/v1/auth/refresh", () => HttpResponse.json(authSession(user))),
    http.get("/api/v1/admin/projects", () => HttpResponse.json(empty)),
    http.get("/api/v1/admin/folders", () => HttpResponse.json(empty)),
  );
  session.establish(authSession(user));
}

describe("AdminApp", () => {
  it("sends visitors who are not signed in to sign in", async () => {
    const { router } = renderApp("/admin/projects");
    expect(await screen.findByRole("heading", { name: "Sign in", level: 1 })).toBeInTheDocument();
    expect(router.state.location.search).toBe("?next=%2Fadmin%2Fprojects");
  });

  it("tells residents the back-office is for admins", async () => {
    signedInAs(resident);
    renderApp("/admin");
    expect(await screen.findByRole("heading", { name: "You do not have access to this page" })).toBeInTheDocument();
  });

  it("shows the mail viewer link only where the API serves it", async () => {
    // GIVEN an admin on a stage without the mail viewer
    signedInAs(admin);
    server.use(http.get("/api/v1/dev/mails", () => problem(404, "not_found", "Not found.")));
    renderApp("/admin");
    // THEN the dashboard's navigation has no mail viewer link
    const nav = await screen.findByRole("navigation", { name: "Back-office" });
    expect(await screen.findByRole("heading", { name: "Dashboard" })).toBeInTheDocument();
    expect(within(nav).queryByRole("link", { name: "Mail viewer (local)" })).toBeNull();
  });

  it("lists sent emails with clickable links on the local stage", async () => {
    signedInAs(admin);
    server.use(
      http.get("/api/v1/dev/mails", () =>
        HttpResponse.json({
          items: [
            {
              id: "m-1",
              sender: "no-reply@townhall.test",
              to: ["ada@example.org"],
              subject: "Confirm your email",
              date: "2026-01-05T10:00:00Z",
              text: "Open http://localhost:3000/confirm-email?token=t1 to confirm.",
              html: null,
            },
          ],
          total: 1,
        }),
      ),
    );
    renderApp("/admin/mail");
    const nav = await screen.findByRole("navigation", { name: "Back-office" });
    expect(await within(nav).findByRole("link", { name: "Mail viewer (local)" })).toBeInTheDocument();
    expect(await screen.findByText("Confirm your email")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "http://localhost:3000/confirm-email?token=t1" })).toBeInTheDocument();
  });
});

describe("AdminApp for managers and moderators", () => {
  const park = {
    id: "p-1",
    slug: "new-park",
    title: { en: "A new park" },
    folder_id: null,
    status: "draft" as const,
    visibility: "public" as const,
    position: 0,
    header_image_url: null,
    current_phase_id: null,
    current_method: null,
    published_at: null,
    archived_at: null,
  };

  /** Sign a team member in; returns how often the folders and the local mails were listed. */
  function team(roles: typeof admin.roles): { folderCalls: number; mailCalls: number } {
    const user = { ...resident, id: "u-team", roles };
    const calls = { folderCalls: 0, mailCalls: 0 };
    server.use(
      http.post("/api/v1/auth/refresh", () => HttpResponse.json(authSession(user))),
      http.get("/api/v1/admin/projects", () => HttpResponse.json({ items: [park], next_cursor: null })),
      http.get("/api/v1/admin/folders", () => {
        calls.folderCalls += 1;
        return HttpResponse.json(empty);
      }),
      http.get("/api/v1/dev/mails", () => {
        calls.mailCalls += 1;
        return problem(403, "admin_only", "Admins only.");
      }),
      http.get("/api/v1/groups", () => HttpResponse.json(empty)),
      http.get("/api/v1/moderation/activity", () => HttpResponse.json(empty)),
    );
    session.establish(authSession(user));
    return calls;
  }

  it("offers a project manager their projects, without creating or filtering by folder", async () => {
    const calls = team([{ role: "project_manager", scope: ["p-1"] }]);
    renderApp("/admin/projects");
    const nav = await screen.findByRole("navigation", { name: "Back-office" });
    expect(within(nav).getByRole("link", { name: "Projects" })).toBeInTheDocument();
    expect(within(nav).getByRole("link", { name: "User groups" })).toBeInTheDocument();
    for (const name of ["Folders", "Users", "Topics", "Platform settings", "Dashboard"]) {
      expect(within(nav).queryByRole("link", { name })).toBeNull();
    }
    expect(await screen.findByRole("link", { name: "A new park" })).toHaveAttribute("href", "/admin/projects/p-1");
    expect(screen.getByText("You manage the projects listed here. Only administrators create new projects.")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "New project" })).toBeNull();
    expect(screen.queryByRole("combobox", { name: "Folder" })).toBeNull();
    // AND the folders and the local mails, which the API refuses them, are never asked for
    expect(calls).toEqual({ folderCalls: 0, mailCalls: 0 });
  });

  it("offers a folder manager their folders without creating one", async () => {
    team([{ role: "folder_manager", scope: ["f-1"] }]);
    renderApp("/admin/folders");
    const nav = await screen.findByRole("navigation", { name: "Back-office" });
    expect(within(nav).getByRole("link", { name: "Folders" })).toBeInTheDocument();
    expect(within(nav).getByRole("link", { name: "Projects" })).toBeInTheDocument();
    expect(await screen.findByRole("heading", { name: "Folders", level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "New folder" })).toBeNull();
  });

  it("keeps a moderator to moderation, the input manager and reading groups", async () => {
    team([{ role: "moderator", scope: ["p-1"] }]);
    renderApp("/admin/projects");
    const nav = await screen.findByRole("navigation", { name: "Back-office" });
    expect(within(nav).queryByRole("link", { name: "Projects" })).toBeNull();
    expect(within(nav).getByRole("link", { name: "User groups" })).toBeInTheDocument();
    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeInTheDocument();
  });

  it("gives admins the users and groups pages", async () => {
    signedInAs(admin);
    server.use(http.get("/api/v1/dev/mails", () => problem(404, "not_found", "Not found.")));
    renderApp("/admin");
    const nav = await screen.findByRole("navigation", { name: "Back-office" });
    expect(within(nav).getByRole("link", { name: "Users" })).toHaveAttribute("href", "/admin/users");
    expect(within(nav).getByRole("link", { name: "User groups" })).toHaveAttribute("href", "/admin/groups");
  });
});

describe("a manager's project form", () => {
  it("keeps the project's folder for a project manager, who sees no folders", async () => {
    const user = { ...resident, id: "u-pm", roles: [{ role: "project_manager" as const, scope: ["p-1"] }] };
    const sent: unknown[] = [];
    let folderCalls = 0;
    server.use(
      http.post("/api/v1/auth/refresh", () => HttpResponse.json(authSession(user))),
      http.get("/api/v1/admin/folders", () => {
        folderCalls += 1;
        return problem(403, "manager_only", "Managers only.");
      }),
      http.get("/api/v1/dev/mails", () => problem(403, "admin_only", "Admins only.")),
      http.get("/api/v1/projects/p-1", () => HttpResponse.json(project)),
      http.get("/api/v1/participation-methods", () => HttpResponse.json({ items: [] })),
      http.get("/api/v1/groups", () => HttpResponse.json(empty)),
      http.patch("/api/v1/projects/p-1", async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json(project);
      }),
    );
    session.establish(authSession(user));
    renderApp("/admin/projects/p-1");
    const form = await screen.findByRole("form", { name: "Project details" });
    expect(within(form).queryByRole("combobox", { name: "Folder" })).toBeNull();
    await userEvent.click(within(form).getByRole("button", { name: "Save changes" }));
    expect(await screen.findByText("Your changes have been saved.")).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ folder_id: "f-1" });
    expect(sent[0]).not.toHaveProperty("move_out_of_folder");
    expect(folderCalls).toBe(0);
  });
});
