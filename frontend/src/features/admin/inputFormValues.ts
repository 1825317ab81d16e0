import { z } from "zod";
import type { CustomField, FieldType, InputForm } from "./ideationTypes";
import { compact, emptyLocalized, localizedText } from "./localizedSchema";

/** Every question type the server knows, in the order the type select lists them. */
export const FIELD_TYPES = [
  "text",
  "multiline",
  "number",
  "single_choice",
  "multiple_choice",
  "linear_scale",
  "date",
  "checkbox",
] as const satisfies readonly FieldType[];

export const BUILTIN_FIELDS = ["body", "topics", "location", "images", "attachments"] as const;
export type BuiltinName = (typeof BUILTIN_FIELDS)[number];

const CHOICE_TYPES: readonly FieldType[] = ["single_choice", "multiple_choice"];
export const isChoice = (type: FieldType) => CHOICE_TYPES.includes(type);

export const SCALE_MINIMUMS = ["0", "1"];
export const SCALE_MAXIMUMS = ["2", "3", "4", "5", "6", "7", "8", "9", "10"];
export const MAX_IMAGES = 20;
const TEXT_MAX = 300;

export interface InputFormMessages {
  required: string;
  maxLength: (max: number) => string;
  twoOptions: string;
  maxImages: string;
}

export type QuestionMessages = Pick<InputFormMessages, "required" | "maxLength" | "twoOptions">;

/**
 * One question as the question editor holds it (an idea form's custom field,
 * a registration field): the label needs the default language, a choice
 * question two options.
 */
export function questionSchema(locales: string[], defaultLocale: string, messages: QuestionMessages) {
  const text = (required: boolean) =>
    localizedText(locales, required ? defaultLocale : null, messages.required, TEXT_MAX, messages.maxLength(TEXT_MAX));
  return z
    .object({
      id: z.string(),
      type: z.enum(FIELD_TYPES),
      label: text(true),
      help: text(false),
      required: z.boolean(),
      enabled: z.boolean(),
      options: z.array(z.object({ id: z.string(), label: text(true) })),
      scale_min: z.string(),
      scale_max: z.string(),
      min_label: text(false),
      max_label: text(false),
    })
    .superRefine((question, ctx) => {
      if (isChoice(question.type) && question.options.length < 2) {
        ctx.addIssue({ code: "custom", path: ["options"], message: messages.twoOptions });
      }
    });
}

export type QuestionValues = z.infer<ReturnType<typeof questionSchema>>;

/** The form's schema: its questions as `questionSchema` says, a whole number of images. */
export function inputFormSchema(locales: string[], defaultLocale: string, messages: InputFormMessages) {
  const builtin = z.object({ enabled: z.boolean(), required: z.boolean() });
  return z.object({
    topic_ids: z.unknown(),
    builtin: z.object(Object.fromEntries(BUILTIN_FIELDS.map((name) => [name, builtin])) as Record<
      BuiltinName,
      typeof builtin
    >),
    max_images: z.string().refine((value) => {
      const number = Number(value);
      return Number.isInteger(number) && number >= 1 && number <= MAX_IMAGES;
    }, messages.maxImages),
    custom_fields: z.array(questionSchema(locales, defaultLocale, messages)),
  });
}

export type InputFormValues = z.infer<ReturnType<typeof inputFormSchema>>;

/** A short id the server accepts (`^[a-z0-9][a-z0-9_-]{0,39}$`), unique enough within one form. */
export function newId(prefix: "q" | "o"): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

export function newQuestion(locales: string[]): QuestionValues {
  return {
    id: newId("q"),
    type: "text",
    label: emptyLocalized(locales),
    help: emptyLocalized(locales),
    required: false,
    enabled: true,
    options: [],
    scale_min: "1",
    scale_max: "5",
    min_label: emptyLocalized(locales),
    max_label: emptyLocalized(locales),
  };
}

export function newOption(locales: string[]) {
  return { id: newId("o"), label: emptyLocalized(locales) };
}

/** A stored question as the editor holds it (every language present, numbers as text). */
export function questionValues(field: CustomField, locales: string[]): QuestionValues {
  return {
    id: field.id,
    type: field.type,
    label: emptyLocalized(locales, field.label),
    help: emptyLocalized(locales, field.help ?? undefined),
    required: field.required,
    enabled: field.enabled,
    options: field.options.map((option) => ({ id: option.id, label: emptyLocalized(locales, option.label) })),
    scale_min: String(field.scale_min ?? 1),
    scale_max: String(field.scale_max ?? 5),
    min_label: emptyLocalized(locales, field.min_label ?? undefined),
    max_label: emptyLocalized(locales, field.max_label ?? undefined),
  };
}

/** The form's values for a stored input form (every language present, numbers as text). */
export function toValues(form: InputForm, locales: string[]): InputFormValues {
  return {
    topic_ids: form.topic_ids,
    builtin: form.builtin,
    max_images: String(form.max_images),
    custom_fields: form.custom_fields.map((field) => questionValues(field, locales)),
  };
}

/** Checkboxes sharing a name give an array, one checkbox its value or false: always an array. */
function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return typeof value === "string" ? [value] : [];
}

export function optional(text: Record<string, string>): Record<string, string> | null {
  const kept = compact(text);
  return Object.keys(kept).length ? kept : null;
}

/**
 * The body of `PUT /input-form`: only what each question's type uses
 * (options for choices, a scale for linear scales), empty translations
 * dropped, and "required" only for a field that is shown.
 */
export function toBody(values: InputFormValues): InputForm {
  const builtin = Object.fromEntries(
    BUILTIN_FIELDS.map((name) => {
      const field = values.builtin[name];
      return [name, { enabled: field.enabled, required: field.enabled && field.required }];
    }),
  ) as InputForm["builtin"];
  return {
    topic_ids: asList(values.topic_ids),
    builtin,
    max_images: Number(values.max_images),
    custom_fields: values.custom_fields.map(questionBody),
  };
}

/** A question as the API takes it: only what its type uses, empty translations dropped. */
export function questionBody(question: QuestionValues): CustomField {
  const scale = question.type === "linear_scale";
  return {
    id: question.id,
    type: question.type,
    label: compact(question.label),
    help: optional(question.help),
    required: question.required,
    enabled: question.enabled,
    options: isChoice(question.type)
      ? question.options.map((option) => ({ id: option.id, label: compact(option.label) }))
      : [],
    scale_min: scale ? Number(question.scale_min) : null,
    scale_max: scale ? Number(question.scale_max) : null,
    min_label: scale ? optional(question.min_label) : null,
    max_label: scale ? optional(question.max_label) : null,
  };
}
