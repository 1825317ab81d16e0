import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { stubLayoutForEditor } from "@/features/feedback/editorTesting";
import { problem } from "@/testing/handlers";
import { server } from "@/testing/server";
import { inputsApi, renderPage, row } from "./inputsTesting";
import type { BulkResult } from "./types";

function bulkRoute(path: string, answer: (ids: string[]) => BulkResult[]) {
  const bodies: unknown[] = [];
  server.use(
    http.post(`/api/v1/manage/inputs/${path}`, async ({ request }) => {
      const body = (await request.json()) as { idea_ids: string[] };
      bodies.push(body);
      return HttpResponse.json({ results: answer(body.idea_ids) });
    }),
  );
  return bodies;
}

async function selectAll() {
  const table = await screen.findByRole("table");
  await userEvent.click(within(table).getByRole("checkbox", { name: /Select all \d+ inputs shown/ }));
  return screen.getByRole("region", { name: /inputs? selected/ });
}

// The official update's editor is TipTap: jsdom needs layout answers for it.
beforeAll(stubLayoutForEditor);

describe("BulkBar", () => {
  it("selects all, some or none of the rows shown", async () => {
    // GIVEN three inputs
    inputsApi([[row("i-1"), row("i-2"), row("i-3")]]);
    renderPage();
    const table = await screen.findByRole("table");
    const all = within(table).getByRole("checkbox", { name: "Select all 3 inputs shown" });
    // WHEN one row is ticked
    await userEvent.click(within(table).getByRole("checkbox", { name: "Select “Idea i-2”" }));
    // THEN the bar counts it and "select all" is half-ticked
    expect(screen.getByRole("heading", { name: "1 input selected" })).toBeInTheDocument();
    expect(all).toHaveProperty("indeterminate", true);
    // WHEN "select all" is ticked, then unticked
    await userEvent.click(all);
    expect(screen.getByRole("heading", { name: "3 inputs selected" })).toBeInTheDocument();
    await userEvent.click(all);
    // THEN nothing is selected and the bar is gone
    expect(screen.queryByRole("region", { name: /selected/ })).toBeNull();
  });

  it("assigns the selection to a collaborator and lists the inputs that refused", async () => {
    // GIVEN two inputs, one of which does not accept the person
    inputsApi();
    const bodies = bulkRoute("assign", (ids) =>
      ids.map((id) => ({ idea_id: id, ok: id === "i-1", code: id === "i-1" ? null : "not_a_collaborator" })),
    );
    renderPage();
    const bar = await selectAll();
    // WHEN the manager assigns them to Alan
    await userEvent.click(within(bar).getByRole("button", { name: "Assign" }));
    const form = within(bar).getByRole("form", { name: "Assign the selected inputs" });
    const picker = within(form).getByRole("combobox", { name: "Assign to" });
    await waitFor(() => expect(within(picker).getByRole("option", { name: "Alan Turing" })).toBeInTheDocument());
    await userEvent.selectOptions(picker, "Alan Turing");
    await userEvent.click(within(form).getByRole("button", { name: "Assign 2 inputs" }));
    // THEN both ids and the person are sent
    await waitFor(() => expect(bodies).toEqual([{ idea_ids: ["i-1", "i-2"], assignee_id: "u-alan" }]));
    // AND the summary takes focus, says what happened and why one input was not changed
    const summary = await screen.findByRole("heading", { name: "1 input assigned, 1 not changed" });
    expect(summary).toHaveFocus();
    const list = within(screen.getByRole("region", { name: "1 input assigned, 1 not changed" })).getByRole("listitem");
    expect(list).toHaveTextContent("Idea i-2: This person cannot be assigned here: only admins and the project's managers can.");
  });

  it("sends a large selection in requests of at most 100 inputs", async () => {
    // GIVEN 130 inputs loaded over three pages, all selected
    const ids = Array.from({ length: 130 }, (_, index) => `i-${index + 1}`);
    inputsApi([ids.slice(0, 50), ids.slice(50, 100), ids.slice(100)].map((page) => page.map((id) => row(id))));
    const sizes: number[] = [];
    server.use(
      http.post("/api/v1/manage/inputs/assign", async ({ request }) => {
        const body = (await request.json()) as { idea_ids: string[] };
        sizes.push(body.idea_ids.length);
        // The second request is refused as a whole.
        if (sizes.length === 2) return problem(503, "unavailable", "Try again in a moment.");
        return HttpResponse.json({ results: body.idea_ids.map((id) => ({ idea_id: id, ok: true, code: null })) });
      }),
    );
    renderPage();
    await screen.findByRole("table", { name: "Inputs (50)" });
    await userEvent.click(screen.getByRole("button", { name: "Load more inputs" }));
    await screen.findByRole("table", { name: "Inputs (100)" });
    await userEvent.click(screen.getByRole("button", { name: "Load more inputs" }));
    await screen.findByRole("table", { name: "Inputs (130)" });
    const bar = await selectAll();
    // WHEN they are assigned
    await userEvent.click(within(bar).getByRole("button", { name: "Assign" }));
    await userEvent.selectOptions(within(bar).getByRole("combobox", { name: "Assign to" }), "Nobody (remove the assignment)");
    await userEvent.click(within(bar).getByRole("button", { name: "Assign 130 inputs" }));
    // THEN 100 go in the first request, the rest in the next; what it could not change is listed
    expect(await screen.findByRole("heading", { name: "100 inputs assigned, 30 not changed" })).toBeInTheDocument();
    expect(sizes).toEqual([100, 30]);
  });

  it("takes the assignment off with 'Nobody'", async () => {
    inputsApi([[row("i-1")]]);
    const bodies = bulkRoute("assign", (ids) => ids.map((id) => ({ idea_id: id, ok: true, code: null })));
    renderPage();
    const bar = await selectAll();
    await userEvent.click(within(bar).getByRole("button", { name: "Assign" }));
    await userEvent.selectOptions(within(bar).getByRole("combobox", { name: "Assign to" }), "Nobody (remove the assignment)");
    await userEvent.click(within(bar).getByRole("button", { name: "Assign 1 input" }));
    await waitFor(() => expect(bodies).toEqual([{ idea_ids: ["i-1"], assignee_id: null }]));
    expect(await screen.findByRole("heading", { name: "1 input assigned" })).toBeInTheDocument();
  });

  it("offers only people who can be assigned in every selected project", async () => {
    // GIVEN inputs of two projects whose teams share only Grace
    inputsApi([[row("i-1"), row("i-2", { project: { id: "p-2", slug: "bikes", title: { en: "Bikes" } } })]]);
    server.use(
      http.get("/api/v1/manage/collaborators", ({ request }) => {
        const project = new URL(request.url).searchParams.get("project");
        const grace = { id: "u-admin", display_name: "Grace Lovelace", avatar_url: null, former: false };
        const alan = { id: "u-alan", display_name: "Alan Turing", avatar_url: null, former: false };
        return HttpResponse.json({ items: project === "p-1" ? [grace, alan] : [grace] });
      }),
    );
    renderPage();
    const bar = await selectAll();
    await userEvent.click(within(bar).getByRole("button", { name: "Assign" }));
    const picker = within(bar).getByRole("combobox", { name: "Assign to" });
    await waitFor(() => expect(picker).toBeEnabled());
    expect(within(picker).getAllByRole("option").map((option) => option.textContent)).toEqual([
      "Choose a person",
      "Nobody (remove the assignment)",
      "Grace Lovelace",
    ]);
    expect(picker).toHaveAccessibleDescription(/belong to 2 projects/);
  });

  it("shows why a whole bulk request was refused", async () => {
    inputsApi([[row("i-1")]]);
    server.use(
      http.post("/api/v1/manage/inputs/assign", () =>
        problem(403, "team_only", "Only the platform's team can use the input manager."),
      ),
    );
    renderPage();
    const bar = await selectAll();
    await userEvent.click(within(bar).getByRole("button", { name: "Assign" }));
    await userEvent.selectOptions(within(bar).getByRole("combobox", { name: "Assign to" }), "Nobody (remove the assignment)");
    await userEvent.click(within(bar).getByRole("button", { name: "Assign 1 input" }));
    expect(await within(bar).findByRole("alert")).toHaveTextContent("Only the platform's team can do this.");
  });

  it("gives the selection a status without an official update", async () => {
    inputsApi();
    const bodies = bulkRoute("status", (ids) =>
      ids.map((id) => ({ idea_id: id, ok: true, code: null, status_set: true, update_posted: false })),
    );
    renderPage();
    const bar = await selectAll();
    await userEvent.click(within(bar).getByRole("button", { name: "Status or official update" }));
    const form = await within(bar).findByRole("form", {
      name: "Give the selected inputs a status, an official update or both",
    });
    const select = within(form).getByRole("combobox", { name: "New status" });
    await waitFor(() => expect(within(select).getByRole("option", { name: "Accepted" })).toBeInTheDocument());
    // WHEN neither a status nor an update is chosen, the form says so and sends nothing
    await userEvent.click(within(form).getByRole("button", { name: "Apply to 2 inputs" }));
    expect(
      await within(form).findByRole("link", { name: "Choose a new status, or publish an official update, or both." }),
    ).toBeInTheDocument();
    expect(bodies).toEqual([]);
    await userEvent.selectOptions(select, "Accepted");
    await userEvent.click(within(form).getByRole("button", { name: "Apply to 2 inputs" }));
    await waitFor(() => expect(bodies).toEqual([{ idea_ids: ["i-1", "i-2"], status_id: "s-2" }]));
    expect(await screen.findByRole("heading", { name: "2 inputs have the new status" })).toBeInTheDocument();
  });

  it("publishes an official update alone, each input keeping its status", async () => {
    // GIVEN two selected inputs
    inputsApi();
    const bodies = bulkRoute("status", (ids) =>
      ids.map((id) => ({ idea_id: id, ok: true, code: null, status_set: false, update_posted: true })),
    );
    renderPage();
    const bar = await selectAll();
    await userEvent.click(within(bar).getByRole("button", { name: "Status or official update" }));
    const form = await within(bar).findByRole("form", {
      name: "Give the selected inputs a status, an official update or both",
    });
    // WHEN the status is kept and an update is written
    expect(within(form).getByRole("combobox", { name: "New status" })).toHaveValue("");
    expect(within(form).getByRole("option", { name: "Keep each input's current status" })).toBeInTheDocument();
    await userEvent.click(within(form).getByRole("checkbox", { name: "Publish an official update on each input" }));
    await userEvent.click(await within(form).findByRole("textbox", { name: "Official update (English, required)" }));
    await userEvent.keyboard("The council reads every idea in May.");
    await userEvent.click(within(form).getByRole("button", { name: "Apply to 2 inputs" }));
    // THEN only the update is sent, and the summary says the inputs have it
    await waitFor(() =>
      expect(bodies).toEqual([
        { idea_ids: ["i-1", "i-2"], official_update: { en: "<p>The council reads every idea in May.</p>" } },
      ]),
    );
    expect(await screen.findByRole("heading", { name: "2 inputs have the official update" })).toBeInTheDocument();
  }, 20_000);

  it("publishes an official update with the status, and asks for its text first", async () => {
    // GIVEN one selected input
    inputsApi([[row("i-1")]]);
    const bodies = bulkRoute("status", (ids) =>
      ids.map((id) => ({ idea_id: id, ok: true, code: null, status_set: true, update_posted: true })),
    );
    renderPage();
    const bar = await selectAll();
    await userEvent.click(within(bar).getByRole("button", { name: "Status or official update" }));
    const form = await within(bar).findByRole("form", {
      name: "Give the selected inputs a status, an official update or both",
    });
    const select = within(form).getByRole("combobox", { name: "New status" });
    await waitFor(() => expect(within(select).getByRole("option", { name: "Accepted" })).toBeInTheDocument());
    await userEvent.selectOptions(select, "Accepted");
    // WHEN an update is asked for but left empty
    await userEvent.click(within(form).getByRole("checkbox", { name: "Publish an official update on each input" }));
    const editor = await within(form).findByRole("textbox", { name: "Official update (English, required)" });
    await userEvent.click(within(form).getByRole("button", { name: "Apply to 1 input" }));
    // THEN nothing is sent and the summary points at the text
    expect(await within(form).findByRole("link", { name: "Enter a value." })).toBeInTheDocument();
    expect(bodies).toEqual([]);
    // WHEN it is written
    await userEvent.click(editor);
    await userEvent.keyboard("We will build it in spring.");
    await userEvent.click(within(form).getByRole("button", { name: "Apply to 1 input" }));
    // THEN the status and the update travel together
    await waitFor(() =>
      expect(bodies).toEqual([
        { idea_ids: ["i-1"], status_id: "s-2", official_update: { en: "<p>We will build it in spring.</p>" } },
      ]),
    );
    expect(
      await screen.findByRole("heading", { name: "1 input has the new status and the official update" }),
    ).toBeInTheDocument();
  }, 20_000);

  it("says when a status was set but its official update was not posted", async () => {
    // GIVEN two inputs: the second's update fails after its status was set
    inputsApi();
    bulkRoute("status", (ids) =>
      ids.map((id) =>
        id === "i-1"
          ? { idea_id: id, ok: true, code: null, status_set: true, update_posted: true }
          : { idea_id: id, ok: false, code: "conflict", status_set: true, update_posted: false },
      ),
    );
    renderPage();
    const bar = await selectAll();
    await userEvent.click(within(bar).getByRole("button", { name: "Status or official update" }));
    const form = await within(bar).findByRole("form", {
      name: "Give the selected inputs a status, an official update or both",
    });
    const select = within(form).getByRole("combobox", { name: "New status" });
    await waitFor(() => expect(within(select).getByRole("option", { name: "Accepted" })).toBeInTheDocument());
    await userEvent.selectOptions(select, "Accepted");
    await userEvent.click(within(form).getByRole("checkbox", { name: "Publish an official update on each input" }));
    await userEvent.click(await within(form).findByRole("textbox", { name: "Official update (English, required)" }));
    await userEvent.keyboard("Accepted.");
    await userEvent.click(within(form).getByRole("button", { name: "Apply to 2 inputs" }));
    // THEN the summary says exactly which part was done for the second, and why the rest was not
    const name = "1 input has the new status and the official update, 1 with a problem listed below";
    const summary = await screen.findByRole("region", { name });
    expect(within(summary).getByRole("listitem")).toHaveTextContent(
      "Idea i-2: The status was set, but the official update was not posted: Someone changed this input at the same time. Try again.",
    );
  }, 20_000);

  it("moves the selection to another phase after a confirmation, with the votes reset", async () => {
    // GIVEN two inputs of one project
    inputsApi();
    const bodies = bulkRoute("move", (ids) =>
      ids.map((id) => ({ idea_id: id, ok: id === "i-1", code: id === "i-1" ? null : "same_phase", new_idea_id: null })),
    );
    renderPage();
    const bar = await selectAll();
    await userEvent.click(within(bar).getByRole("button", { name: "Move or copy" }));
    const form = await within(bar).findByRole("form", { name: "Move or copy the selected inputs" });
    // WHEN the manager picks an ideation phase of the project and "reset"
    const phase = within(form).getByRole("combobox", { name: "To phase" });
    expect(within(phase).getAllByRole("option").map((option) => option.textContent)).toEqual([
      "Choose a phase",
      "Ideas",
      "Shortlist",
      "Proposals",
    ]);
    await userEvent.selectOptions(phase, "Shortlist");
    await userEvent.click(within(form).getByRole("radio", { name: "Reset the votes to zero" }));
    await userEvent.click(within(form).getByRole("button", { name: "Continue" }));
    // THEN nothing is sent until they confirm
    const confirm = within(bar).getByRole("group", { name: "Move 2 inputs to “Shortlist” and reset their votes to zero?" });
    expect(bodies).toEqual([]);
    await userEvent.click(within(confirm).getByRole("button", { name: "Yes, move" }));
    await waitFor(() =>
      expect(bodies).toEqual([{ idea_ids: ["i-1", "i-2"], phase_id: "ph-3", mode: "move", votes: "reset" }]),
    );
    const summary = await screen.findByRole("region", { name: "1 input moved or copied, 1 not changed" });
    expect(within(summary).getByRole("listitem")).toHaveTextContent("Idea i-2: The input is already in this phase.");
    expect(summary).toHaveTextContent("No copies were made.");
  });

  it("copies with the votes kept and counts the copies made", async () => {
    inputsApi([[row("i-1")]]);
    const bodies = bulkRoute("move", (ids) => ids.map((id) => ({ idea_id: id, ok: true, code: null, new_idea_id: "i-9" })));
    renderPage();
    const bar = await selectAll();
    await userEvent.click(within(bar).getByRole("button", { name: "Move or copy" }));
    await userEvent.selectOptions(await within(bar).findByRole("combobox", { name: "To phase" }), "Ideas");
    await userEvent.click(within(bar).getByRole("radio", { name: /Copy the inputs/ }));
    await userEvent.click(within(bar).getByRole("button", { name: "Continue" }));
    await userEvent.click(within(bar).getByRole("button", { name: "Yes, copy" }));
    await waitFor(() => expect(bodies).toEqual([{ idea_ids: ["i-1"], phase_id: "ph-2", mode: "copy", votes: "keep" }]));
    expect(await screen.findByText(/1 copy was made/)).toBeInTheDocument();
  });

  it("moves inputs of one project only", async () => {
    inputsApi([[row("i-1"), row("i-2", { project: { id: "p-2", slug: "bikes", title: { en: "Bikes" } } })]]);
    renderPage();
    const bar = await selectAll();
    await userEvent.click(within(bar).getByRole("button", { name: "Move or copy" }));
    expect(within(bar).getByText(/Select inputs of one project/)).toBeInTheDocument();
    expect(within(bar).queryByRole("combobox", { name: "To phase" })).toBeNull();
  });

  it("says an unknown result code with the code itself", async () => {
    inputsApi([[row("i-1")]]);
    bulkRoute("assign", (ids) => ids.map((id) => ({ idea_id: id, ok: false, code: "quota_exceeded" })));
    renderPage();
    const bar = await selectAll();
    await userEvent.click(within(bar).getByRole("button", { name: "Assign" }));
    await userEvent.selectOptions(within(bar).getByRole("combobox", { name: "Assign to" }), "Nobody (remove the assignment)");
    await userEvent.click(within(bar).getByRole("button", { name: "Assign 1 input" }));
    expect(await screen.findByText(/could not be changed \(code quota_exceeded\)/)).toBeInTheDocument();
  });
});
