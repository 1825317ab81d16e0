import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { projectSummary } from "@/testing/fixtures";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { formerResident } from "@/testing/social";
import { activityItem, moderator, preloadAdmin, signInTeam } from "./moderationTesting";
import type { ActivityItem } from "./types";

/** An activity API answering `pages` in turn (by cursor), recording each request's query. */
function activityApi(pages: ActivityItem[][]) {
  const queries: Record<string, string>[] = [];
  server.use(
    http.get("/api/v1/moderation/activity", ({ request }) => {
      const query = Object.fromEntries(new URL(request.url).searchParams);
      queries.push(query);
      const index = query.cursor ? Number(query.cursor) : 0;
      return HttpResponse.json({
        items: pages[index] ?? [],
        next_cursor: index + 1 < pages.length ? String(index + 1) : null,
      });
    }),
  );
  return queries;
}

interface ActionBody {
  action: string;
  targets: { target_kind: string; target_id: string }[];
}

function actionsApi(answer: (body: ActionBody) => { results: object[] }) {
  const bodies: unknown[] = [];
  server.use(
    http.post("/api/v1/moderation/actions", async ({ request }) => {
      const body = (await request.json()) as ActionBody;
      bodies.push(body);
      return HttpResponse.json(answer(body));
    }),
  );
  return bodies;
}

const applied = (body: ActionBody, state = "hidden") => ({
  results: body.targets.map((target) => ({ ...target, ok: true, code: null, state, reviewed: false })),
});

beforeAll(preloadAdmin);

