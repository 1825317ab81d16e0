import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { resident } from "@/testing/fixtures";
import { allEmails } from "@/testing/social";
import { signInAs } from "@/testing/signIn";

// Rendering inside the app's providers is slow on a loaded machine: allow more than the default second.
configure({ asyncUtilTimeout: 3000 });

describe("NotificationPreferences", () => {
  it("shows one checkbox per kind of email on the profile and saves a change", async () => {
    // GIVEN a resident who gets every email but the official updates
    let saved: unknown = null;
    server.use(
      http.get("/api/v1/me/notification-preferences", () =>
        HttpResponse.json({ email: { ...allEmails.email, official_update: false } }),
      ),
      http.put("/api/v1/me/notification-preferences", async ({ request }) => {
        const body = (await request.json()) as object;
        saved = body;
        return HttpResponse.json(body);
      }),
    );
    signInAs();
    renderApp("/profile");
    const section = await screen.findByRole("region", { name: "Email notifications" });
    // THEN the boxes reflect the stored choices
    const group = await within(section).findByRole("group", { name: "Email me when" });
    expect(within(group).getAllByRole("checkbox")).toHaveLength(6);
    expect(await within(group).findByRole("checkbox", { name: "Someone mentions me" })).toBeChecked();
    expect(within(group).getByRole("checkbox", { name: "An idea I follow gets an official update" })).not.toBeChecked();
    expect(within(group).getByRole("checkbox", { name: "A proposal I follow reaches its signatures" })).toBeChecked();
    // WHEN they turn off replies and save
    await userEvent.click(within(group).getByRole("checkbox", { name: "Someone replies to my comment" }));
    await userEvent.click(within(section).getByRole("button", { name: "Save email preferences" }));
    // THEN the whole choice is sent and confirmed
    expect(await within(section).findByRole("status")).toHaveTextContent("Your email preferences are saved.");
    expect(saved).toEqual({
      email: { ...allEmails.email, comment_reply: false, official_update: false },
    });
  });

  it("shows the team's kinds only to team members, and keeps a resident's stored choice", async () => {
    // GIVEN a resident whose stored preferences have a team kind turned off
    let saved: unknown = null;
    server.use(
      http.get("/api/v1/me/notification-preferences", () =>
        HttpResponse.json({ email: { ...allEmails.email, new_input: false } }),
      ),
      http.put("/api/v1/me/notification-preferences", async ({ request }) => {
        saved = await request.json();
        return HttpResponse.json(saved as object);
      }),
    );
    signInAs();
    renderApp("/profile");
    const section = await screen.findByRole("region", { name: "Email notifications" });
    await within(section).findByRole("group", { name: "Email me when" });
    // THEN no team group is offered, and saving sends the team kinds back unchanged
    expect(within(section).queryByRole("group", { name: "As a team member, email me when" })).toBeNull();
    expect(within(section).queryByRole("checkbox", { name: "An idea is assigned to me" })).toBeNull();
    await userEvent.click(within(section).getByRole("button", { name: "Save email preferences" }));
    await within(section).findByRole("status");
    expect(saved).toEqual({ email: { ...allEmails.email, new_input: false } });
  });

  it("lets a moderator turn off the team's emails one by one", async () => {
    // GIVEN a moderator of one project
    let saved: unknown = null;
    server.use(
      http.put("/api/v1/me/notification-preferences", async ({ request }) => {
        saved = await request.json();
        return HttpResponse.json(saved as object);
      }),
    );
    signInAs({ ...resident, roles: [{ role: "moderator", scope: ["p-1"] }] });
    renderApp("/profile");
    const section = await screen.findByRole("region", { name: "Email notifications" });
    // THEN the team group lists the four kinds, all on
    const team = await within(section).findByRole("group", { name: "As a team member, email me when" });
    const boxes = within(team).getAllByRole("checkbox");
    expect(boxes).toHaveLength(4);
    boxes.forEach((box) => expect(box).toBeChecked());
    // WHEN they turn off reports and save
    await userEvent.click(
      within(team).getByRole("checkbox", { name: "Something is reported in a project I moderate" }),
    );
    await userEvent.click(within(section).getByRole("button", { name: "Save email preferences" }));
    // THEN that choice is stored
    expect(await within(section).findByRole("status")).toHaveTextContent("Your email preferences are saved.");
    expect(saved).toEqual({ email: { ...allEmails.email, new_report: false } });
  });

  it("takes focus when a link leads to it", async () => {
    signInAs();
    renderApp("/profile#notification-preferences");
    const heading = await screen.findByRole("heading", { level: 2, name: "Email notifications" });
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it("says why a save failed", async () => {
    server.use(
      http.put("/api/v1/me/notification-preferences", () =>
        problem(503, "unavailable", "Preferences cannot be saved right now."),
      ),
    );
    signInAs();
    renderApp("/profile");
    const section = await screen.findByRole("region", { name: "Email notifications" });
    await userEvent.click(await within(section).findByRole("button", { name: "Save email preferences" }));
    expect(await within(section).findByRole("alert")).toHaveTextContent("Preferences cannot be saved right now.");
  });
});
