import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { problem } from "@/testing/handlers";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { stubLayoutForEditor } from "./editorTesting";
import { FeedbackPanel } from "./FeedbackPanel";
import type { FeedbackIdea, IdeaStatus } from "./types";

// The editor is a lazy chunk: load it once so no test waits on the import.
beforeAll(async () => {
  stubLayoutForEditor();
  await import("./OfficialUpdateEditor");
});

const statuses: IdeaStatus[] = [
  { id: "s-2", code: "accepted", title: { en: "Accepted" }, description: { en: "We will do it." }, color: "#00703c", position: 1 },
  { id: "s-1", code: "proposed", title: { en: "Proposed" }, description: null, color: "#505a5f", position: 0 },
];

const idea = (allowed: boolean, status: { id: string } | null = { id: "s-1" }): FeedbackIdea => ({
  id: "i-1",
  status,
  permissions: { feedback: { allowed } },
});

function withStatuses() {
  server.use(http.get("/api/v1/idea-statuses", () => HttpResponse.json({ items: statuses })));
}

describe("FeedbackPanel", () => {
  it("renders nothing for someone who may not give feedback", () => {
    // GIVEN a resident's view of the idea
    const { container } = renderWithProviders(<FeedbackPanel idea={idea(false)} />);
    // THEN there is no panel and no request for statuses (unhandled requests fail the test)
    expect(container.querySelector("section")).toBeNull();
  });

  it("changes the idea's status, with the statuses in order", async () => {
    // GIVEN a moderator on an idea that is proposed
    withStatuses();
    let sent: unknown;
    server.use(
      http.put("/api/v1/ideas/i-1/status", async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({});
      }),
    );
    renderWithProviders(<FeedbackPanel idea={idea(true)} />);
    const form = await screen.findByRole("form", { name: "Idea status" });
    const select = within(form).getByRole("combobox", { name: "Status" });
    await waitFor(() => expect(select).toBeEnabled());
    expect(select).toHaveValue("s-1");
    expect(within(select).getAllByRole("option").map((option) => option.textContent)).toEqual([
      "Choose a status",
      "Proposed",
      "Accepted",
    ]);
    // WHEN they choose Accepted and save
    await userEvent.selectOptions(select, "Accepted");
    expect(within(form).getByText("We will do it.")).toBeInTheDocument();
    await userEvent.click(within(form).getByRole("button", { name: "Save status" }));
    // THEN the status is sent and the save is announced
    await waitFor(() => expect(sent).toEqual({ status_id: "s-2" }));
    expect(await within(form).findByRole("status")).toHaveTextContent("The status has been saved.");
  });

  it("shows the server's reason when the status cannot be set", async () => {
    withStatuses();
    server.use(
      http.put("/api/v1/ideas/i-1/status", () =>
        problem(403, "moderator_only", "Only the project's moderators and managers can give feedback."),
      ),
    );
    renderWithProviders(<FeedbackPanel idea={idea(true, null)} />);
    const select = await screen.findByRole("combobox", { name: "Status" });
    await waitFor(() => expect(select).toBeEnabled());
    expect(select).toHaveValue("");
    expect(screen.getByRole("button", { name: "Save status" })).toBeDisabled();
    await userEvent.selectOptions(select, "Accepted");
    await userEvent.click(screen.getByRole("button", { name: "Save status" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Only the project's moderators and managers can give feedback.",
    );
    expect(select).toHaveAccessibleDescription(/Only the project's moderators/);
  });

  it("publishes an official update with a signature", async () => {
    // GIVEN a moderator
    withStatuses();
    let sent: unknown;
    server.use(
      http.post("/api/v1/ideas/i-1/official-updates", async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({}, { status: 201 });
      }),
      http.get("/api/v1/ideas/i-1/official-updates", () => HttpResponse.json({ items: [] })),
    );
    renderWithProviders(<FeedbackPanel idea={idea(true)} />);
    const form = await screen.findByRole("form", { name: "New official update" }, { timeout: 3000 });
    // WHEN they write it in English, sign it and publish
    await userEvent.click(within(form).getByRole("textbox", { name: "Official update (English, required)" }));
    await userEvent.keyboard("Work starts in May.");
    await userEvent.type(within(form).getByRole("textbox", { name: "Signed as (English)" }), "Parks team");
    await userEvent.click(within(form).getByRole("button", { name: "Publish update" }));
    // THEN the update is posted and the form is emptied for the next one
    await waitFor(() =>
      expect(sent).toEqual({ body: { en: "<p>Work starts in May.</p>" }, author_name: { en: "Parks team" } }),
    );
    await waitFor(() => expect(within(form).getByRole("textbox", { name: "Signed as (English)" })).toHaveValue(""));
  }, 20_000);

  it("asks for the update's text before publishing", async () => {
    withStatuses();
    renderWithProviders(<FeedbackPanel idea={idea(true)} />);
    const form = await screen.findByRole("form", { name: "New official update" }, { timeout: 3000 });
    await userEvent.click(within(form).getByRole("button", { name: "Publish update" }));
    const summary = await within(form).findByRole("alert");
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole("link", { name: "Enter a value." })).toBeInTheDocument();
  });
});
