import { useMemo } from "react";
import { useIntl } from "react-intl";
import { z } from "zod";
import { useValidationMessages } from "@/lib/forms/messages";
import {
  answerProblem,
  answerValue,
  isUnanswered,
  toAnswer,
  type Answer,
  type QuestionMessages,
} from "@/lib/forms/questions";
import { useLocalized } from "@/lib/i18n";
import type { RegistrationField } from "./types";

export type AnswerValues = Record<string, Answer>;

/** Translated messages for the browser's checks of answers. */
export function useQuestionMessages(): QuestionMessages {
  const intl = useIntl();
  const base = useValidationMessages();
  return useMemo(
    () => ({
      maxLength: base.maxLength,
      date: base.date,
      number: intl.formatMessage({ id: "registration.validation.number" }),
      answerRequired: (label: string) => intl.formatMessage({ id: "registration.validation.answer" }, { label }),
      tickRequired: (label: string) => intl.formatMessage({ id: "registration.validation.tick" }, { label }),
    }),
    [base, intl],
  );
}

/** The zod schema of `answers` for these fields (required ones must be answered). */
export function useAnswersSchema(fields: RegistrationField[]) {
  const messages = useQuestionMessages();
  const localize = useLocalized();
  return useMemo(
    () =>
      z.record(z.string(), z.union([z.string(), z.array(z.string()), z.boolean()])).superRefine((values, context) => {
        for (const field of fields) {
          const message = answerProblem(field, values[field.id], messages, localize(field.label));
          if (message) context.addIssue({ code: "custom", path: [field.id], message });
        }
      }),
    [fields, messages, localize],
  );
}

/** The form's answers for these fields, from what the resident answered before. */
export function answerValues(fields: RegistrationField[], stored: Record<string, unknown> = {}): AnswerValues {
  return Object.fromEntries(fields.map((field) => [field.id, toAnswer(field, stored[field.id])]));
}

/**
 * The answers to send. At sign-up empty answers are left out; a profile
 * change sends them as null, which clears an answer given before.
 */
export function answersPayload(
  fields: RegistrationField[],
  values: AnswerValues,
  empty: "omit" | "clear",
): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.id];
    if (isUnanswered(field, value)) {
      if (empty === "clear") payload[field.id] = null;
      continue;
    }
    payload[field.id] = answerValue(field, value as Answer);
  }
  return payload;
}
