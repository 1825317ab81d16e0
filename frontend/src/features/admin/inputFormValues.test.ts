import { describe, expect, it } from "vitest";
import type { InputForm } from "./ideationTypes";
import { inputFormSchema, newQuestion, toBody, toValues } from "./inputFormValues";

const messages = {
  required: "required",
  maxLength: (max: number) => `max ${max}`,
  twoOptions: "two options",
  maxImages: "1 to 20",
};

const stored: InputForm = {
  topic_ids: ["t-1"],
  builtin: {
    body: { enabled: true, required: true },
    topics: { enabled: true, required: false },
    location: { enabled: false, required: false },
    images: { enabled: true, required: false },
    attachments: { enabled: true, required: false },
  },
  max_images: 4,
  custom_fields: [
    {
      id: "scale",
      type: "linear_scale",
      label: { en: "How much?", fr: "Combien ?" },
      help: null,
      required: false,
      enabled: true,
      options: [],
      scale_min: 0,
      scale_max: 7,
      min_label: { en: "Not at all" },
      max_label: null,
    },
  ],
};

describe("inputFormValues", () => {
  it("gives back the stored form after a round trip through the form's values", () => {
    // GIVEN a stored form WHEN it becomes form values and a body again THEN nothing changes
    expect(toBody(toValues(stored, ["en", "fr", "de"]))).toEqual(stored);
  });

  it("drops what a question's type does not use and empty translations", () => {
    // GIVEN a scale question turned into a short text, with options left from an earlier choice
    const values = toValues(stored, ["en", "fr"]);
    values.custom_fields[0] = {
      ...values.custom_fields[0],
      type: "text",
      options: [{ id: "o-1", label: { en: "Left over", fr: "" } }],
      help: { en: "  ", fr: "" },
    };
    // WHEN it is sent
    const [question] = toBody(values).custom_fields;
    // THEN it has no options, no scale and no help
    expect(question).toMatchObject({
      type: "text",
      options: [],
      scale_min: null,
      scale_max: null,
      min_label: null,
      max_label: null,
      help: null,
    });
  });

  it("never sends a switched-off field as required, and one topic checkbox as a list", () => {
    const values = toValues(stored, ["en"]);
    values.builtin.location = { enabled: false, required: true };
    values.topic_ids = "t-1";
    const body = toBody(values);
    expect(body.builtin.location).toEqual({ enabled: false, required: false });
    expect(body.topic_ids).toEqual(["t-1"]);
    values.topic_ids = false;
    expect(toBody(values).topic_ids).toEqual([]);
  });

  it("refuses a choice question with fewer than two options and a label missing in the default language", () => {
    const schema = inputFormSchema(["en", "fr"], "en", messages);
    const values = toValues({ ...stored, custom_fields: [] }, ["en", "fr"]);
    values.custom_fields = [{ ...newQuestion(["en", "fr"]), type: "single_choice", label: { en: "", fr: "Choix" } }];
    const result = schema.safeParse(values);
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ["custom_fields.0.label.en", "required"],
        ["custom_fields.0.options", "two options"],
      ]),
    );
  });

  it("makes ids the server accepts", () => {
    expect(newQuestion(["en"]).id).toMatch(/^[a-z0-9][a-z0-9_-]{0,39}$/);
  });
});
