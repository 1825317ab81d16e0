import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { type ApiProblem, isApiProblem } from "@/lib/api/problem";

export type FieldMapper<T extends FieldValues> = (apiField: string) => Path<T> | null;

/**
 * Turns a stable problem code into the viewer's language, or keeps the
 * server's (English) text when the catalog has no message for that code.
 */
export type ProblemTranslator = (code: string, serverMessage: string, values?: ProblemValues) => string;

/** What a problem names, for its message's placeholders (e.g. `words` the profanity filter found). */
export type ProblemValues = Record<string, string | string[]>;

/**
 * The specifics a problem carries for one field (or for all fields), if any: the `words` it
 * found, by field, and named `values` (e.g. the `phase` a date overlaps).
 */
export function problemValues(problem: ApiProblem, field?: string): ProblemValues | undefined {
  const values: ProblemValues = {};
  const named = problem.extra.values;
  if (named && typeof named === "object") {
    for (const [name, value] of Object.entries(named as Record<string, unknown>)) {
      if (typeof value === "string") values[name] = value;
    }
  }
  const words = problem.extra.words;
  if (words && typeof words === "object") {
    const byField = words as Record<string, unknown>;
    const lists = field !== undefined ? [byField[field]] : Object.values(byField);
    const found = lists.flatMap((list) => (Array.isArray(list) ? list.map(String) : []));
    if (found.length) values.words = [...new Set(found)];
  }
  return Object.keys(values).length ? values : undefined;
}

export const keepServerText: ProblemTranslator = (_code, serverMessage) => serverMessage;

/** Strip the `body.` prefix some validators put in front of request fields. */
export function normaliseField(field: string): string {
  return field.replace(/^body\./, "");
}

/**
 * Put each `errors[]` entry of a problem+json answer on the form field it
 * names, and return what belongs to no field (the `detail`, unknown fields)
 * so the form can show it in its error summary.
 */
export function applyProblem<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  mapField: FieldMapper<T>,
  fallbackMessage: string,
  translate: ProblemTranslator = keepServerText,
): string[] {
  if (!isApiProblem(error)) return [fallbackMessage];
  const unplaced: string[] = [];
  let placed = 0;
  for (const issue of error.errors) {
    const name = mapField(normaliseField(issue.field));
    const message = translate(issue.code, issue.message, problemValues(error, issue.field));
    if (name) {
      setError(name, { type: "server", message });
      placed += 1;
    } else {
      unplaced.push(message);
    }
  }
  if (placed === 0 && unplaced.length === 0) {
    unplaced.push(translate(error.code, error.detail || fallbackMessage, problemValues(error)));
  }
  return unplaced;
}
