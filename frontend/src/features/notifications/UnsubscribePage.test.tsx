import { configure, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { allEmails } from "@/testing/social";

// Rendering inside the app's providers is slow on a loaded machine: allow more than the default second.
configure({ asyncUtilTimeout: 3000 });

describe("UnsubscribePage", () => {
  it("explains what stops and unsubscribes only once confirmed", async () => {
    // GIVEN the link from an email
    const tokens: (string | null)[] = [];
    server.use(
      http.post("/api/v1/notifications/unsubscribe", ({ request }) => {
        tokens.push(new URL(request.url).searchParams.get("token"));
        return HttpResponse.json({ type: "comment_reply", email: { ...allEmails.email, comment_reply: false } });
      }),
    );
    renderApp("/unsubscribe?token=tok-123");
    // THEN the page explains and nothing is sent yet
    expect(await screen.findByRole("heading", { level: 1, name: "Unsubscribe from emails" })).toBeInTheDocument();
    expect(screen.getByText(/stops the kind of notification email it came with/)).toBeInTheDocument();
    expect(tokens).toEqual([]);
    // WHEN the person confirms
    await userEvent.click(screen.getByRole("button", { name: "Stop these emails" }));
    // THEN the token is sent and the result confirmed, with a way to the preferences
    expect(await screen.findByRole("status")).toHaveTextContent(
      "you will no longer receive emails for “Someone replies to my comment”",
    );
    expect(tokens).toEqual(["tok-123"]);
    expect(screen.getByRole("link", { name: "Manage your email preferences" })).toHaveAttribute(
      "href",
      "/profile#notification-preferences",
    );
  });

  it("says when the link is no longer valid", async () => {
    server.use(
      http.post("/api/v1/notifications/unsubscribe", () => problem(400, "invalid_token", "Invalid token.")),
    );
    renderApp("/unsubscribe?token=stale");
    await userEvent.click(await screen.findByRole("button", { name: "Stop these emails" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("not valid or has expired");
    expect(screen.getByRole("button", { name: "Stop these emails" })).toBeEnabled();
  });

  it("says when the server failed, so trying again makes sense", async () => {
    server.use(http.post("/api/v1/notifications/unsubscribe", () => problem(500, "error", "Oops.")));
    renderApp("/unsubscribe?token=tok");
    await userEvent.click(await screen.findByRole("button", { name: "Stop these emails" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Please try again in a moment.");
  });

  it("says when the link lacks its token", async () => {
    renderApp("/unsubscribe");
    expect(await screen.findByRole("alert")).toHaveTextContent("This unsubscribe link is incomplete.");
    expect(screen.queryByRole("button", { name: "Stop these emails" })).toBeNull();
  });
});
