import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it } from "vitest";
import { resident } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { group, groupsApi, member, mei, preloadAdmin, samuel, signIn, user, usersApi } from "./peopleTesting";

beforeAll(preloadAdmin);

const jonas = user("u-jonas", "Jonas", "Becker");
const neighbours = group("g-1", { title: { en: "Neighbours" }, member_count: 1 });
const staff = group("g-2", {
  title: { en: "City staff" },
  membership: "smart",
  match: "any",
  rules: [
    { type: "email_domain", operator: "is", domain: "lindenfeld.de" },
    { type: "participated", scope: "project", operator: "in", ids: ["p-1"] },
  ],
  member_count: 1,
});

describe("GroupPage", () => {
  it("shows a manual group's members and adds one found by search", async () => {
    signIn();
    usersApi([samuel, mei, jonas]);
    const sent = groupsApi([neighbours], { "g-1": [member(mei)] }, [samuel, mei, jonas]);
    renderApp("/admin/groups/g-1");
    expect(await screen.findByRole("heading", { name: "Neighbours", level: 1 })).toBeInTheDocument();
    const members = await screen.findByRole("list", { name: "Members" });
    expect(within(members).getByText("Mei Chen")).toBeInTheDocument();
    // WHEN the admin finds Samuel and adds him
    const search = screen.getByRole("search", { name: "Add people" });
    await userEvent.type(within(search).getByRole("searchbox", { name: "Name or email" }), "samuel");
    await userEvent.click(within(search).getByRole("button", { name: "Search" }));
    await userEvent.click(await screen.findByRole("button", { name: "Add Samuel Okafor" }));
    // THEN the outcome takes focus and he is listed
    const outcome = await screen.findByRole("status");
    expect(outcome).toHaveTextContent("1 person added.");
    expect(outcome).toHaveFocus();
    expect(await within(screen.getByRole("list", { name: "Members" })).findByText("Samuel Okafor")).toBeInTheDocument();
    expect(sent).toEqual([{ method: "POST", path: "/groups/g-1/members", body: { user_ids: ["u-samuel"] } }]);
  });

  it("adds a pasted list of emails and says who was added, who already was and who has no account", async () => {
    signIn();
    const sent = groupsApi([neighbours], { "g-1": [member(mei)] }, [samuel, mei, jonas]);
    renderApp("/admin/groups/g-1");
    const form = await screen.findByRole("form", { name: "Add people by email" });
    await userEvent.type(
      within(form).getByRole("textbox", { name: "Email addresses" }),
      "samuel@example.org\njonas@example.org, mei@example.org; nobody@example.org",
    );
    await userEvent.click(within(form).getByRole("button", { name: "Add these people" }));
    const outcome = await screen.findByRole("status");
    expect(outcome).toHaveTextContent("2 people added. 1 was already a member.");
    expect(within(outcome).getByRole("list", { name: "No account uses this address:" })).toHaveTextContent(
      "nobody@example.org",
    );
    expect(within(form).getByRole("textbox", { name: "Email addresses" })).toHaveValue("");
    expect(sent[0].body).toEqual({
      emails: ["samuel@example.org", "jonas@example.org", "mei@example.org", "nobody@example.org"],
    });
  });

  it("names what is not an email address before sending", async () => {
    signIn();
    const sent = groupsApi([neighbours], {}, []);
    renderApp("/admin/groups/g-1");
    const form = await screen.findByRole("form", { name: "Add people by email" });
    await userEvent.type(within(form).getByRole("textbox", { name: "Email addresses" }), "samuel@example.org, jonas-at-home");
    await userEvent.click(within(form).getByRole("button", { name: "Add these people" }));
    const summary = await within(form).findByRole("alert");
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole("link", { name: "This is not an email address: jonas-at-home" })).toHaveAttribute(
      "href",
      "#field-emails",
    );
    expect(sent).toEqual([]);
  });

  it("removes a member only after confirming", async () => {
    signIn();
    const sent = groupsApi([neighbours], { "g-1": [member(mei), member(samuel)] }, [samuel, mei]);
    renderApp("/admin/groups/g-1");
    await userEvent.click(await screen.findByRole("button", { name: "Remove Mei Chen" }));
    const dialog = screen.getByRole("alertdialog", { name: "Remove Mei Chen from the group?" });
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(screen.getByRole("button", { name: "Remove Mei Chen" })).toHaveFocus();
    expect(sent).toEqual([]);
    await userEvent.click(screen.getByRole("button", { name: "Remove Mei Chen" }));
    await userEvent.click(screen.getByRole("button", { name: "Yes, remove" }));
    await waitFor(() => expect(screen.queryByText("Mei Chen")).toBeNull());
    expect(sent).toEqual([{ method: "DELETE", path: "/groups/g-1/members/u-mei" }]);
  });

  it("explains that a smart group's members follow its rules, and offers no way to add or remove them", async () => {
    signIn();
    groupsApi([staff], { "g-2": [member(samuel)] });
    renderApp("/admin/groups/g-2");
    expect(await screen.findByText("Members match at least one of these rules:")).toBeInTheDocument();
    expect(screen.getByText("Email address ends in @lindenfeld.de")).toBeInTheDocument();
    expect(await screen.findByText("Took part in the project A new park")).toBeInTheDocument();
    expect(screen.getByText(/Membership follows the rules/)).toBeInTheDocument();
    expect(screen.getByText(/The members as last evaluated/)).toBeInTheDocument();
    expect(await screen.findByText("Samuel Okafor")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Remove Samuel Okafor" })).toBeNull();
    expect(screen.queryByRole("form", { name: "Add people by email" })).toBeNull();
  });

  it("changes a smart group's rules", async () => {
    signIn();
    const sent = groupsApi([staff]);
    renderApp("/admin/groups/g-2");
    await userEvent.click(await screen.findByRole("button", { name: "Edit group City staff" }));
    const form = screen.getByRole("form", { name: "Edit group" });
    expect(within(form).queryByRole("radio", { name: "Manual" })).toBeNull();
    const rule = within(form).getByRole("group", { name: "Rule 1" });
    const domain = within(rule).getByRole("textbox", { name: "Domain" });
    expect(domain).toHaveValue("lindenfeld.de");
    await userEvent.clear(domain);
    await userEvent.type(domain, "stadt-lindenfeld.de");
    await userEvent.click(within(form).getByRole("button", { name: "Remove rule 2" }));
    await userEvent.click(within(form).getByRole("button", { name: "Save group" }));
    expect(await screen.findByText("Email address ends in @stadt-lindenfeld.de")).toBeInTheDocument();
    expect(sent[0]).toEqual({
      method: "PATCH",
      path: "/groups/g-2",
      body: {
        title: { en: "City staff" },
        description: {},
        rules: { match: "any", rules: [{ type: "email_domain", operator: "is", domain: "stadt-lindenfeld.de" }] },
      },
    });
  }, 20_000);

  it("clears a group's description by sending an empty one", async () => {
    signIn();
    const described = group("g-3", { title: { en: "Walkers" }, description: { en: "Meet on Sundays" } });
    const sent = groupsApi([described]);
    renderApp("/admin/groups/g-3");
    await userEvent.click(await screen.findByRole("button", { name: "Edit group Walkers" }));
    const form = screen.getByRole("form", { name: "Edit group" });
    const description = within(form).getByRole("textbox", { name: /^Description \(English/ });
    expect(description).toHaveValue("Meet on Sundays");
    await userEvent.clear(description);
    await userEvent.click(within(form).getByRole("button", { name: "Save group" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ method: "PATCH", path: "/groups/g-3", body: { title: { en: "Walkers" }, description: {} } });
  }, 20_000);

  it("deletes a group after confirming and goes back to the list", async () => {
    signIn();
    const sent = groupsApi([neighbours]);
    const { router } = renderApp("/admin/groups/g-1");
    await userEvent.click(await screen.findByRole("button", { name: "Delete group Neighbours" }));
    await userEvent.click(screen.getByRole("button", { name: "Yes, delete the group" }));
    expect(await screen.findByText("There are no user groups yet.")).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/admin/groups");
    expect(sent).toEqual([{ method: "DELETE", path: "/groups/g-1" }]);
  });

  it("lets a moderator read a group without its members or any change", async () => {
    signIn({ ...resident, id: "u-mod", roles: [{ role: "moderator", scope: ["p-1"] }] });
    groupsApi([staff]);
    renderApp("/admin/groups/g-2");
    expect(await screen.findByText("Email address ends in @lindenfeld.de")).toBeInTheDocument();
    expect(screen.getByText("Only administrators see and change the members of a group.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Edit group City staff" })).toBeNull();
    expect(screen.queryByRole("heading", { name: "Members" })).toBeNull();
  });
});
