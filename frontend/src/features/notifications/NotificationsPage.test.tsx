import { configure, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { alan, notification } from "@/testing/social";
import { signInAs } from "@/testing/signIn";

// Rendering inside the app's providers is slow on a loaded machine: allow more than the default second.
configure({ asyncUtilTimeout: 3000 });

describe("NotificationsPage", () => {
  it("says what happened for each type, with the target linked and unread ones marked", async () => {
    // GIVEN one unread reply and one read status change
    server.use(
      http.get("/api/v1/me/notifications", () =>
        HttpResponse.json({
          items: [
            notification(),
            notification({
              id: "n-2",
              type: "idea_status_changed",
              read: true,
              actor: null,
              excerpt: null,
              target: { kind: "idea", id: "i-2", title: { en: "A skate park" }, path: "/ideas/i-2" },
            }),
            notification({ id: "n-3", type: "mention", read: true, actor: alan, excerpt: "@Ada what do you think?" }),
            notification({
              id: "n-4",
              type: "proposal_reached",
              read: true,
              actor: null,
              excerpt: "The council debates it.",
              target: { kind: "idea", id: "i-4", title: { en: "Night buses" }, path: "/ideas/i-4" },
            }),
          ],
          next_cursor: null,
        }),
      ),
    );
    signInAs();
    // WHEN the resident opens their notifications
    renderApp("/notifications");
    // THEN each reads as a sentence with the actor, and the target is a link to its page
    expect(await screen.findByRole("heading", { level: 1, name: "Notifications" })).toBeInTheDocument();
    await screen.findByRole("link", { name: "A skate park" });
    const items = screen.getAllByRole("listitem").filter((item) => item.classList.contains("notification"));
    expect(items).toHaveLength(4);
    expect(items[0]).toHaveTextContent("Unread: Grace Hopper replied to your comment on More benches");
    expect(items[0]).toHaveClass("notification--unread");
    expect(items[0]).toHaveTextContent("I agree with you.");
    expect(items[1]).toHaveTextContent("The status of A skate park changed");
    expect(items[1]).not.toHaveTextContent("Unread");
    expect(items[2]).toHaveTextContent("Alan Turing mentioned you in a comment on More benches");
    expect(items[3]).toHaveTextContent("Night buses has reached its signatures");
    expect(items[3]).toHaveTextContent("The council debates it.");
    expect(screen.getByRole("link", { name: "A skate park" })).toHaveAttribute("href", "/ideas/i-2");
    expect(items[0].querySelector("time")).toHaveAttribute("datetime", "2026-01-10T10:00:00Z");
  });

  it("says what happened for the team's types", async () => {
    // GIVEN a moderator's notifications of a new idea, a report, an assignment and a note mention
    const park = { kind: "idea", id: "i-1", title: { en: "More benches" }, path: "/ideas/i-1" };
    server.use(
      http.get("/api/v1/me/notifications", () =>
        HttpResponse.json({
          items: [
            notification({ id: "n-1", type: "new_input", actor: alan, excerpt: null, target: park }),
            notification({
              id: "n-2",
              type: "new_report",
              actor: null,
              excerpt: null,
              target: { ...park, path: "/admin/moderation" },
            }),
            notification({ id: "n-3", type: "input_assigned", actor: alan, excerpt: null, target: park }),
            notification({ id: "n-4", type: "note_mention", actor: alan, excerpt: null, target: park }),
          ],
          next_cursor: null,
        }),
      ),
    );
    signInAs();
    renderApp("/notifications");
    await screen.findAllByRole("link", { name: "More benches" });
    // THEN each reads as its own sentence; the report leads to the activity overview
    const items = screen.getAllByRole("listitem").filter((item) => item.classList.contains("notification"));
    expect(items.map((item) => item.querySelector(".notification__text")?.textContent)).toEqual([
      "Unread: Alan Turing posted More benches in a project you moderate",
      "Unread: More benches was reported and awaits moderation",
      "Unread: Alan Turing assigned More benches to you",
      "Unread: Alan Turing mentioned you in an internal note on More benches",
    ]);
    expect(items[1].querySelector("a")).toHaveAttribute("href", "/admin/moderation");
  });

  it("marks a notification read when it is opened", async () => {
    // GIVEN an unread notification
    const read: string[] = [];
    server.use(
      http.get("/api/v1/me/notifications", () => HttpResponse.json({ items: [notification()], next_cursor: null })),
      http.post("/api/v1/me/notifications/:id/read", ({ params }) => {
        read.push(String(params.id));
        return new HttpResponse(null, { status: 204 });
      }),
      // The idea's page belongs to another feature: what it asks for is not this test's concern.
      http.get("/api/v1/*", ({ request }) => {
        const path = new URL(request.url).pathname;
        if (path === "/api/v1/platform" || path.startsWith("/api/v1/me/")) return undefined;
        return problem(404, "not_found", "Not found.");
      }),
    );
    signInAs();
    const { router } = renderApp("/notifications");
    // WHEN its target is opened
    await userEvent.click(await screen.findByRole("link", { name: "More benches" }));
    // THEN it is marked read and the idea's page opens
    await waitFor(() => expect(read).toEqual(["n-1"]));
    expect(router.state.location.pathname).toBe("/ideas/i-1");
  });

  it("marks all as read", async () => {
    // GIVEN two unread notifications
    let allRead = false;
    server.use(
      http.get("/api/v1/me/notifications", () =>
        HttpResponse.json({
          items: [notification({ read: allRead }), notification({ id: "n-2", read: allRead })],
          next_cursor: null,
        }),
      ),
      http.post("/api/v1/me/notifications/read-all", () => {
        allRead = true;
        return HttpResponse.json({ count: 0 });
      }),
    );
    signInAs();
    renderApp("/notifications");
    // WHEN the resident marks all as read
    await userEvent.click(await screen.findByRole("button", { name: "Mark all as read" }));
    // THEN the server is told, the list shows them read and the button has nothing left to do
    expect(await screen.findByText("All notifications are marked as read.")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText("Unread:")).toBeNull());
    expect(allRead).toBe(true);
    expect(screen.getByRole("button", { name: "Mark all as read" })).toBeDisabled();
  });

  it("loads more with the next cursor", async () => {
    // GIVEN two pages of notifications
    server.use(
      http.get("/api/v1/me/notifications", ({ request }) => {
        const cursor = new URL(request.url).searchParams.get("cursor");
        return cursor === "page-2"
          ? HttpResponse.json({
              items: [notification({ id: "n-9", target: { kind: "idea", id: "i-9", title: { en: "Older idea" }, path: "/ideas/i-9" } })],
              next_cursor: null,
            })
          : HttpResponse.json({ items: [notification()], next_cursor: "page-2" });
      }),
    );
    signInAs();
    renderApp("/notifications");
    // WHEN the resident asks for more
    await userEvent.click(await screen.findByRole("button", { name: "Load more notifications" }));
    // THEN the second page is appended and there is nothing more to load
    expect(await screen.findByRole("link", { name: "Older idea" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "More benches" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Load more notifications" })).toBeNull();
  });

  it("says when there is nothing yet", async () => {
    signInAs();
    renderApp("/notifications");
    expect(await screen.findByText(/You have no notifications yet/)).toBeInTheDocument();
  });

  it("sends visitors to sign in first", async () => {
    const { router } = renderApp("/notifications");
    await waitFor(() => expect(router.state.location.pathname).toBe("/sign-in"));
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent("/notifications")}`);
  });
});
