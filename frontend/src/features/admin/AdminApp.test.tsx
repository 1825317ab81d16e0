import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { session } from "@/lib/api/client";
import { admin, authSession, resident } from "@/testing/fixtures";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

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
