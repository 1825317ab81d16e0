import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { dayFromToday, ideaCard, ideationHandlers, ideationPhase, ideationProject, proposalsProject, signInAs } from "@/testing/ideas";
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

  it("lists a proposals phase's proposals with their progress, in proposal words", async () => {
    // GIVEN a signed-in resident and a proposals phase with three proposals, one in each state
    signInAs();
    const deadline = dayFromToday(4);
    server.use(
      http.get("/api/v1/projects/new-park", () => HttpResponse.json(proposalsProject)),
      ...ideationHandlers,
      http.get("/api/v1/projects/:projectId/phases/:phaseId/ideas", () =>
        HttpResponse.json({
          items: [
            ideaCard(1, { title: { en: "Skate park" }, likes: 37, proposal: { signatures: 37, threshold: 100, deadline, state: "collecting" } }),
            ideaCard(2, { title: { en: "Night bus" }, likes: 140, proposal: { signatures: 140, threshold: 100, deadline, state: "reached" } }),
            ideaCard(3, { title: { en: "Fountain" }, likes: 5, proposal: { signatures: 5, threshold: 100, deadline: "2020-01-01", state: "expired" } }),
          ],
          next_cursor: null,
        }),
      ),
    );
    // WHEN they open the project
    renderApp("/projects/new-park");
    // THEN they are invited to submit a proposal
    expect(await screen.findByRole("link", { name: "Submit a proposal" })).toHaveAttribute(
      "href",
      "/projects/p-1/phases/ph-proposals/ideas/new",
    );
    expect(screen.queryByRole("link", { name: "Post your idea" })).not.toBeInTheDocument();
    // AND they read what a proposal needs, and what the city then does
    expect(
      screen.getByText("Each proposal has 90 days from its publication to gather 100 signatures."),
    ).toBeInTheDocument();
    expect(
      screen.getByText("When a proposal gets there: The city council debates it within three months."),
    ).toBeInTheDocument();
    // AND the list speaks of proposals, sorted by signatures rather than likes
    expect(screen.getByRole("heading", { name: "Proposals" })).toBeInTheDocument();
    expect(screen.getByRole("option", { name: "Most signed" })).toBeInTheDocument();
    expect(screen.queryByRole("option", { name: "Most liked" })).not.toBeInTheDocument();
    // AND each card shows its signatures against the goal and its state
    const skate = (await screen.findByRole("link", { name: "Skate park" })).closest("article") as HTMLElement;
    expect(within(skate).getByRole("progressbar", { name: "37 of 100 signatures" })).toBeInTheDocument();
    expect(within(skate).getByText("5 days left to sign")).toBeInTheDocument();
    expect(within(skate).queryByText("37 likes")).not.toBeInTheDocument();
    const bus = screen.getByRole("link", { name: "Night bus" }).closest("article") as HTMLElement;
    expect(within(bus).getByRole("progressbar", { name: "140 of 100 signatures" })).toBeInTheDocument();
    expect(within(bus).getByText("Reached its goal")).toBeInTheDocument();
    const fountain = screen.getByRole("link", { name: "Fountain" }).closest("article") as HTMLElement;
    expect(within(fountain).getByText("Closed: did not reach its goal")).toBeInTheDocument();
  });

  it("says when a proposals phase has no proposals yet, and tells a visitor to sign in to submit one", async () => {
    server.use(
      http.get("/api/v1/projects/new-park", () => HttpResponse.json(proposalsProject)),
      ...ideationHandlers,
      http.get("/api/v1/projects/:projectId/phases/:phaseId/ideas", () => HttpResponse.json({ items: [], next_cursor: null })),
    );
    renderApp("/projects/new-park");
    expect(await screen.findByText("No proposals yet. Be the first to submit one!")).toBeInTheDocument();
    const timeline = await screen.findByRole("region", { name: "Timeline" });
    const link = await within(timeline).findByRole("link", { name: "Sign in" });
    expect(link.closest("p")).toHaveTextContent("Sign in to submit a proposal.");
  });
});