describe("ActivityPage", () => {
  it("opens on the items not reviewed yet and sends each filter as a query parameter", async () => {
    // GIVEN an admin and one pending idea
    signInTeam();
    server.use(http.get("/api/v1/admin/projects", () => HttpResponse.json({ items: [projectSummary], next_cursor: null })));
    const queries = activityApi([[activityItem(1)]]);
    renderApp("/admin/moderation");
    // THEN the queue asks for what is not reviewed
    expect(await screen.findByRole("heading", { name: "Activity", level: 1 })).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: "Idea 1" })).toHaveAttribute("href", "/ideas/i-1");
    expect(queries[0]).toMatchObject({ reviewed: "false" });
    expect(queries[0]).not.toHaveProperty("kind");
    // WHEN the filters change
    await userEvent.selectOptions(await screen.findByRole("combobox", { name: "Project" }), "A new park");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Type" }), "Comment");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Reports" }), "Reported");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "State" }), "Hidden");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Review" }), "Any");
    // THEN the last request carries them all, and "any" review sends none
    await waitFor(() =>
      expect(queries.at(-1)).toEqual({ project: "p-1", kind: "comment", reported: "true", state: "hidden", limit: "50" }),
    );
  });

  it("pages on with the cursor", async () => {
    signInTeam();
    const queries = activityApi([[activityItem(1)], [activityItem(2)]]);
    renderApp("/admin/moderation");
    await userEvent.click(await screen.findByRole("button", { name: "Load more" }));
    expect(await screen.findByRole("link", { name: "Idea 2" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Idea 1" })).toBeInTheDocument();
    expect(queries.at(-1)).toMatchObject({ cursor: "1" });
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
  });

  it("selects every row at once and marks them reviewed", async () => {
    // GIVEN two items
    signInTeam();
    activityApi([[activityItem(1), activityItem(2, { target_kind: "comment", target_id: "c-2", title: { en: "Idea 9" } })]]);
    const bodies = actionsApi((body) => applied(body, "visible"));
    renderApp("/admin/moderation");
    const selectAll = await screen.findByRole("checkbox", { name: "Select all shown rows" });
    // WHEN one row is picked, the header box is half checked
    await userEvent.click(screen.getByRole("checkbox", { name: "Select Idea by Author 1: Idea 1" }));
    expect(selectAll).toHaveProperty("indeterminate", true);
    // AND select-all picks the rest
    await userEvent.click(selectAll);
    expect(screen.getByRole("checkbox", { name: "Select Comment by Author 2: Excerpt 2" })).toBeChecked();
    const bar = screen.getByRole("region", { name: "Selected rows" });
    expect(within(bar).getByText("2 rows selected")).toBeInTheDocument();
    await userEvent.click(within(bar).getByRole("button", { name: "Mark reviewed" }));
    // THEN both targets go in one request, and the summary says so
    await waitFor(() =>
      expect(bodies).toEqual([
        {
          action: "review",
          targets: [
            { target_kind: "idea", target_id: "i-1" },
            { target_kind: "comment", target_id: "c-2" },
          ],
        },
      ]),
    );
    expect(await screen.findByRole("status")).toHaveTextContent("2 done, 0 not done.");
    expect(screen.queryByRole("region", { name: "Selected rows" })).toBeNull();
  });

  it("asks why before hiding, and lists what could not be hidden", async () => {
    signInTeam();
    activityApi([[activityItem(1), activityItem(2)]]);
    const bodies = actionsApi((body) => ({
      results: [
        { ...body.targets[0], ok: true, code: null, state: "hidden", reviewed: false },
        { ...body.targets[1], ok: false, code: "concurrent_change", state: "visible", reviewed: false },
      ],
    }));
    renderApp("/admin/moderation");
    await userEvent.click(await screen.findByRole("checkbox", { name: "Select all shown rows" }));
    await userEvent.click(screen.getByRole("button", { name: "Hide" }));
    const dialog = screen.getByRole("dialog", { name: "Hide the 2 selected items" });
    // WHEN it is sent without a reason
    await userEvent.click(within(dialog).getByRole("button", { name: "Hide 2 items" }));
    // THEN nothing is sent and the reason box says why
    const reason = within(dialog).getByRole("textbox", { name: "Reason" });
    expect(reason).toHaveAccessibleDescription(expect.stringContaining("Enter a value."));
    expect(reason).toHaveFocus();
    expect(bodies).toEqual([]);
    // WHEN a reason is given
    await userEvent.type(reason, "Advertising");
    await userEvent.click(within(dialog).getByRole("button", { name: "Hide 2 items" }));
    // THEN it goes with the action, and the failure is named with its reason in words
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ action: "hide", reason: "Advertising" });
    const status = await screen.findByRole("status");
    expect(status).toHaveTextContent("1 done, 1 not done.");
    expect(status).toHaveTextContent("Idea by Author 2: Idea 2: Someone changed this at the same time.");
  });

  it("keeps the summary when the acted-on rows leave the refreshed list", async () => {
    // GIVEN a queue whose only item leaves it once it is reviewed (as the server does)
    signInTeam();
    let reviewed = false;
    server.use(
      http.get("/api/v1/moderation/activity", () =>
        HttpResponse.json({ items: reviewed ? [] : [activityItem(1)], next_cursor: null }),
      ),
    );
    actionsApi((body) => {
      reviewed = true;
      return { results: [{ ...body.targets[0], ok: true, code: null, state: "visible", reviewed: true }] };
    });
    renderApp("/admin/moderation");
    await userEvent.click(await screen.findByRole("checkbox", { name: "Select Idea by Author 1: Idea 1" }));
    // WHEN it is marked reviewed and the list refreshes without it
    await userEvent.click(screen.getByRole("button", { name: "Mark reviewed" }));
    // THEN the moderator is still told what was done
    expect(await screen.findByRole("status")).toHaveTextContent("1 done, 0 not done.");
    expect(await screen.findByText("Nothing matches these filters.")).toBeInTheDocument();
  });

  it("says in words why a target was not restored", async () => {
    signInTeam();
    activityApi([[activityItem(1, { state: "hidden", hidden_reason: "Spam" })]]);
    actionsApi((body) => ({
      results: body.targets.map((target) => ({ ...target, ok: false, code: "moderator_only", state: null, reviewed: null })),
    }));
    renderApp("/admin/moderation");
    expect(await screen.findByText("Reason: Spam")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("checkbox", { name: "Select Idea by Author 1: Idea 1" }));
    await userEvent.click(screen.getByRole("button", { name: "Restore" }));
    const status = await screen.findByRole("status");
    expect(status).toHaveTextContent("0 done, 1 not done.");
    expect(status).toHaveTextContent("Idea by Author 1: Idea 1: you do not moderate its project.");
  });

  it("deletes only after a reason and an explicit confirmation", async () => {
    signInTeam();
    activityApi([[activityItem(1)]]);
    const bodies = actionsApi((body) => applied(body, "deleted"));
    renderApp("/admin/moderation");
    await userEvent.click(await screen.findByRole("checkbox", { name: "Select Idea by Author 1: Idea 1" }));
    await userEvent.click(screen.getByRole("button", { name: "Delete" }));
    const dialog = screen.getByRole("alertdialog", { name: "Delete the selected item?" });
    expect(dialog).toHaveAccessibleDescription("The content is deleted for good. This cannot be undone.");
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Reason" }), "Hate speech");
    await userEvent.click(within(dialog).getByRole("button", { name: "Delete for good" }));
    await waitFor(() =>
      expect(bodies).toEqual([
        { action: "delete", reason: "Hate speech", targets: [{ target_kind: "idea", target_id: "i-1" }] },
      ]),
    );
  });

  it("shows each report's reason, note and reporter on request", async () => {
    signInTeam();
    activityApi([[activityItem(1, { reports: 2, report_reasons: { spam: 1, inappropriate: 0, other: 1 } })]]);
    server.use(
      http.get("/api/v1/moderation/activity/idea/i-1/reports", () =>
        HttpResponse.json({
          items: [
            { reason: "spam", note: null, reporter: { id: "u-7", display_name: "Rita R.", avatar_url: null, former: false }, created_at: "2026-03-02T10:00:00Z" },
            { reason: "other", note: "Copied from a shop's site", reporter: { id: "u-8", display_name: "Sol S.", avatar_url: null, former: false }, created_at: "2026-03-03T10:00:00Z" },
          ],
        }),
      ),
    );
    renderApp("/admin/moderation");
    const toggle = await screen.findByRole("button", { name: "2 reports on Idea by Author 1: Idea 1" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(await screen.findByText("Spam or advertising")).toBeInTheDocument();
    expect(screen.getByText(/by Rita R\./)).toBeInTheDocument();
    expect(screen.getByText("Copied from a shop's site")).toBeInTheDocument();
  });

  it("blocks the author for a preset duration with a reason, and says when the server refuses", async () => {
    // GIVEN an item by an admin, who cannot be blocked
    signInTeam();
    activityApi([[activityItem(1, { author: { id: "u-admin2", display_name: "Ann Admin", avatar_url: null, former: false } })]]);
    const bodies: { user_id: string; until: string; reason: string }[] = [];
    server.use(
      http.post("/api/v1/moderation/blocks", async ({ request }) => {
        bodies.push((await request.json()) as (typeof bodies)[number]);
        return problem(409, "cannot_block_team", "Admins cannot be blocked.");
      }),
    );
    renderApp("/admin/moderation");
    await userEvent.click(await screen.findByRole("checkbox", { name: "Select Idea by Ann Admin: Idea 1" }));
    await userEvent.click(screen.getByRole("button", { name: "Block the author" }));
    const dialog = screen.getByRole("dialog", { name: "Block Ann Admin" });
    await userEvent.click(within(dialog).getByRole("radio", { name: "30 days" }));
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Reason" }), "Repeated spam");
    const before = Date.now();
    await userEvent.click(within(dialog).getByRole("button", { name: "Block this person" }));
    // THEN the block asks for 30 days from now, and the refusal is told in words
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ user_id: "u-admin2", reason: "Repeated spam" });
    const days = (Date.parse(bodies[0].until) - before) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    expect(await screen.findByRole("status")).toHaveTextContent(
      "Ann Admin: This person is an administrator of the platform and cannot be blocked.",
    );
  });

  it("names a former resident in the viewer's language and leaves them out of a block", async () => {
    // GIVEN a French moderator, an idea whose author deleted their account and one by a resident
    window.localStorage.setItem("townhall.locale", "fr");
    signInTeam();
    activityApi([[activityItem(1, { author: formerResident }), activityItem(2)]]);
    renderApp("/admin/moderation");
    // WHEN they select both rows and choose to block the authors
    await userEvent.click(await screen.findByRole("checkbox", { name: "Sélectionner Idée de Ancien habitant : Idea 1" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "Sélectionner Idée de Author 2 : Idea 2" }));
    expect(screen.getByRole("cell", { name: "Ancien habitant" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Bloquer l'auteur" }));
    // THEN only the resident who still has an account is offered
    expect(screen.getByRole("dialog", { name: "Bloquer Author 2" })).toBeInTheDocument();
  });

  it("refuses a block date in the past before sending", async () => {
    signInTeam();
    activityApi([[activityItem(1)]]);
    renderApp("/admin/moderation");
    await userEvent.click(await screen.findByRole("checkbox", { name: "Select Idea by Author 1: Idea 1" }));
    await userEvent.click(screen.getByRole("button", { name: "Block the author" }));
    const dialog = screen.getByRole("dialog", { name: "Block Author 1" });
    await userEvent.click(within(dialog).getByRole("radio", { name: "Until a date" }));
    await userEvent.type(within(dialog).getByLabelText("Blocked until (end of this day)"), "2020-01-01");
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Reason" }), "Spam");
    await userEvent.click(within(dialog).getByRole("button", { name: "Block this person" }));
    const date = within(dialog).getByLabelText("Blocked until (end of this day)");
    expect(date).toHaveAccessibleDescription("Choose a day after today.");
    expect(date).toHaveFocus();
  });

  it("offers the projects seen in the queue when the admin list gives none", async () => {
    signInTeam(moderator);
    server.use(http.get("/api/v1/admin/projects", () => HttpResponse.json({ code: "forbidden" }, { status: 403 })));
    const queries = activityApi([[activityItem(1, { project_id: "p-7", project_title: { en: "Riverside" } })]]);
    renderApp("/admin/moderation");
    await screen.findByRole("link", { name: "Idea 1" });
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Project" }), "Riverside");
    await waitFor(() => expect(queries.at(-1)).toMatchObject({ project: "p-7" }));
  });

  it("gives admins every moderation page in the navigation", async () => {
    signInTeam();
    activityApi([[]]);
    renderApp("/admin/moderation");
    const nav = await screen.findByRole("navigation", { name: "Back-office" });
    const links = within(nav).getAllByRole("link").map((link) => link.textContent);
    expect(links).toEqual(expect.arrayContaining(["Dashboard", "Activity", "Audit trail", "Blocked users", "Profanity filter"]));
  });

  it("lets a moderator in, with the team's pages only", async () => {
    // GIVEN a moderator who is not an admin
    signInTeam(moderator);
    activityApi([[]]);
    renderApp("/admin");
    // THEN the back-office opens on the activity queue
    expect(await screen.findByRole("heading", { name: "Activity", level: 1 })).toBeInTheDocument();
    expect(await screen.findByText("Nothing matches these filters.")).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Back-office" });
    const links = within(nav).getAllByRole("link").map((link) => link.textContent);
    expect(links).toEqual(expect.arrayContaining(["Activity", "Blocked users"]));
    for (const adminOnly of ["Dashboard", "Projects", "Audit trail", "Profanity filter"]) expect(links).not.toContain(adminOnly);
  });
});
