import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { Me } from "@/lib/api/types";
import { resident } from "@/testing/fixtures";
import { server } from "@/testing/server";
import { inputsApi, renderPage, row } from "./inputsTesting";

const last = <T,>(items: T[]): T => items[items.length - 1];

describe("InputManagerPage", () => {
  it("lists the inputs in a table, newest first, each title linking to its page", async () => {
    // GIVEN two inputs, one reported, assigned and hidden
    const sent = inputsApi([
      [row("i-1", { reached: true }), row("i-2", { reports: 4, hidden: true, assignee: { id: "u-alan", display_name: "Alan Turing", avatar_url: null, former: false } })],
    ]);
    renderPage();
    // THEN the table shows one row per input
    const table = await screen.findByRole("table", { name: "Inputs (2)" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    const second = rows[2];
    expect(within(second).getByRole("link", { name: "Idea i-2" })).toHaveAttribute("href", "/ideas/i-2");
    expect(within(second).getByText("Hidden")).toBeInTheDocument();
    expect(within(rows[1]).getByText("Reached its goal")).toBeInTheDocument();
    expect(within(second).queryByText("Reached its goal")).not.toBeInTheDocument();
    expect(within(second).getByText("Alan Turing")).toBeInTheDocument();
    expect(within(second).getByText("Proposed")).toHaveStyle({ background: "#505a5f" });
    expect(within(second).getByRole("cell", { name: "4" })).toBeInTheDocument();
    expect(within(rows[1]).getByText("Unassigned")).toBeInTheDocument();
    // AND the list was asked for newest first, a page at a time
    expect(sent.lists[0].toString()).toBe("sort=newest&limit=50");
  });

  it("puts each filter in the URL and in the request", async () => {
    // GIVEN the page without filters
    const sent = inputsApi();
    const { router } = renderPage();
    await screen.findByRole("table");
    const filters = screen.getByRole("search", { name: "Filter inputs" });
    // WHEN a project, then one of its phases with inputs (ideas or proposals), a status and "reported only" are chosen
    const phase = within(filters).getByRole("combobox", { name: "Phase" });
    expect(phase).toBeDisabled();
    await userEvent.selectOptions(await within(filters).findByRole("combobox", { name: "Project" }), "A new park");
    await waitFor(() => expect(phase).toBeEnabled());
    await waitFor(() =>
      expect(within(phase).getAllByRole("option").map((option) => option.textContent)).toEqual([
        "All phases",
        "Ideas",
        "Shortlist",
        "Proposals",
      ]),
    );
    await userEvent.selectOptions(phase, "Shortlist");
    await userEvent.selectOptions(within(filters).getByRole("combobox", { name: "Status" }), "Accepted");
    await userEvent.click(within(filters).getByRole("checkbox", { name: "Reported only" }));
    await userEvent.click(within(filters).getByRole("checkbox", { name: "Proposals that reached their goal" }));
    await userEvent.selectOptions(within(filters).getByRole("combobox", { name: "Sort by" }), "Most commented");
    // THEN the URL carries them, so the view can be shared
    expect(router.state.location.search).toBe(
      "?project=p-1&phase=ph-3&status=s-2&reported=true&reached=true&sort=most_commented",
    );
    // AND the list is asked for with them
    await waitFor(() =>
      expect(last(sent.lists).toString()).toBe(
        "sort=most_commented&project=p-1&phase=ph-3&status=s-2&reported=true&reached=true&limit=50",
      ),
    );
    // WHEN the project changes, its phase no longer applies
    await userEvent.selectOptions(within(filters).getByRole("combobox", { name: "Project" }), "All projects");
    expect(router.state.location.search).toBe("?status=s-2&reported=true&reached=true&sort=most_commented");
    // AND "Clear filters" keeps only the sort
    await userEvent.click(within(filters).getByRole("button", { name: "Clear filters" }));
    expect(router.state.location.search).toBe("?sort=most_commented");
  });

  it("offers a moderator the projects their grants name, without the managers' list", async () => {
    // GIVEN a moderator of p-1 only (the back-office project list would refuse them)
    const moderator: Me = { ...resident, id: "u-mod", roles: [{ role: "moderator", scope: ["p-1"] }] };
    inputsApi(undefined, moderator);
    let listed = false;
    server.use(
      http.get("/api/v1/admin/projects", () => {
        listed = true;
        return HttpResponse.json({ items: [], next_cursor: null });
      }),
    );
    renderPage();
    const project = await screen.findByRole("combobox", { name: "Project" });
    // THEN their project is offered, read by id
    await waitFor(() =>
      expect(within(project).getAllByRole("option").map((option) => option.textContent)).toEqual([
        "All projects",
        "A new park",
      ]),
    );
    expect(listed).toBe(false);
  });

  it("opens a shared view with its filters chosen", async () => {
    const sent = inputsApi();
    renderPage("/admin/inputs?project=p-1&assignee=none&from=2026-01-01&to=2026-01-31&q=bench&sort=oldest");
    const filters = await screen.findByRole("search", { name: "Filter inputs" });
    expect(within(filters).getByRole("combobox", { name: "Assigned to" })).toHaveValue("none");
    expect(within(filters).getByLabelText("Posted from")).toHaveValue("2026-01-01");
    expect(within(filters).getByLabelText("Posted until")).toHaveValue("2026-01-31");
    expect(within(filters).getByRole("searchbox", { name: "Search" })).toHaveValue("bench");
    expect(within(filters).getByRole("combobox", { name: "Sort by" })).toHaveValue("oldest");
    await waitFor(() =>
      expect(sent.lists[0].toString()).toBe(
        "sort=oldest&project=p-1&assignee=none&from=2026-01-01&to=2026-01-31&q=bench&limit=50",
      ),
    );
  });

  it("searches once typing pauses, and filters to the viewer's inputs in one click", async () => {
    // GIVEN the page
    const sent = inputsApi();
    const { router } = renderPage();
    await screen.findByRole("table");
    // WHEN a word is typed
    await userEvent.type(screen.getByRole("searchbox", { name: "Search" }), "tree");
    // THEN one search follows the pause, not one per letter
    await waitFor(() => expect(router.state.location.search).toBe("?q=tree"));
    await waitFor(() => expect(last(sent.lists).get("q")).toBe("tree"));
    expect(sent.lists.filter((params) => params.has("q")).map((params) => params.get("q"))).toEqual(["tree"]);
    // WHEN "Assigned to me" is pressed
    const mine = screen.getByRole("button", { name: "Assigned to me" });
    await userEvent.click(mine);
    // THEN the assignee filter says "me" and the button shows it is on
    expect(router.state.location.search).toBe("?assignee=me&q=tree");
    expect(mine).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("combobox", { name: "Assigned to" })).toHaveValue("me");
    await waitFor(() => expect(last(sent.lists).get("assignee")).toBe("me"));
    // AND pressing it again shows everyone's
    await userEvent.click(mine);
    expect(router.state.location.search).toBe("?q=tree");
  });

  it("loads the next page with the cursor and appends it", async () => {
    // GIVEN two pages of inputs
    const sent = inputsApi([[row("i-1"), row("i-2")], [row("i-3")]]);
    renderPage();
    await screen.findByRole("table", { name: "Inputs (2)" });
    // WHEN "Load more" is pressed
    await userEvent.click(screen.getByRole("button", { name: "Load more inputs" }));
    // THEN the next page is asked for with the cursor and the rows follow the first page's
    expect(await screen.findByRole("table", { name: "Inputs (3)" })).toBeInTheDocument();
    expect(last(sent.lists).get("cursor")).toBe("c1");
    expect(screen.getByRole("link", { name: "Idea i-3" })).toBeInTheDocument();
    // AND there is no more to load
    expect(screen.queryByRole("button", { name: "Load more inputs" })).toBeNull();
  });

  it("says so when no input matches", async () => {
    inputsApi([[]]);
    renderPage();
    expect(await screen.findByText("No inputs match these filters.")).toBeInTheDocument();
  });

  it("says how to narrow a search that matches too many inputs to list", async () => {
    // GIVEN a search the server refuses as too broad
    inputsApi();
    server.use(
      http.get("/api/v1/manage/inputs", () =>
        HttpResponse.json(
          {
            status: 422,
            code: "validation_failed",
            detail: "Some fields need your attention.",
            errors: [{ field: "q", code: "too_many_matches", message: "More than 1,000 inputs match." }],
            max_matches: 1000,
          },
          { status: 422, headers: { "content-type": "application/problem+json" } },
        ),
      ),
    );
    renderPage("/admin/inputs?q=park");
    // THEN the page names the limit in the viewer's language and says what to do
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "More than 1,000 inputs match these words. Add a word, or choose a project or a phase, to narrow the search.",
    );
  });

  it("shows a load error", async () => {
    inputsApi();
    server.use(http.get("/api/v1/manage/inputs", () => HttpResponse.json({}, { status: 500 })));
    renderPage();
    expect(await screen.findByRole("alert")).toHaveTextContent("This content could not be loaded.");
  });
});
