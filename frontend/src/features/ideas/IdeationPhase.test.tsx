import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { ideaCard, ideationHandlers, ideationPhase, ideationProject, signInAs } from "@/testing/ideas";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

function withPhase(changes: Partial<typeof ideationPhase>) {
  const phase = { ...ideationPhase, ...changes };
  return { ...ideationProject, phases: [phase] };
}

function serve(project = ideationProject) {
  server.use(
    http.get("/api/v1/projects/new-park", () => HttpResponse.json(project)),
    ...ideationHandlers,
    http.get("/api/v1/projects/:projectId/phases/:phaseId/ideas", () =>
      HttpResponse.json({ items: [ideaCard(1)], next_cursor: null }),
    ),
  );
}

describe("IdeationPhase", () => {
  it("asks the phase's question and invites a signed-in resident to post", async () => {
    // GIVEN a signed-in resident and an open ideation phase
    signInAs();
    serve();
    // WHEN they open the project
    renderApp("/projects/new-park");
    // THEN the question, the post link and the ideas are shown
    expect(await screen.findByText("What would make the park better?")).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: "Post your idea" })).toHaveAttribute(
      "href",
      "/projects/p-1/phases/ph-ideas/ideas/new",
    );
    expect(await screen.findByRole("link", { name: "Idea 1" })).toHaveAttribute("href", "/ideas/i-1");
  });

  it("tells a visitor to sign in, with a link back here", async () => {
    serve();
    renderApp("/projects/new-park");
    const timeline = await screen.findByRole("region", { name: "Timeline" });
    const link = await within(timeline).findByRole("link", { name: "Sign in" });
    expect(link).toHaveAttribute("href", "/sign-in?next=%2Fprojects%2Fnew-park");
    expect(link.closest("p")).toHaveTextContent("Sign in to post your idea.");
    expect(screen.queryByRole("link", { name: "Post your idea" })).not.toBeInTheDocument();
  });

  it("says when the phase is closed", async () => {
    signInAs();
    serve(withPhase({ start_date: "2020-01-01", end_date: "2020-02-01" }));
    renderApp("/projects/new-park");
    expect(await screen.findByText("This phase is closed: new ideas can no longer be posted.")).toBeInTheDocument();
  });

  it("says when posting is turned off", async () => {
    signInAs();
    serve(withPhase({ method_config: { ...ideationPhase.method_config, posting_enabled: false } }));
    renderApp("/projects/new-park");
    expect(await screen.findByText("Posting new ideas is turned off in this phase.")).toBeInTheDocument();
  });
});
