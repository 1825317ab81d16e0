import { configure, screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { CommentsSection } from "@/features/comments";
import { idea, ideationHandlers, signInAs } from "@/testing/ideas";
import { renderApp, renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { thread } from "@/testing/social";

configure({ asyncUtilTimeout: 3000 });

describe("hidden content", () => {
  it("tells the author of a hidden idea that residents do not see it, and why", async () => {
    // GIVEN the author opens their idea, which a moderator hid
    signInAs();
    server.use(
      http.get("/api/v1/ideas/i-1", () => HttpResponse.json({ ...idea, moderation: { state: "hidden", reason: "Personal data" } })),
      ...ideationHandlers,
    );
    renderApp("/ideas/i-1");
    // THEN the page says so with the moderator's reason
    const note = await screen.findByRole("note");
    expect(note).toHaveTextContent("A moderator hid this idea: residents do not see it.");
    expect(note).toHaveTextContent("Reason: Personal data");
  });

  it("shows nothing on a visible idea", async () => {
    server.use(http.get("/api/v1/ideas/i-1", () => HttpResponse.json({ ...idea, moderation: null })), ...ideationHandlers);
    renderApp("/ideas/i-1");
    expect(await screen.findByRole("heading", { level: 1, name: "More benches" })).toBeInTheDocument();
    expect(screen.queryByRole("note")).toBeNull();
  });

  it("keeps a hidden comment's place in the thread, with the reason when the server gives it", async () => {
    server.use(
      http.get("/api/v1/ideas/i-1", () => HttpResponse.json({ id: "i-1", permissions: { comment: { allowed: true, reason: "ok" } } })),
      http.get("/api/v1/ideas/i-1/comments", () =>
        HttpResponse.json({
          items: [
            thread({ id: "c-1", body: "", hidden: true, hidden_reason: "Insults" }),
            thread({ id: "c-2", body: "", hidden: true, hidden_reason: null }),
          ],
          next_cursor: null,
        }),
      ),
    );
    renderWithProviders(<CommentsSection ideaId="i-1" />);
    expect(await screen.findAllByText("A moderator hid this comment.")).toHaveLength(2);
    expect(screen.getAllByText(/^Reason:/).map((node) => node.textContent)).toEqual(["Reason: Insults"]);
    expect(screen.queryByRole("button", { name: /Like/ })).toBeNull();
  });
});
