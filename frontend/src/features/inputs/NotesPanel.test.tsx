import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { stubLayoutForEditor } from "@/features/feedback/editorTesting";
import { problem } from "@/testing/handlers";
import { server } from "@/testing/server";
import { alan, grace, inputsApi, note, renderPage, row } from "./inputsTesting";
import type { Note } from "./types";

beforeAll(async () => {
  stubLayoutForEditor();
  await import("@/features/feedback/OfficialUpdateEditor");
});

function notesApi(initial: Note[]) {
  let notes = [...initial];
  const sent: { method: string; body?: unknown; id?: string }[] = [];
  server.use(
    http.get("/api/v1/ideas/i-1/notes", () => HttpResponse.json({ items: notes })),
    http.post("/api/v1/ideas/i-1/notes", async ({ request }) => {
      const body = (await request.json()) as { body: string; mentioned_ids: string[] };
      sent.push({ method: "POST", body });
      const created = note(`n-${notes.length + 1}`, { body: body.body, mentioned: [alan].filter((p) => body.mentioned_ids.includes(p.id)) });
      notes = [...notes, created];
      return HttpResponse.json(created, { status: 201 });
    }),
    http.patch("/api/v1/ideas/i-1/notes/:id", async ({ request, params }) => {
      const body = (await request.json()) as { body: string };
      sent.push({ method: "PATCH", id: String(params.id), body });
      notes = notes.map((item) => (item.id === params.id ? { ...item, body: body.body, updated_at: "2026-02-03T10:00:00Z" } : item));
      return HttpResponse.json(notes.find((item) => item.id === params.id));
    }),
    http.delete("/api/v1/ideas/i-1/notes/:id", ({ params }) => {
      sent.push({ method: "DELETE", id: String(params.id) });
      notes = notes.filter((item) => item.id !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return sent;
}

async function openPanel() {
  renderPage();
  const table = await screen.findByRole("table");
  const details = within(table).getAllByRole("button", { name: /^Details/ })[0];
  await userEvent.click(details);
  return { panel: screen.getByRole("complementary", { name: "Idea i-1" }), details };
}

describe("the input panel", () => {
  it("opens beside the table with the feedback panel, and gives focus back when closed", async () => {
    inputsApi([[row("i-1")]]);
    notesApi([]);
    const { panel, details } = await openPanel();
    expect(within(panel).getByRole("heading", { name: "Idea i-1", level: 2 })).toHaveFocus();
    expect(within(panel).getByRole("link", { name: "Open the input's page" })).toHaveAttribute("href", "/ideas/i-1");
    expect(within(panel).getByRole("form", { name: "Idea status" })).toBeInTheDocument();
    expect(await within(panel).findByText("No notes yet.")).toBeInTheDocument();
    await userEvent.click(within(panel).getByRole("button", { name: "Close the details of “Idea i-1”" }));
    expect(screen.queryByRole("complementary")).toBeNull();
    expect(details).toHaveFocus();
  });

  it("adds a note mentioning a colleague picked from the project's team", async () => {
    // GIVEN an input without notes
    inputsApi([[row("i-1")]]);
    const sent = notesApi([]);
    const { panel } = await openPanel();
    const box = await within(panel).findByRole("textbox", { name: "New note" });
    // WHEN "@al" is typed, Alan is suggested and picked with the keyboard
    await userEvent.type(box, "Please check with @al");
    const suggestions = await within(panel).findByRole("listbox", { name: "Colleagues" });
    expect(within(suggestions).getAllByRole("option").map((option) => option.textContent)).toEqual(["Alan Turing"]);
    expect(box).toHaveAttribute("aria-activedescendant", within(suggestions).getByRole("option").id);
    await userEvent.keyboard("{Enter}");
    expect(box).toHaveValue("Please check with @Alan Turing ");
    await userEvent.type(box, "today");
    await userEvent.click(within(panel).getByRole("button", { name: "Add note" }));
    // THEN the note is sent in plain text with Alan's id
    await waitFor(() =>
      expect(sent).toEqual([
        { method: "POST", body: { body: "Please check with @Alan Turing today", mentioned_ids: ["u-alan"] } },
      ]),
    );
    // AND it is listed, and the box is empty again
    expect(await within(panel).findByText("Please check with @Alan Turing today")).toBeInTheDocument();
    expect(box).toHaveValue("");
  });

  it("closes the suggestions with Escape and checks the note in the browser first", async () => {
    inputsApi([[row("i-1")]]);
    const sent = notesApi([]);
    const { panel } = await openPanel();
    const box = await within(panel).findByRole("textbox", { name: "New note" });
    await userEvent.type(box, "@gr");
    expect(await within(panel).findByRole("option", { name: "Grace Lovelace" })).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    expect(within(panel).queryByRole("listbox")).toBeNull();
    // The panel stays open: Escape closed only the suggestions
    expect(screen.getByRole("complementary")).toBeInTheDocument();
    await userEvent.clear(box);
    await userEvent.click(within(panel).getByRole("button", { name: "Add note" }));
    expect(box).toHaveAccessibleDescription(/Enter a value\./);
    expect(box).toHaveFocus();
    await userEvent.type(box, "<b>bold</b>");
    await userEvent.click(within(panel).getByRole("button", { name: "Add note" }));
    expect(box).toHaveAttribute("aria-invalid", "true");
    expect(sent).toEqual([]);
  });

  it("shows the server's reason on the note box", async () => {
    inputsApi([[row("i-1")]]);
    notesApi([]);
    server.use(
      http.post("/api/v1/ideas/i-1/notes", () =>
        problem(422, "validation_error", "Invalid request.", [
          { field: "mentioned_ids", code: "not_team_member", message: "Mention only people of the project's team." },
        ]),
      ),
    );
    const { panel } = await openPanel();
    const box = await within(panel).findByRole("textbox", { name: "New note" });
    await userEvent.type(box, "Hello");
    await userEvent.click(within(panel).getByRole("button", { name: "Add note" }));
    await waitFor(() => expect(box).toHaveAccessibleDescription(/Mention only people of the project's team\./));
  });

  it("edits and deletes a note the viewer may change, and offers nothing on others'", async () => {
    // GIVEN the viewer's note and a colleague's
    inputsApi([[row("i-1")]]);
    const sent = notesApi([
      note("n-1", { body: "Call the park service" }),
      note("n-2", { body: "Budget is fine", author: alan, permissions: { edit: false, delete: false } }),
    ]);
    const { panel } = await openPanel();
    const items = await within(panel).findAllByRole("listitem");
    expect(within(items[1]).queryByRole("button")).toBeNull();
    expect(within(items[0]).getByText(grace.display_name)).toBeInTheDocument();
    // WHEN the viewer edits theirs
    await userEvent.click(within(items[0]).getByRole("button", { name: /^Edit the note of/ }));
    const box = within(panel).getByRole("textbox", { name: /^Edit your note of/ });
    expect(box).toHaveFocus();
    await userEvent.clear(box);
    await userEvent.type(box, "Called the park service");
    await userEvent.click(within(panel).getByRole("button", { name: "Save note" }));
    // THEN the change is sent and shown as edited
    await waitFor(() =>
      expect(sent).toEqual([{ method: "PATCH", id: "n-1", body: { body: "Called the park service", mentioned_ids: [] } }]),
    );
    expect(await within(panel).findByText("Called the park service")).toBeInTheDocument();
    expect(within(panel).getAllByRole("listitem")[0]).toHaveTextContent("(edited)");
    // WHEN they delete it, after confirming
    await userEvent.click(within(panel).getByRole("button", { name: /^Delete the note of/ }));
    await userEvent.click(within(panel).getByRole("button", { name: "Yes, delete" }));
    // THEN only the colleague's note is left
    await waitFor(() => expect(within(panel).queryByText("Called the park service")).toBeNull());
    expect(sent[1]).toEqual({ method: "DELETE", id: "n-1" });
    expect(within(panel).getByText("Budget is fine")).toBeInTheDocument();
  });
});
