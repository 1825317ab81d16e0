import type { components } from "@/lib/api/schema";

/**
 * A question residents answer: an idea form's custom field or a registration
 * field (the API shares their definition). The browser checks what the server
 * checks (required, lengths, numbers, dates) before sending.
 */
export type Question = Pick<
  components["schemas"]["CustomField-Output"],
  "id" | "type" | "label" | "help" | "required" | "options" | "scale_min" | "scale_max" | "min_label" | "max_label"
>;

/** An answer as a form holds it: text (numbers, dates and scales as typed), choices, a tick. */
export type Answer = string | string[] | boolean;

export interface QuestionMessages {
  maxLength: (max: number) => string;
  number: string;
  date: string;
  answerRequired: (label: string) => string;
  tickRequired: (label: string) => string;
}

const TEXT_MAX = 300;
const MULTILINE_MAX = 5000;

/** What an unanswered question holds in a form. */
export function emptyAnswer(field: Question): Answer {
  if (field.type === "multiple_choice") return [];
  if (field.type === "checkbox") return false;
  return "";
}

/** A stored answer (as the API returns it) as a form holds it. */
export function toAnswer(field: Question, value: unknown): Answer {
  if (value === undefined || value === null) return emptyAnswer(field);
  if (field.type === "multiple_choice") return Array.isArray(value) ? value.map(String) : [];
  if (field.type === "checkbox") return Boolean(value);
  return String(value);
}

/** The message for an answer that does not fit its question, or null. */
export function answerProblem(
  field: Question,
  value: Answer | undefined,
  messages: QuestionMessages,
  label: string,
): string | null {
  if (field.type === "checkbox") return field.required && value !== true ? messages.tickRequired(label) : null;
  const empty = value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
  if (empty) return field.required ? messages.answerRequired(label) : null;
  if (typeof value !== "string") return null;
  if (field.type === "text" && value.length > TEXT_MAX) return messages.maxLength(TEXT_MAX);
  if (field.type === "multiline" && value.length > MULTILINE_MAX) return messages.maxLength(MULTILINE_MAX);
  if (field.type === "number" && !Number.isFinite(Number(value))) return messages.number;
  if (field.type === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return messages.date;
  return null;
}

/** An answer as the API takes it (numbers and scales as numbers). */
export function answerValue(field: Question, value: Answer): unknown {
  if (field.type === "number") return Number(value);
  if (field.type === "linear_scale") return Number.parseInt(String(value), 10);
  return value;
}

/** Whether a form's answer says nothing (a checkbox always says something). */
export function isUnanswered(field: Question, value: Answer | undefined): boolean {
  if (value === undefined) return true;
  if (field.type === "checkbox") return false;
  return value === "" || (Array.isArray(value) && value.length === 0);
}
