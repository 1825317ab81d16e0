import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { moderator, preloadAdmin, signInTeam } from "./moderationTesting";
import type { AuditEntry } from "./types";

function entry(index: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: `a-${index}`,
    at: "2026-03-04T09:30:00Z",
    actor: { id: "u-mod", display_name: "Mo M.", avatar_url: null, former: false },
    action: "hide",
    target_kind: "idea",
    target_id: `i-${index}`,
    subject_user_id: null,
    reason: "Advertising",
    details: {},
    ...overrides,
  };
}

function auditApi(pages: AuditEntry[][]) {
  const queries: Record<string, string>[] = [];
  server.use(
    http.get("/api/v1/moderation/audit", ({ request }) => {
      const query = Object.fromEntries(new URL(request.url).searchParams);
      queries.push(query);
      const index = query.cursor ? Number(query.cursor) : 0;
      return HttpResponse.json({ items: pages[index] ?? [], next_cursor: index + 1 < pages.length ? String(index + 1) : null });
    }),
  );
  return queries;
}

beforeAll(preloadAdmin);

describe("AuditPage", () => {
  it("lists who did what, when and why, and pages on", async () => {
    signInTeam();
    const queries = auditApi([
      [entry(1), entry(2, { action: "block", target_kind: null, target_id: null, subject_user_id: "u-9", reason: "Spam" })],
      [entry(3, { action: "something_new", reason: null })],
    ]);
    renderApp("/admin/moderation/audit");
    expect(await screen.findByRole("heading", { name: "Audit trail", level: 1 })).toBeInTheDocument();
    const table = await screen.findByRole("table", { name: "Audit trail, newest first" });
    const rows = within(table).getAllByRole("row");
    expect(rows[1]).toHaveTextContent(/Mo M\. Only what Mo M\. did.*Hid.*Idea i-1.*Advertising/);
    expect(rows[2]).toHaveTextContent(/Blocked a person.*Person u-9.*Spam/);
    await userEvent.click(screen.getByRole("button", { name: "Load more" }));
    // An action the catalogs do not know yet shows as the server names it.
    expect(await screen.findByText("something_new")).toBeInTheDocument();
    expect(queries.at(-1)).toMatchObject({ cursor: "1" });
  });

  it("filters by target and by the person who acted", async () => {
    signInTeam();
    const queries = auditApi([[entry(1)]]);
    renderApp("/admin/moderation/audit");
    await screen.findByRole("table");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Type" }), "Comment");
    await userEvent.type(screen.getByRole("textbox", { name: "Idea or comment id" }), " c-7 ");
    await userEvent.type(screen.getByRole("textbox", { name: "Person who acted (user id)" }), "u-mod");
    await userEvent.click(screen.getByRole("button", { name: "Show entries" }));
    await waitFor(() => expect(queries.at(-1)).toEqual({ target_kind: "comment", target_id: "c-7", actor: "u-mod", limit: "50" }));
  });

  it("narrows to one person or one target from a row, and back to everything", async () => {
    signInTeam();
    const queries = auditApi([[entry(1)]]);
    renderApp("/admin/moderation/audit");
    await userEvent.click(await screen.findByRole("button", { name: "Only what Mo M. did" }));
    await waitFor(() => expect(queries.at(-1)).toEqual({ actor: "u-mod", limit: "50" }));
    expect(screen.getByRole("textbox", { name: "Person who acted (user id)" })).toHaveValue("u-mod");
    await userEvent.click(await screen.findByRole("button", { name: "Only entries about i-1" }));
    await waitFor(() => expect(queries.at(-1)).toEqual({ actor: "u-mod", target_kind: "idea", target_id: "i-1", limit: "50" }));
    await userEvent.click(screen.getByRole("button", { name: "Show all entries" }));
    await waitFor(() => expect(queries.at(-1)).toEqual({ limit: "50" }));
  });

  it("is for admins only", async () => {
    signInTeam(moderator);
    renderApp("/admin/moderation/audit");
    expect(await screen.findByRole("heading", { name: "You do not have access to this page" })).toBeInTheDocument();
  });
});
