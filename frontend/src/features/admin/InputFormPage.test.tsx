import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { project } from "@/testing/fixtures";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { preloadAdmin, signInAdmin } from "./adminTesting";
import type { InputForm } from "./ideationTypes";

beforeAll(preloadAdmin);

const builtin = {
  body: { enabled: true, required: true },
  topics: { enabled: true, required: false },
  location: { enabled: true, required: false },
  images: { enabled: true, required: false },
  attachments: { enabled: true, required: false },
};
const stored: InputForm = {
  topic_ids: ["t-1"],
  builtin,
  max_images: 5,
  custom_fields: [
    {
      id: "age",
      type: "single_choice",
      label: { en: "Your age group" },
      help: null,
      required: true,
      enabled: true,
      options: [
        { id: "young", label: { en: "Under 30" } },
        { id: "old", label: { en: "30 or over" } },
      ],
      scale_min: null,
      scale_max: null,
      min_label: null,
      max_label: null,
    },
    {
      id: "why",
      type: "multiline",
      label: { en: "Why does it matter?" },
      help: { en: "A few sentences" },
      required: false,
      enabled: true,
      options: [],
      scale_min: null,
      scale_max: null,
      min_label: null,
      max_label: null,
    },
  ],
};
const topics = [
  { id: "t-1", title: { en: "Mobility" }, description: null, position: 0 },
  { id: "t-2", title: { en: "Parks" }, description: null, position: 1 },
];

function formApi(form: InputForm = stored) {
  const sent: InputForm[] = [];
  server.use(
    http.get("/api/v1/projects/p-1", () => HttpResponse.json(project)),
    http.get("/api/v1/topics", () => HttpResponse.json({ items: topics })),
    http.get("/api/v1/projects/p-1/input-form", () => HttpResponse.json(form)),
    http.put("/api/v1/projects/p-1/input-form", async ({ request }) => {
      const body = (await request.json()) as InputForm;
      sent.push(body);
      return HttpResponse.json(body);
    }),
  );
  return sent;
}

async function openPage() {
  renderApp("/admin/projects/p-1/input-form");
  expect(
    await screen.findByRole("heading", { name: "Idea form: A new park", level: 1 }, { timeout: 3000 }),
  ).toBeInTheDocument();
  return screen.findByRole("form", { name: "Idea form" }, { timeout: 3000 });
}

