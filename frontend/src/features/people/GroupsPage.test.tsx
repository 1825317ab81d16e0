import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it } from "vitest";
import { resident } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { group, groupsApi, preloadAdmin, signIn } from "./peopleTesting";

beforeAll(preloadAdmin);

const neighbours = group("g-1", { title: { en: "Neighbours of the park" }, member_count: 12 });
const staff = group("g-2", {
  title: { en: "City staff" },
  membership: "smart",
  match: "all",
  rules: [{ type: "email_domain", operator: "is", domain: "lindenfeld.de" }],
  member_count: 1,
});

describe("GroupsPage", () => {
  it("lists the groups with their kind and member count", async () => {
    signIn();
    groupsApi([neighbours, staff]);
    renderApp("/admin/groups");
    expect(await screen.findByRole("heading", { name: "User groups", level: 1 })).toBeInTheDocument();
    const first = (await screen.findByRole("link", { name: "Neighbours of the park" })).closest("li") as HTMLElement;
    expect(within(first).getByText("Manual")).toBeInTheDocument();
    expect(within(first).getByText("12 members")).toBeInTheDocument();
    const second = screen.getByRole("link", { name: "City staff" }).closest("li") as HTMLElement;
    expect(within(second).getByText("Smart")).toBeInTheDocument();
    expect(within(second).getByText("1 member")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "New group" })).toHaveAttribute("href", "/admin/groups/new");
  });

  it("says when there are no groups", async () => {
    signIn();
    groupsApi([]);
    renderApp("/admin/groups");
    expect(await screen.findByText("There are no user groups yet.")).toBeInTheDocument();
  });

  it("lets the team read the groups but not create one", async () => {
    signIn({ ...resident, id: "u-pm", roles: [{ role: "project_manager", scope: ["p-1"] }] });
    groupsApi([neighbours]);
    renderApp("/admin/groups");
    expect(await screen.findByRole("link", { name: "Neighbours of the park" })).toBeInTheDocument();
    expect(screen.getByText(/Only administrators create and change them/)).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "New group" })).toBeNull();
  });

  it("creates a manual group and opens it", async () => {
    signIn();
    const sent = groupsApi([]);
    const { router } = renderApp("/admin/groups/new");
    const form = await screen.findByRole("form", { name: "New group" });
    await userEvent.type(within(form).getByRole("textbox", { name: "Group name (English, required)" }), "Neighbours");
    await userEvent.type(within(form).getByRole("textbox", { name: "Description (English)" }), "Live next to the park");
    expect(within(form).getByRole("radio", { name: "Manual" })).toBeChecked();
    await userEvent.click(within(form).getByRole("button", { name: "Create group" }));
    expect(await screen.findByRole("heading", { name: "Neighbours", level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/admin/groups/g-new");
    expect(sent[0]).toEqual({
      method: "POST",
      path: "/groups",
      body: { title: { en: "Neighbours" }, description: { en: "Live next to the park" }, membership: "manual" },
    });
  });

  it("creates a smart group from its rules", async () => {
    signIn();
    const sent = groupsApi([]);
    renderApp("/admin/groups/new");
    const form = await screen.findByRole("form", { name: "New group" });
    await userEvent.type(within(form).getByRole("textbox", { name: "Group name (English, required)" }), "City staff");
    await userEvent.click(within(form).getByRole("radio", { name: "Smart" }));
    const rule = within(form).getByRole("group", { name: "Rule 1" });
    await userEvent.type(within(rule).getByRole("textbox", { name: "Domain" }), "lindenfeld.de");
    await userEvent.click(within(form).getByRole("radio", { name: "any of the rules" }));
    await userEvent.click(within(form).getByRole("button", { name: "Create group" }));
    // THEN the group page explains that membership follows the rules
    expect(await screen.findByText("Email address ends in @lindenfeld.de")).toBeInTheDocument();
    expect(screen.getByText(/Membership follows the rules/)).toBeInTheDocument();
    expect(sent[0].body).toEqual({
      title: { en: "City staff" },
      description: {},
      membership: "smart",
      rules: { match: "any", rules: [{ type: "email_domain", operator: "is", domain: "lindenfeld.de" }] },
    });
  });

  it("asks for a name first, with the error summary taking focus", async () => {
    signIn();
    const sent = groupsApi([]);
    renderApp("/admin/groups/new");
    const form = await screen.findByRole("form", { name: "New group" });
    await userEvent.click(within(form).getByRole("radio", { name: "Smart" }));
    await userEvent.click(within(form).getByRole("button", { name: "Create group" }));
    const summary = await within(form).findByRole("alert");
    expect(summary).toHaveFocus();
    expect(within(summary).getAllByRole("link", { name: "Enter a value." })).toHaveLength(2);
    expect(sent).toEqual([]);
  });
});
