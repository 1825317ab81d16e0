import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { problem } from "@/testing/handlers";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { stubLayoutForEditor } from "./editorTesting";
import { OfficialUpdates } from "./OfficialUpdates";
import type { OfficialUpdate } from "./types";

beforeAll(async () => {
  stubLayoutForEditor();
  await import("./OfficialUpdateEditor");
});

const denied = { allowed: false, reason: "moderator_only", fields: [] };
const allowed = { allowed: true, reason: "ok", fields: [] };

const signed: OfficialUpdate = {
  id: "u-2",
  body: { en: "<p>Work starts in <strong>May</strong>.</p>", fr: "<p>Les travaux commencent en mai.</p>" },
  author_name: { en: "Parks team" },
  created_at: "2026-03-10T09:00:00Z",
  updated_at: "2026-03-10T09:00:00Z",
  permissions: { edit: denied, delete: denied },
};
const unsigned: OfficialUpdate = {
  id: "u-1",
  body: { en: "<p>We are studying your idea.</p>" },
  author_name: null,
  created_at: "2026-02-01T09:00:00Z",
  updated_at: "2026-02-03T09:00:00Z",
  permissions: { edit: denied, delete: denied },
};

function updatesApi(items: OfficialUpdate[]) {
  let current = [...items];
  const sent: { method: string; id: string; body?: unknown }[] = [];
  server.use(
    http.get("/api/v1/ideas/i-1/official-updates", () => HttpResponse.json({ items: current })),
    http.patch("/api/v1/official-updates/:id", async ({ request, params }) => {
      const body = (await request.json()) as Partial<OfficialUpdate>;
      sent.push({ method: "PATCH", id: String(params.id), body });
      current = current.map((update) => (update.id === params.id ? { ...update, ...body } : update));
      return HttpResponse.json(current.find((update) => update.id === params.id));
    }),
    http.delete("/api/v1/official-updates/:id", ({ params }) => {
      sent.push({ method: "DELETE", id: String(params.id) });
      current = current.filter((update) => update.id !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return sent;
}

describe("OfficialUpdates", () => {
  it("shows nothing while the idea has no official update", async () => {
    let asked = false;
    server.use(
      http.get("/api/v1/ideas/i-1/official-updates", () => {
        asked = true;
        return HttpResponse.json({ items: [] });
      }),
    );
    const { container } = renderWithProviders(<OfficialUpdates ideaId="i-1" />);
    await waitFor(() => expect(asked).toBe(true));
    expect(container.querySelector("section")).toBeNull();
  });

  it("lists updates with their signature (or the platform's name), date and text, without actions for residents", async () => {
    // GIVEN two updates, one signed, one in the platform's name
    updatesApi([signed, unsigned]);
    renderWithProviders(<OfficialUpdates ideaId="i-1" />);
    // THEN each is an article named for its author and date
    expect(await screen.findByRole("heading", { name: "Official updates" })).toBeInTheDocument();
    const first = screen.getByRole("article", { name: "Official update from Parks team, March 10, 2026" });
    expect(within(first).getByText("May", { selector: "strong" })).toBeInTheDocument();
    const second = screen.getByRole("article", { name: "Official update from City of Alpha, February 1, 2026" });
    expect(within(second).getByText("We are studying your idea.")).toBeInTheDocument();
    expect(within(second).getByText("(edited)")).toBeInTheDocument();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("lets those allowed edit an update", async () => {
    // GIVEN a moderator who may edit
    const sent = updatesApi([{ ...signed, permissions: { edit: allowed, delete: allowed } }]);
    renderWithProviders(<OfficialUpdates ideaId="i-1" />);
    await userEvent.click(await screen.findByRole("button", { name: "Edit the update of March 10, 2026" }));
    const form = await screen.findByRole("form", { name: "Edit official update" }, { timeout: 3000 });
    // WHEN they remove the signature and save
    const signature = within(form).getByRole("textbox", { name: "Signed as (English)" });
    expect(signature).toHaveValue("Parks team");
    await userEvent.clear(signature);
    await userEvent.click(within(form).getByRole("button", { name: "Save update" }));
    // THEN the text is kept and the update is signed with the platform's name again
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      method: "PATCH",
      id: "u-2",
      body: { body: signed.body, author_name: null },
    });
    expect(
      await screen.findByRole("article", { name: "Official update from City of Alpha, March 10, 2026" }),
    ).toBeInTheDocument();
  }, 20_000);

  it("deletes an update after confirming, and shows a refusal", async () => {
    const sent = updatesApi([
      { ...signed, permissions: { edit: denied, delete: allowed } },
      { ...unsigned, permissions: { edit: denied, delete: allowed } },
    ]);
    server.use(
      http.delete("/api/v1/official-updates/u-1", () =>
        problem(403, "moderator_only", "Only moderators can delete official updates."),
      ),
    );
    renderWithProviders(<OfficialUpdates ideaId="i-1" />);
    await userEvent.click(await screen.findByRole("button", { name: "Delete the update of March 10, 2026" }));
    const group = screen.getByRole("group", { name: "Delete the update of March 10, 2026?" });
    await userEvent.click(within(group).getByRole("button", { name: "Yes, delete" }));
    await waitFor(() => expect(screen.queryByRole("article", { name: /Parks team/ })).toBeNull());
    expect(sent).toEqual([{ method: "DELETE", id: "u-2" }]);
    // AND a refused delete says why
    await userEvent.click(screen.getByRole("button", { name: "Delete the update of February 1, 2026" }));
    await userEvent.click(screen.getByRole("button", { name: "Yes, delete" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Only moderators can delete official updates.");
  });
});
