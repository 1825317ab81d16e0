import { configure, screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { CommentsSection } from "@/features/comments";
import type { Me } from "@/lib/api/types";
import { resident } from "@/testing/fixtures";
import { idea, ideaCard, ideationHandlers, ideationProject, signInAs } from "@/testing/ideas";
import { renderApp, renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { useBlockedState } from "./BlockedNotice";

configure({ asyncUtilTimeout: 3000 });

const blocked: Me = { ...resident, blocked: { until: "2099-05-01T12:00:00Z", reason: "Insulting other residents" } };

describe("BlockedNotice", () => {
  it("replaces the post-an-idea button with until when and why", async () => {
    // GIVEN a blocked resident on an open ideation phase
    signInAs(blocked);
    server.use(
      http.get("/api/v1/projects/new-park", () => HttpResponse.json(ideationProject)),
      ...ideationHandlers,
      http.get("/api/v1/projects/:projectId/phases/:phaseId/ideas", () =>
        HttpResponse.json({ items: [ideaCard(1)], next_cursor: null }),
      ),
    );
    renderApp("/projects/new-park");
    // THEN the notice says until when and why, and there is no way to post
    const timeline = await screen.findByRole("region", { name: "Timeline" });
    const notice = await within(timeline).findByText(/You cannot post, react or comment until/);
    expect(notice).toHaveTextContent("May 1, 2099");
    expect(within(timeline).getByText("Reason: Insulting other residents")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Post your idea" })).toBeNull();
  });

  it("stands where the comment box would be when the policy says blocked", async () => {
    signInAs(blocked);
    server.use(
      http.get("/api/v1/ideas/i-1", () => HttpResponse.json({ id: "i-1", permissions: { comment: { allowed: false, reason: "blocked" } } })),
    );
    renderWithProviders(<CommentsSection ideaId="i-1" />);
    expect(await screen.findByText(/You cannot post, react or comment until/)).toBeInTheDocument();
    expect(screen.getByText("Reason: Insulting other residents")).toBeInTheDocument();
    expect(screen.queryByRole("textbox")).toBeNull();
  });

  it("stands in for the new-idea form", async () => {
    signInAs(blocked);
    server.use(http.get("/api/v1/projects/p-1", () => HttpResponse.json(ideationProject)), ...ideationHandlers);
    renderApp("/projects/p-1/phases/ph-ideas/ideas/new");
    expect(await screen.findByText(/You cannot post, react or comment until/)).toBeInTheDocument();
    expect(screen.queryByRole("textbox")).toBeNull();
  });

  it("tells a blocked author why their idea cannot be edited now", async () => {
    signInAs(blocked);
    server.use(
      http.get("/api/v1/ideas/i-1", () =>
        HttpResponse.json({ ...idea, permissions: { ...idea.permissions, edit: { allowed: false, reason: "blocked" } } }),
      ),
      ...ideationHandlers,
    );
    renderApp("/ideas/i-1/edit");
    expect(await screen.findByText(/You cannot post, react or comment until/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Edit your idea" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Save changes" })).toBeNull();
  });

  it("ignores a block that has run out", () => {
    signInAs({ ...resident, blocked: { until: "2020-01-01T00:00:00Z", reason: "Old" } });
    let seen: unknown = "unset";
    function Probe() {
      seen = useBlockedState();
      return null;
    }
    renderWithProviders(<Probe />);
    expect(seen).toBeNull();
  });
});