describe("InputFormPage", () => {
  it("shows the stored form: topics, standard fields and questions", async () => {
    signInAdmin();
    formApi();
    const form = await openPage();
    expect(within(form).getByRole("checkbox", { name: "Mobility" })).toBeChecked();
    expect(within(form).getByRole("checkbox", { name: "Parks" })).not.toBeChecked();
    expect(within(form).getByRole("checkbox", { name: "Ask for: Description" })).toBeChecked();
    expect(within(form).getByRole("checkbox", { name: "Description is required" })).toBeChecked();
    expect(within(form).getByRole("spinbutton", { name: "Most images per idea" })).toHaveValue(5);
    const first = within(form).getByRole("group", { name: "Question 1" });
    expect(within(first).getByRole("combobox", { name: "Question type" })).toHaveValue("single_choice");
    expect(within(first).getByRole("textbox", { name: "Question (English, required)" })).toHaveValue("Your age group");
    expect(within(first).getByRole("textbox", { name: "Option 2 (English, required)" })).toHaveValue("30 or over");
    const second = within(form).getByRole("group", { name: "Question 2" });
    expect(within(second).getByRole("textbox", { name: "Help text (English)" })).toHaveValue("A few sentences");
    expect(within(second).queryByRole("group", { name: "Options" })).toBeNull();
  });

  it("offers every question type", async () => {
    signInAdmin();
    formApi({ ...stored, custom_fields: [] });
    const form = await openPage();
    expect(within(form).getByText("No questions of your own yet.")).toBeInTheDocument();
    await userEvent.click(within(form).getByRole("button", { name: "Add a question" }));
    const type = within(within(form).getByRole("group", { name: "Question 1" })).getByRole("combobox", {
      name: "Question type",
    });
    expect(within(type).getAllByRole("option").map((option) => option.textContent)).toEqual([
      "Short text",
      "Long text",
      "Number",
      "Single choice",
      "Multiple choice",
      "Linear scale",
      "Date",
      "Checkbox",
    ]);
  });

  it("saves topics, standard fields and a new linear scale question", async () => {
    // GIVEN the stored form
    signInAdmin();
    const sent = formApi();
    const form = await openPage();
    // WHEN the admin offers Parks too, stops asking for attachments, allows 3 images
    await userEvent.click(within(form).getByRole("checkbox", { name: "Parks" }));
    await userEvent.click(within(form).getByRole("checkbox", { name: "Ask for: Attachments" }));
    expect(within(form).getByRole("checkbox", { name: "Attachments is required" })).toBeDisabled();
    const images = within(form).getByRole("spinbutton", { name: "Most images per idea" });
    await userEvent.clear(images);
    await userEvent.type(images, "3");
    // AND adds a 0–10 scale question
    await userEvent.click(within(form).getByRole("button", { name: "Add a question" }));
    const third = within(form).getByRole("group", { name: "Question 3" });
    await userEvent.selectOptions(within(third).getByRole("combobox", { name: "Question type" }), "Linear scale");
    await userEvent.type(within(third).getByRole("textbox", { name: "Question (English, required)" }), "Urgent?");
    await userEvent.selectOptions(within(third).getByRole("combobox", { name: "Scale starts at" }), "0");
    await userEvent.selectOptions(within(third).getByRole("combobox", { name: "Scale ends at" }), "10");
    await userEvent.type(
      within(third).getByRole("textbox", { name: "Label of the highest value (English)" }),
      "Very",
    );
    await userEvent.click(within(form).getByRole("button", { name: "Save form" }));
    // THEN the whole form is sent, each question with only what its type uses
    expect(await screen.findByText("Your changes have been saved.")).toBeInTheDocument();
    const body = sent[0];
    expect(body.topic_ids).toEqual(["t-1", "t-2"]);
    expect(body.builtin.attachments).toEqual({ enabled: false, required: false });
    expect(body.max_images).toBe(3);
    expect(body.custom_fields.map((field) => field.id).slice(0, 2)).toEqual(["age", "why"]);
    expect(body.custom_fields[0].options).toEqual(stored.custom_fields[0].options);
    expect(body.custom_fields[1]).toEqual({ ...stored.custom_fields[1], scale_min: null, scale_max: null });
    expect(body.custom_fields[2]).toEqual({
      id: expect.stringMatching(/^[a-z0-9][a-z0-9_-]{0,39}$/),
      type: "linear_scale",
      label: { en: "Urgent?" },
      help: null,
      required: false,
      enabled: true,
      options: [],
      scale_min: 0,
      scale_max: 10,
      min_label: null,
      max_label: { en: "Very" },
    });
  }, 20_000);

  it("edits options, reorders and removes questions", async () => {
    signInAdmin();
    const sent = formApi();
    const form = await openPage();
    // WHEN the admin adds a third option, moves the second question up and removes the (now second) choice
    const first = within(form).getByRole("group", { name: "Question 1" });
    await userEvent.click(within(first).getByRole("button", { name: "Add an option to question 1" }));
    await userEvent.type(within(first).getByRole("textbox", { name: "Option 3 (English, required)" }), "Other");
    await userEvent.click(within(first).getByRole("button", { name: "Remove option 1 of question 1" }));
    await userEvent.click(within(form).getByRole("button", { name: "Move question 2 up" }));
    // THEN focus stays with the moved question
    expect(within(form).getByRole("button", { name: "Move question 1 down" })).toHaveFocus();
    expect(
      within(within(form).getByRole("group", { name: "Question 1" })).getByRole("textbox", {
        name: "Question (English, required)",
      }),
    ).toHaveValue("Why does it matter?");
    await userEvent.click(within(form).getByRole("button", { name: "Save form" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].custom_fields.map((field) => field.id)).toEqual(["why", "age"]);
    expect(sent[0].custom_fields[1].options.map((option) => option.label.en)).toEqual([
      "30 or over",
      "Other",
    ]);
    // AND removing a question takes it out of what is saved
    await userEvent.click(within(form).getByRole("button", { name: "Remove question 1" }));
    await userEvent.click(within(form).getByRole("button", { name: "Save form" }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1].custom_fields.map((field) => field.id)).toEqual(["age"]);
  }, 20_000);

  it("checks choice questions have two labelled options before sending", async () => {
    signInAdmin();
    const sent = formApi({ ...stored, custom_fields: [] });
    const form = await openPage();
    await userEvent.click(within(form).getByRole("button", { name: "Add a question" }));
    const question = within(form).getByRole("group", { name: "Question 1" });
    await userEvent.type(within(question).getByRole("textbox", { name: "Question (English, required)" }), "Pick one");
    // WHEN it becomes a choice question, it starts with two options; removing one is refused
    await userEvent.selectOptions(within(question).getByRole("combobox", { name: "Question type" }), "Multiple choice");
    await userEvent.type(within(question).getByRole("textbox", { name: "Option 1 (English, required)" }), "Yes");
    await userEvent.click(within(question).getByRole("button", { name: "Remove option 2 of question 1" }));
    await userEvent.click(within(form).getByRole("button", { name: "Save form" }));
    // THEN the summary says why and nothing was sent
    const summary = await within(form).findByRole("alert");
    expect(summary).toHaveTextContent("Give a choice question at least two options.");
    expect(summary).toHaveFocus();
    expect(sent).toEqual([]);
  }, 20_000);

  it("puts the server's validation errors on the fields they name", async () => {
    signInAdmin();
    formApi();
    server.use(
      http.put("/api/v1/projects/p-1/input-form", () =>
        problem(422, "validation_error", "The input form is not valid.", [
          { field: "custom_fields.1.label.en", code: "string_too_long", message: "Use 300 characters or fewer." },
          { field: "custom_fields", code: "value_error", message: "Each custom field needs its own id." },
        ]),
      ),
    );
    const form = await openPage();
    await userEvent.click(within(form).getByRole("button", { name: "Save form" }));
    const summary = await within(form).findByRole("alert", { name: "There is a problem" });
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole("link", { name: "Use 300 characters or fewer." })).toBeInTheDocument();
    expect(summary).toHaveTextContent("Each custom field needs its own id.");
    const second = within(form).getByRole("group", { name: "Question 2" });
    expect(within(second).getByRole("textbox", { name: "Question (English, required)" })).toHaveAccessibleDescription(
      "Use 300 characters or fewer.",
    );
  });
});
