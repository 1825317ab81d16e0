import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { phase, project } from "@/testing/fixtures";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

const withTimeline = {
  ...project,
  attachments: [
    {
      id: "a-1",
      name: "plan.pdf",
      size: 20480,
      content_type: "application/pdf",
      url: "http://localhost:3000/_storage/plan.pdf",
      created_at: "2026-01-01T00:00:00Z",
    },
  ],
  phases: [
    phase,
    {
      ...phase,
      id: "ph-2",
      title: { en: "Decide" },
      description: { en: "<p>Vote on the plan.</p>" },
      start_date: "2026-03-01",
      end_date: null,
    },
  ],
  current_phase_id: "ph-2",
};

describe("ProjectPage", () => {
  it("shows the description, the timeline with the current phase marked, and the files", async () => {
    // GIVEN a project in its second phase
    server.use(http.get("/api/v1/projects/new-park", () => HttpResponse.json(withTimeline)));
    // WHEN a visitor opens it
    renderApp("/projects/new-park");
    // THEN the sanitised description is rendered, and the current phase is marked in text
    expect(await screen.findByRole("heading", { level: 1, name: "A new park" })).toBeInTheDocument();
    expect(screen.getByText("We plan a park.")).toBeInTheDocument();
    const timeline = screen.getByRole("region", { name: "Timeline" });
    const steps = within(timeline).getAllByRole("listitem");
    expect(steps[1]).toHaveAttribute("aria-current", "step");
    expect(within(steps[1]).getByText("Current phase")).toBeInTheDocument();
    expect(within(timeline).getByRole("heading", { level: 3, name: "Decide" })).toBeInTheDocument();
    expect(within(timeline).getByText("Vote on the plan.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "plan.pdf" })).toHaveAttribute("download", "plan.pdf");
  });

  it("shows another phase's content when it is chosen", async () => {
    server.use(http.get("/api/v1/projects/new-park", () => HttpResponse.json(withTimeline)));
    renderApp("/projects/new-park");
    await userEvent.click(await screen.findByRole("button", { name: /Listen/ }));
    expect(screen.getByText("Tell us what you need.")).toBeInTheDocument();
  });

  it("says 'not found' for a project residents may not see", async () => {
    server.use(http.get("/api/v1/projects/secret", () => problem(404, "not_found", "Not found.")));
    renderApp("/projects/secret");
    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeInTheDocument();
  });
});
