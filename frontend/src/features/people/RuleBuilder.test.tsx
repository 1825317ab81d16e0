import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render";
import { group, groupsApi, preloadAdmin, signIn } from "./peopleTesting";

beforeAll(preloadAdmin);

/** Open a new smart group named "Test group" and return its form. */
async function smartGroupForm() {
  renderApp("/admin/groups/new");
  const form = await screen.findByRole("form", { name: "New group" });
  await userEvent.type(within(form).getByRole("textbox", { name: "Group name (English, required)" }), "Test group");
  await userEvent.click(within(form).getByRole("radio", { name: "Smart" }));
  return form;
}

async function addRule(form: HTMLElement, number: number, type: string): Promise<HTMLElement> {
  if (number > 1) await userEvent.click(within(form).getByRole("button", { name: "Add a rule" }));
  const rule = within(form).getByRole("group", { name: `Rule ${number}` });
  await userEvent.selectOptions(within(rule).getByRole("combobox", { name: "Looks at" }), type);
  return rule;
}

describe("RuleBuilder", () => {
  it("builds field, email domain, role and verification rules with the inputs each takes", async () => {
    signIn();
    const sent = groupsApi([]);
    const form = await smartGroupForm();
    // a registration field compared with a value
    let rule = await addRule(form, 1, "A registration field");
    await userEvent.selectOptions(within(rule).getByRole("combobox", { name: "Question" }), "Year of birth");
    await userEvent.selectOptions(within(rule).getByRole("combobox", { name: "Condition" }), "is before (dates and numbers)");
    await userEvent.type(within(rule).getByRole("spinbutton", { name: "Value" }), "1990");
    // an email domain that is not
    rule = await addRule(form, 2, "Email domain");
    await userEvent.selectOptions(within(rule).getByRole("combobox", { name: "Condition" }), "is not");
    await userEvent.type(within(rule).getByRole("textbox", { name: "Domain" }), "@example.org");
    // a role
    rule = await addRule(form, 3, "Role");
    await userEvent.selectOptions(within(rule).getByRole("combobox", { name: "Role" }), "moderator");
    // not verified
    rule = await addRule(form, 4, "Identity verification");
    expect(within(rule).queryByRole("combobox", { name: "Condition" })).toBeNull();
    await userEvent.selectOptions(within(rule).getByRole("combobox", { name: "Identity" }), "not verified");
    await userEvent.click(within(form).getByRole("button", { name: "Create group" }));
    expect(await screen.findByRole("heading", { name: "Test group", level: 1 })).toBeInTheDocument();
    expect(sent[0].body).toMatchObject({
      membership: "smart",
      rules: {
        match: "all",
        rules: [
          { type: "field", field_id: "birthyear", operator: "before", value: 1990 },
          { type: "email_domain", operator: "is_not", domain: "example.org" },
          { type: "role", operator: "is", role: "moderator" },
          { type: "verified", verified: false },
        ],
      },
    });
    // AND the group page reads every rule back in words
    for (const text of [
      "Registration field “Year of birth” is before “1990”",
      "Email address does not end in @example.org",
      "Has the role moderator",
      "Identity not verified",
    ]) {
      expect(screen.getByText(text)).toBeInTheDocument();
    }
  }, 20_000);

  it("builds area, participation and registration-date rules with the inputs each takes", async () => {
    signIn();
    const sent = groupsApi([]);
    const form = await smartGroupForm();
    // areas chosen from the platform's
    let rule = await addRule(form, 1, "Area");
    const areas = within(rule).getByRole("group", { name: "Areas" });
    await userEvent.click(within(areas).getByRole("checkbox", { name: "North Harbour" }));
    await userEvent.click(within(areas).getByRole("checkbox", { name: "Old Town" }));
    // took part in topics
    rule = await addRule(form, 2, "Participation");
    await userEvent.selectOptions(within(rule).getByRole("combobox", { name: "Took part in" }), "topics (ideas on them)");
    await userEvent.click(within(within(rule).getByRole("group", { name: "Topics" })).getByRole("checkbox", { name: "Mobility" }));
    // took part in no idea that reached "Accepted"
    rule = await addRule(form, 3, "Participation");
    await userEvent.selectOptions(within(rule).getByRole("combobox", { name: "Took part in" }), "idea statuses (ideas that reached them)");
    await userEvent.selectOptions(within(rule).getByRole("combobox", { name: "Condition" }), "took part in none");
    await userEvent.click(within(rule).getByRole("checkbox", { name: "Accepted" }));
    // registered after a date
    rule = await addRule(form, 4, "Registration date");
    await userEvent.selectOptions(within(rule).getByRole("combobox", { name: "Condition" }), "registered after");
    await userEvent.type(within(rule).getByLabelText("Date"), "2026-01-31");
    await userEvent.click(within(form).getByRole("button", { name: "Create group" }));
    expect(await screen.findByRole("heading", { name: "Test group", level: 1 })).toBeInTheDocument();
    expect(sent[0].body).toMatchObject({
      rules: {
        rules: [
          { type: "area", operator: "in", area_ids: ["a-north", "a-old"] },
          { type: "participated", scope: "topic", operator: "in", ids: ["t-1"] },
          { type: "participated", scope: "status", operator: "not_in", ids: ["s-2"] },
          { type: "registered", operator: "after", on: "2026-01-31" },
        ],
      },
    });
    for (const text of [
      "Lives in North Harbour or Old Town",
      "Took part in ideas on the topic Mobility",
      "Never took part in ideas with the status Accepted",
      "Registered after January 31, 2026",
    ]) {
      expect(screen.getByText(text)).toBeInTheDocument();
    }
  }, 20_000);

  it("asks for no value when a field need only be answered, and sends none", async () => {
    signIn();
    const sent = groupsApi([]);
    const form = await smartGroupForm();
    const rule = await addRule(form, 1, "A registration field");
    await userEvent.selectOptions(within(rule).getByRole("combobox", { name: "Question" }), "Gender");
    await userEvent.selectOptions(within(rule).getByRole("combobox", { name: "Condition" }), "is answered");
    expect(within(rule).queryByRole("combobox", { name: "Value" })).toBeNull();
    await userEvent.click(within(form).getByRole("button", { name: "Create group" }));
    await screen.findByRole("heading", { name: "Test group", level: 1 });
    expect((sent[0].body as { rules: unknown }).rules).toEqual({
      match: "all",
      rules: [{ type: "field", field_id: "gender", operator: "not_empty" }],
    });
  }, 20_000);

  it("checks each rule before sending and links the summary to its inputs", async () => {
    signIn();
    const sent = groupsApi([]);
    const form = await smartGroupForm();
    await addRule(form, 1, "A registration field");
    let rule = await addRule(form, 2, "Email domain");
    await userEvent.type(within(rule).getByRole("textbox", { name: "Domain" }), "localhost");
    await addRule(form, 3, "Participation");
    await addRule(form, 4, "Registration date");
    await userEvent.click(within(form).getByRole("button", { name: "Create group" }));
    const summary = await within(form).findByRole("alert");
    expect(summary).toHaveFocus();
    const links = within(summary).getAllByRole("link").map((link) => [link.textContent, link.getAttribute("href")]);
    expect(links).toEqual([
      ["Enter a value.", "#field-rules-rules-0-field_id"],
      ["Enter a value.", "#field-rules-rules-0-value"],
      ["Enter a domain such as lindenfeld.de.", "#field-rules-rules-1-domain"],
      ["Choose at least one.", "#field-rules-rules-2-ids"],
      ["Enter a value.", "#field-rules-rules-3-on"],
    ]);
    expect(within(form).getByRole("group", { name: "Projects" })).toHaveAccessibleDescription("Choose at least one.");
    expect(sent).toEqual([]);
  }, 20_000);

  it("offers a value input fitting each field: its options, yes or no, a date, a number", async () => {
    signIn();
    const sent = groupsApi([]);
    const form = await smartGroupForm();
    let rule = await addRule(form, 1, "A registration field");
    const question = within(rule).getByRole("combobox", { name: "Question" });
    // Built-in and custom questions by their labels, switched-off ones too.
    expect(within(question).getAllByRole("option").map((option) => option.textContent)).toEqual([
      "Choose a question",
      "Gender",
      "Year of birth",
      "Highest level of education",
      "How do you get around?",
      "Tell me about volunteering",
      "When did you move here?",
    ]);
    await userEvent.selectOptions(question, "How do you get around?");
    const answer = within(rule).getByRole("combobox", { name: "Value" });
    expect(within(answer).getAllByRole("option").map((option) => option.textContent)).toEqual(["Choose an answer", "On foot", "By bike"]);
    await userEvent.selectOptions(answer, "By bike");
    rule = await addRule(form, 2, "A registration field");
    await userEvent.selectOptions(within(rule).getByRole("combobox", { name: "Question" }), "Tell me about volunteering");
    await userEvent.selectOptions(within(rule).getByRole("combobox", { name: "Value" }), "yes (ticked)");
    rule = await addRule(form, 3, "A registration field");
    await userEvent.selectOptions(within(rule).getByRole("combobox", { name: "Question" }), "When did you move here?");
    await userEvent.selectOptions(within(rule).getByRole("combobox", { name: "Condition" }), "is after (dates and numbers)");
    const moved = within(rule).getByLabelText("Value");
    expect(moved).toHaveAttribute("type", "date");
    await userEvent.type(moved, "2020-05-01");
    await userEvent.click(within(form).getByRole("button", { name: "Create group" }));
    expect(await screen.findByRole("heading", { name: "Test group", level: 1 })).toBeInTheDocument();
    expect((sent[0].body as { rules: unknown }).rules).toEqual({
      match: "all",
      rules: [
        { type: "field", field_id: "f-travel", operator: "equals", value: "bike" },
        { type: "field", field_id: "f-volunteer", operator: "equals", value: true },
        { type: "field", field_id: "f-moved", operator: "after", value: "2020-05-01" },
      ],
    });
    for (const text of [
      "Registration field “How do you get around?” is “By bike”",
      "Registration field “Tell me about volunteering” is “yes (ticked)”",
      "Registration field “When did you move here?” is after “2020-05-01”",
    ]) {
      expect(screen.getByText(text)).toBeInTheDocument();
    }
  }, 20_000);

  it("keeps an older rule's field and areas the platform no longer has, named by their ids", async () => {
    signIn();
    const sent = groupsApi([
      group("g-old", {
        title: { en: "Old rules" },
        membership: "smart",
        match: "any",
        rules: [
          { type: "field", field_id: "shoe_size", operator: "equals", value: "42" },
          { type: "area", operator: "in", area_ids: ["a-north", "a-gone"] },
        ],
      }),
    ]);
    renderApp("/admin/groups/g-old");
    expect(await screen.findByText("Registration field “unknown field shoe_size” is “42”")).toBeInTheDocument();
    expect(await screen.findByText("Lives in North Harbour or unknown area a-gone")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Edit group Old rules" }));
    const form = screen.getByRole("form", { name: "Edit group" });
    const first = within(form).getByRole("group", { name: "Rule 1" });
    expect(within(first).getByRole("combobox", { name: "Question" })).toHaveDisplayValue("unknown field shoe_size");
    expect(within(first).getByRole("textbox", { name: "Value" })).toHaveValue("42");
    const second = within(form).getByRole("group", { name: "Rule 2" });
    expect(within(second).getByRole("checkbox", { name: "North Harbour" })).toBeChecked();
    expect(within(second).getByRole("checkbox", { name: "Old Town" })).not.toBeChecked();
    expect(within(second).getByRole("checkbox", { name: "unknown area a-gone" })).toBeChecked();
    await userEvent.click(within(form).getByRole("button", { name: "Save group" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect((sent[0].body as { rules: unknown }).rules).toEqual({
      match: "any",
      rules: [
        { type: "field", field_id: "shoe_size", operator: "equals", value: "42" },
        { type: "area", operator: "in", area_ids: ["a-north", "a-gone"] },
      ],
    });
  }, 20_000);

  it("removes a rule and gives focus back to the add button", async () => {
    signIn();
    groupsApi([]);
    const form = await smartGroupForm();
    // a single rule cannot be removed: a smart group needs one
    expect(within(form).queryByRole("button", { name: "Remove rule 1" })).toBeNull();
    await userEvent.click(within(form).getByRole("button", { name: "Add a rule" }));
    expect(within(within(form).getByRole("group", { name: "Rule 2" })).getByRole("combobox", { name: "Looks at" })).toHaveFocus();
    await userEvent.click(within(form).getByRole("button", { name: "Remove rule 1" }));
    expect(within(form).queryByRole("group", { name: "Rule 2" })).toBeNull();
    expect(within(form).getByRole("button", { name: "Add a rule" })).toHaveFocus();
  });
});
