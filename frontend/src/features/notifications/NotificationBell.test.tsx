import { act, configure, screen, within } from "@testing-library/react";
import { focusManager } from "@tanstack/react-query";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { signInAs } from "@/testing/signIn";

// Rendering inside the app's providers is slow on a loaded machine: allow more than the default second.
configure({ asyncUtilTimeout: 3000 });

function unread(count: number) {
  server.use(http.get("/api/v1/me/notifications/unread-count", () => HttpResponse.json({ count })));
}

describe("NotificationBell", () => {
  it("links to the notifications with the unread count in its name", async () => {
    // GIVEN a resident with three unread notifications
    unread(3);
    signInAs();
    // WHEN any page is shown
    renderApp("/");
    // THEN the header's bell says so and leads to /notifications
    const bell = await screen.findByRole("link", { name: "Notifications (3 unread)" });
    expect(bell).toHaveAttribute("href", "/notifications");
    expect(within(bell).getByText("3")).toBeInTheDocument();
  });

  it("caps the badge at 99+ (the server counts up to 100)", async () => {
    unread(100);
    signInAs();
    renderApp("/");
    const bell = await screen.findByRole("link", { name: "Notifications (more than 99 unread)" });
    expect(within(bell).getByText("99+")).toBeInTheDocument();
  });

  it("shows no badge when all is read", async () => {
    signInAs();
    renderApp("/");
    const bell = await screen.findByRole("link", { name: "Notifications" });
    expect(bell.querySelector(".notification-bell__badge")).toBeNull();
  });

  it("asks again when the window regains focus", async () => {
    // GIVEN a bell showing one unread notification
    unread(1);
    signInAs();
    renderApp("/");
    await screen.findByRole("link", { name: "Notifications (1 unread)" });
    // WHEN a new one arrives and the person comes back to the tab
    unread(2);
    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });
    // THEN the count is refreshed
    expect(await screen.findByRole("link", { name: "Notifications (2 unread)" })).toBeInTheDocument();
    focusManager.setFocused(undefined);
  });

  it("is not shown to visitors", async () => {
    renderApp("/");
    await screen.findByRole("link", { name: "Sign in" });
    expect(screen.queryByRole("link", { name: /Notifications/ })).toBeNull();
  });
});
