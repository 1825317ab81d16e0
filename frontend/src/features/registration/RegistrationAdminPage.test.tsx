import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { preloadAdmin, signInAdmin } from "@/features/admin/adminTesting";
import { registrationField } from "@/testing/fixtures";
import { problem } from "@/testing/handlers";
import { area, builtinFields, registrationApi } from "@/testing/registration";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

beforeAll(preloadAdmin);

const travel = registrationField({
  id: "travel",
  builtin: false,
  label: { en: "How do you get around?", fr: "Comment vous déplacez-vous ?" },
  purpose: { en: "To plan cycle lanes." },
  enabled: true,
  required: false,
  options: [
    { id: "walk", label: { en: "On foot" } },
    { id: "bike", label: { en: "By bike" } },
  ],
});

/** The list item of a question or area, found by its heading. */
function item(name: string): HTMLElement {
  return screen.getByRole("heading", { name, level: 3 }).closest("li") as HTMLElement;
}

async function openPage() {
  renderApp("/admin/registration");
  expect(await screen.findByRole("heading", { name: "Registration questions", level: 1 })).toBeInTheDocument();
  await screen.findByRole("heading", { name: "Gender", level: 3 });
}

describe("RegistrationAdminPage", () => {
  it("lists the questions in order, each with its kind, type, state and purpose", async () => {
    signInAdmin();
    registrationApi([...builtinFields(), travel]);
    await openPage();
    const nav = screen.getByRole("navigation", { name: "Back-office" });
    expect(within(nav).getByRole("link", { name: "Registration" })).toHaveAttribute("href", "/admin/registration");
    const fields = screen.getByRole("region", { name: "Questions" });
    expect(within(fields).getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "Gender",
      "Year of birth",
      "Area where you live",
      "Highest level of education",
      "How do you get around?",
    ]);
    expect(within(item("Gender")).getByText("Built-in question · Single choice · not asked")).toBeInTheDocument();
    expect(within(item("How do you get around?")).getByText("Your own question · Single choice · optional")).toBeInTheDocument();
    expect(within(item("How do you get around?")).getByText("Why we ask: To plan cycle lanes.")).toBeInTheDocument();
    // Built-in questions are switched off, never deleted.
    expect(within(item("Gender")).queryByRole("button", { name: /^Delete/ })).toBeNull();
  });

  it("switches a built-in question on, makes it required and rewrites why it is asked", async () => {
    signInAdmin();
    const sent = registrationApi(builtinFields());
    await openPage();
    await userEvent.click(screen.getByRole("button", { name: "Edit question Year of birth" }));
    const form = screen.getByRole("form", { name: "Edit question" });
    const required = within(form).getByRole("checkbox", { name: "Residents must answer" });
    expect(required).toBeDisabled();
    await userEvent.click(within(form).getByRole("checkbox", { name: "Asked at sign-up and in the profile" }));
    await userEvent.click(required);
    const purpose = within(form).getByRole("textbox", { name: "Why you ask this (English)" });
    await userEvent.clear(purpose);
    await userEvent.type(purpose, "To reach every generation.");
    await userEvent.type(within(form).getByRole("textbox", { name: "Why you ask this (Français)" }), "Pour toucher toutes les générations.");
    await userEvent.click(within(form).getByRole("button", { name: "Save question" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      method: "PATCH",
      path: "/registration/fields/birthyear",
      body: {
        enabled: true,
        required: true,
        purpose: { en: "To reach every generation.", fr: "Pour toucher toutes les générations." },
      },
    });
    expect(await within(item("Year of birth")).findByText("Built-in question · Number · required")).toBeInTheDocument();
  });

  it("sends a built-in question's standard explanation only when it changed", async () => {
    signInAdmin();
    const sent = registrationApi(builtinFields());
    await openPage();
    await userEvent.click(screen.getByRole("button", { name: "Edit question Gender" }));
    const form = screen.getByRole("form", { name: "Edit question" });
    await userEvent.click(within(form).getByRole("checkbox", { name: "Asked at sign-up and in the profile" }));
    await userEvent.click(within(form).getByRole("button", { name: "Save question" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].body).toEqual({ enabled: true, required: false });
  });

  it("adds a choice question with options in each language, after checking it", async () => {
    signInAdmin();
    const sent = registrationApi(builtinFields());
    await openPage();
    await userEvent.click(screen.getByRole("button", { name: "Add a question" }));
    const form = screen.getByRole("form", { name: "New question" });
    await userEvent.selectOptions(within(form).getByRole("combobox", { name: "Question type" }), "Single choice");
    await userEvent.click(within(form).getByRole("button", { name: "Remove option 2" }));
    // WHEN it is saved without a label and one option THEN the summary takes focus and links to each problem
    await userEvent.click(within(form).getByRole("button", { name: "Create question" }));
    let summary = await within(form).findByRole("alert");
    expect(summary).toHaveFocus();
    expect(within(summary).getAllByRole("link").map((link) => link.getAttribute("href"))).toEqual([
      "#field-field-label-en",
      "#field-field-options-0-label-en",
      "#field-field-options",
    ]);
    await userEvent.type(within(form).getByRole("textbox", { name: "Question (English, required)" }), "Do you have children?");
    await userEvent.type(within(form).getByRole("textbox", { name: "Question (Français)" }), "Avez-vous des enfants ?");
    await userEvent.type(within(form).getByRole("textbox", { name: "Option 1 (English, required)" }), "Yes");
    await userEvent.type(within(form).getByRole("textbox", { name: "Option 1 (Deutsch)" }), "Ja");
    // AND with the texts but a single option THEN it still asks for a second one
    await userEvent.click(within(form).getByRole("button", { name: "Create question" }));
    summary = await within(form).findByRole("alert");
    await waitFor(() =>
      expect(within(summary).getByRole("link", { name: "Give a choice question at least two options." })).toHaveAttribute(
        "href",
        "#field-field-options",
      ),
    );
    expect(sent).toEqual([]);
    await userEvent.click(within(form).getByRole("button", { name: "Add an option" }));
    await userEvent.type(within(form).getByRole("textbox", { name: "Option 2 (English, required)" }), "No");
    await userEvent.type(within(form).getByRole("textbox", { name: "Why you ask this (English)" }), "To plan schools.");
    await userEvent.click(within(form).getByRole("checkbox", { name: "Residents must answer" }));
    await userEvent.click(within(form).getByRole("button", { name: "Create question" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      method: "POST",
      body: {
        type: "single_choice",
        label: { en: "Do you have children?", fr: "Avez-vous des enfants ?" },
        help: null,
        options: [
          { label: { en: "Yes", de: "Ja" } },
          { label: { en: "No" } },
        ],
        purpose: { en: "To plan schools." },
        enabled: true,
        required: true,
      },
    });
    expect(sent[0].body).not.toHaveProperty("id");
    expect(await screen.findByRole("heading", { name: "Do you have children?", level: 3 })).toBeInTheDocument();
  }, 20_000);

  it("edits a question of its own without changing its type, and shows the API's refusal on the field it names", async () => {
    signInAdmin();
    const sent = registrationApi([...builtinFields(), travel]);
    server.use(
      http.patch("/api/v1/registration/fields/travel", () =>
        problem(422, "validation_error", "Invalid request.", [
          { field: "label.en", code: "markup_not_allowed", message: "Write plain text." },
        ]),
      ),
    );
    await openPage();
    await userEvent.click(screen.getByRole("button", { name: "Edit question How do you get around?" }));
    const form = screen.getByRole("form", { name: "Edit question" });
    expect(within(form).queryByRole("combobox", { name: "Question type" })).toBeNull();
    expect(within(form).getByText("Question type: Single choice. It cannot be changed, since answers depend on it.")).toBeInTheDocument();
    const label = within(form).getByRole("textbox", { name: "Question (English, required)" });
    await userEvent.clear(label);
    await userEvent.type(label, "<b>How</b> do you travel?");
    await userEvent.click(within(form).getByRole("button", { name: "Save question" }));
    await waitFor(() =>
      expect(label).toHaveAccessibleDescription("Write plain text here: HTML tags are not allowed."),
    );
    expect(within(form).getByRole("alert")).toHaveFocus();
    expect(sent).toEqual([]);
  });

  it("sends a question's changes without its id or type", async () => {
    signInAdmin();
    const sent = registrationApi([...builtinFields(), travel]);
    await openPage();
    await userEvent.click(screen.getByRole("button", { name: "Edit question How do you get around?" }));
    const form = screen.getByRole("form", { name: "Edit question" });
    await userEvent.click(within(form).getByRole("checkbox", { name: "Asked at sign-up and in the profile" }));
    await userEvent.click(within(form).getByRole("button", { name: "Save question" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].body).toEqual({
      label: { en: "How do you get around?", fr: "Comment vous déplacez-vous ?" },
      help: null,
      options: [
        { id: "walk", label: { en: "On foot" } },
        { id: "bike", label: { en: "By bike" } },
      ],
      scale_min: null,
      scale_max: null,
      min_label: null,
      max_label: null,
      enabled: false,
      required: false,
      purpose: { en: "To plan cycle lanes." },
    });
  });

  it("deletes a question of its own after confirming, and reorders the questions", async () => {
    signInAdmin();
    const sent = registrationApi([...builtinFields(), travel]);
    await openPage();
    await userEvent.click(within(item("How do you get around?")).getByRole("button", { name: "Move How do you get around? up" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      method: "PUT",
      path: "/registration/fields/order",
      body: { ids: ["gender", "birthyear", "area", "travel", "education"] },
    });
    await userEvent.click(screen.getByRole("button", { name: "Delete question How do you get around?" }));
    expect(screen.getByText("Delete How do you get around? for good?")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Yes, delete" }));
    await waitFor(() => expect(screen.queryByRole("heading", { name: "How do you get around?" })).toBeNull());
    expect(sent[1]).toEqual({ method: "DELETE", path: "/registration/fields/travel" });
  });

  it("keeps the areas: adds, renames in each language, reorders and deletes after confirming", async () => {
    signInAdmin();
    const sent = registrationApi(
      builtinFields().map((field) => (field.id === "area" ? { ...field, enabled: true } : field)),
      [],
    );
    await openPage();
    const areas = screen.getByRole("region", { name: "Areas" });
    expect(within(areas).getByText("There are no areas yet.")).toBeInTheDocument();
    // The area question is asked only once there are areas.
    expect(within(item("Area where you live")).getByText("Residents are asked where they live once you add areas below.")).toBeInTheDocument();
    for (const name of ["Old Town", "Harbour"]) {
      await userEvent.click(within(areas).getByRole("button", { name: "Add an area" }));
      const form = within(areas).getByRole("form", { name: "New area" });
      await userEvent.type(within(form).getByRole("textbox", { name: "Area name (English, required)" }), name);
      await userEvent.click(within(form).getByRole("button", { name: "Create area" }));
      await within(areas).findByRole("heading", { name, level: 3 });
    }
    expect(screen.queryByText("Residents are asked where they live once you add areas below.")).toBeNull();
    await userEvent.click(within(areas).getByRole("button", { name: "Rename area Harbour" }));
    const rename = within(areas).getByRole("form", { name: "Rename area" });
    await userEvent.type(within(rename).getByRole("textbox", { name: "Area name (Français)" }), "Port");
    await userEvent.click(within(rename).getByRole("button", { name: "Save area" }));
    await waitFor(() => expect(within(areas).queryByRole("form", { name: "Rename area" })).toBeNull());
    await userEvent.click(within(areas).getByRole("button", { name: "Move Harbour up" }));
    await userEvent.click(within(areas).getByRole("button", { name: "Delete area Old Town" }));
    await userEvent.click(within(areas).getByRole("button", { name: "Yes, delete" }));
    await waitFor(() => expect(within(areas).queryByRole("heading", { name: "Old Town" })).toBeNull());
    expect(sent).toEqual([
      { method: "POST", path: "/registration/areas", body: { name: { en: "Old Town" } } },
      { method: "POST", path: "/registration/areas", body: { name: { en: "Harbour" } } },
      { method: "PATCH", path: "/registration/areas/a-2", body: { name: { en: "Harbour", fr: "Port" } } },
      { method: "PUT", path: "/registration/areas/order", body: { ids: ["a-2", "a-1"] } },
      { method: "DELETE", path: "/registration/areas/a-1" },
    ]);
  }, 20_000);

  it("asks for an area's name before sending it", async () => {
    signInAdmin();
    const sent = registrationApi(builtinFields(), [area("a-1", "Old Town")]);
    await openPage();
    const areas = screen.getByRole("region", { name: "Areas" });
    await userEvent.click(within(areas).getByRole("button", { name: "Add an area" }));
    const form = within(areas).getByRole("form", { name: "New area" });
    await userEvent.click(within(form).getByRole("button", { name: "Create area" }));
    const summary = await within(form).findByRole("alert");
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole("link", { name: "Enter a value." })).toHaveAttribute("href", "#field-name-en");
    expect(sent).toEqual([]);
  });
});
