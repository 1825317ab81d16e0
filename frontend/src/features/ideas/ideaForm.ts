import { isPlainText } from "@/lib/forms/plainText";
import { answerProblem, answerValue, emptyAnswer, type Answer } from "@/lib/forms/questions";
import { z } from "zod";
import type { CustomField, Idea, InputForm } from "./types";

export type CustomAnswer = Answer;

export interface ImageValue {
  key: string;
  /** A preview URL; empty when the preview is gone (a restored draft). */
  url: string;
  name: string;
}

export interface AttachmentValue {
  key: string;
  name: string;
  size: number;
}

export interface IdeaFormValues {
  title: string;
  body: string;
  topic_ids: string[];
  location: { address: string; lat: string; lng: string };
  images: ImageValue[];
  attachments: AttachmentValue[];
  custom_fields: Record<string, CustomAnswer>;
}

export interface IdeaFormMessages {
  required: string;
  title: string;
  body: string;
  maxLength: (max: number) => string;
  plainText: string;
  lat: string;
  lng: string;
  locationRequired: string;
  topicsRequired: string;
  imagesRequired: string;
  attachmentsRequired: string;
  tooManyImages: (max: number) => string;
  number: string;
  date: string;
  answerRequired: (label: string) => string;
  tickRequired: (label: string) => string;
}

export const TITLE_MAX = 300;
export const ADDRESS_MAX = 300;

export function emptyValues(form: InputForm): IdeaFormValues {
  return {
    title: "",
    body: "",
    topic_ids: [],
    location: { address: "", lat: "", lng: "" },
    images: [],
    attachments: [],
    custom_fields: Object.fromEntries(
      form.custom_fields.filter((field) => field.enabled).map((field) => [field.id, emptyAnswer(field)]),
    ),
  };
}

/** The locale an edit writes in: the viewer's if the idea has it, else the idea's first. */
export function editLocale(idea: Idea, viewerLocale: string): string {
  return idea.title[viewerLocale] !== undefined ? viewerLocale : Object.keys(idea.title)[0] ?? viewerLocale;
}

export function valuesFromIdea(idea: Idea, form: InputForm, locale: string): IdeaFormValues {
  const base = emptyValues(form);
  const custom = { ...base.custom_fields };
  for (const field of form.custom_fields.filter((item) => item.enabled)) {
    const value = idea.custom_fields[field.id];
    if (value === undefined || value === null) continue;
    custom[field.id] =
      field.type === "multiple_choice"
        ? (value as string[])
        : field.type === "checkbox"
          ? Boolean(value)
          : String(value);
  }
  return {
    title: idea.title[locale] ?? "",
    body: idea.body[locale] ?? "",
    topic_ids: idea.topic_ids,
    location: idea.location
      ? {
          address: idea.location.address ?? "",
          lat: idea.location.lat === null ? "" : String(idea.location.lat),
          lng: idea.location.lng === null ? "" : String(idea.location.lng),
        }
      : base.location,
    images: idea.images.map((image, index) => ({ key: image.key, url: image.thumbnail_url, name: `${index + 1}` })),
    attachments: idea.attachments.map((file) => ({ key: file.key, name: file.name, size: file.size })),
    custom_fields: custom,
  };
}

const isBlank = (value: string) => value.trim() === "";
const inRange = (value: string, limit: number) => {
  const number = Number(value);
  return !isBlank(value) && Number.isFinite(number) && Math.abs(number) <= limit;
};

/** The zod schema of the idea form, shaped by the project's input form. */
export function ideaSchema(form: InputForm, messages: IdeaFormMessages, label: (field: CustomField) => string) {
  const { builtin } = form;
  return z
    .object({
      title: z
        .string()
        .trim()
        .min(1, messages.title)
        .max(TITLE_MAX, messages.maxLength(TITLE_MAX))
        .refine(isPlainText, messages.plainText),
      body: z.string(),
      topic_ids: z.array(z.string()),
      location: z.object({
        address: z.string().max(ADDRESS_MAX, messages.maxLength(ADDRESS_MAX)).refine(isPlainText, messages.plainText),
        lat: z.string(),
        lng: z.string(),
      }),
      images: z.array(z.object({ key: z.string(), url: z.string(), name: z.string() })),
      attachments: z.array(z.object({ key: z.string(), name: z.string(), size: z.number() })),
      custom_fields: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.boolean()])),
    })
    .superRefine((values, context) => {
      const issue = (path: (string | number)[], message: string) =>
        context.addIssue({ code: "custom", path, message });
      if (builtin.body.enabled && builtin.body.required && isBlank(values.body.replace(/<[^>]*>/g, ""))) {
        issue(["body"], messages.body);
      }
      if (builtin.topics.enabled && builtin.topics.required && values.topic_ids.length === 0) {
        issue(["topic_ids"], messages.topicsRequired);
      }
      if (builtin.location.enabled) {
        // A location is an address, a pin, or both; only a pin puts the idea on the map.
        const { address, lat, lng } = values.location;
        const anyCoordinate = !isBlank(lat) || !isBlank(lng);
        if (anyCoordinate) {
          if (!inRange(lat, 90)) issue(["location", "lat"], messages.lat);
          if (!inRange(lng, 180)) issue(["location", "lng"], messages.lng);
        } else if (builtin.location.required && isBlank(address)) {
          issue(["location", "address"], messages.locationRequired);
        }
      }
      if (builtin.images.enabled) {
        if (builtin.images.required && values.images.length === 0) issue(["images"], messages.imagesRequired);
        if (values.images.length > form.max_images) issue(["images"], messages.tooManyImages(form.max_images));
      }
      if (builtin.attachments.enabled && builtin.attachments.required && values.attachments.length === 0) {
        issue(["attachments"], messages.attachmentsRequired);
      }
      for (const field of form.custom_fields.filter((item) => item.enabled)) {
        const message = answerProblem(field, values.custom_fields[field.id], messages, label(field));
        if (message) issue(["custom_fields", field.id], message);
      }
    });
}

/** The answers to send: enabled fields only, empty answers left out (a checkbox is sent as is). */
export function customPayload(form: InputForm, values: IdeaFormValues): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of form.custom_fields.filter((item) => item.enabled)) {
    const value = values.custom_fields[field.id];
    if (value === undefined) continue;
    if (field.type !== "checkbox" && (value === "" || (Array.isArray(value) && value.length === 0))) continue;
    payload[field.id] = answerValue(field, value);
  }
  return payload;
}

/** The request body of a new idea (or of an edit, which sends every field the form shows). */
export function ideaPayload(form: InputForm, values: IdeaFormValues, locale: string, previous?: Idea) {
  const { builtin } = form;
  const hasPin = !isBlank(values.location.lat) && !isBlank(values.location.lng);
  const address = values.location.address.trim();
  const body = builtin.body.enabled && !isBlank(values.body) ? { ...(previous?.body ?? {}), [locale]: values.body } : undefined;
  return {
    title: { ...(previous?.title ?? {}), [locale]: values.title.trim() },
    ...(body ? { body } : {}),
    ...(builtin.topics.enabled ? { topic_ids: values.topic_ids } : {}),
    ...(builtin.location.enabled && (hasPin || address)
      ? {
          location: {
            lat: hasPin ? Number(values.location.lat) : null,
            lng: hasPin ? Number(values.location.lng) : null,
            address: address || null,
          },
        }
      : builtin.location.enabled && previous?.location
        ? { location: null } // the edit took the location away: say so, or the old one stays
        : {}),
    ...(builtin.images.enabled ? { image_keys: values.images.map((image) => image.key) } : {}),
    ...(builtin.attachments.enabled ? { attachment_keys: values.attachments.map((file) => file.key) } : {}),
    custom_fields: customPayload(form, values),
  };
}

/** Where an API field error belongs on this form. */
export function mapIdeaField(apiField: string, form: InputForm): string | null {
  const [root, second] = apiField.split(".");
  switch (root) {
    case "title":
    case "body":
    case "topic_ids":
      return root;
    case "location":
      // The location as a whole (required, neither address nor pin) belongs to its first input.
      return second === "lat" || second === "lng" ? `location.${second}` : "location.address";
    case "image_keys":
      return "images";
    case "attachment_keys":
      return "attachments";
    case "custom_fields":
      return second && form.custom_fields.some((field) => field.id === second) ? `custom_fields.${second}` : null;
    default:
      return null;
  }
}
