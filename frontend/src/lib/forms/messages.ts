import { useCallback, useMemo } from "react";
import { useIntl } from "react-intl";
import type { ProblemTranslator, ProblemValues } from "./problem";

/** Translated validation messages for zod schemas built inside components. */
export function useValidationMessages() {
  const intl = useIntl();
  return useMemo(
    () => ({
      required: intl.formatMessage({ id: "validation.required" }),
      email: intl.formatMessage({ id: "validation.email" }),
      minLength: (min: number) => intl.formatMessage({ id: "validation.minLength" }, { min }),
      maxLength: (max: number) => intl.formatMessage({ id: "validation.maxLength" }, { max }),
      date: intl.formatMessage({ id: "validation.date" }),
      endBeforeStart: intl.formatMessage({ id: "validation.endBeforeStart" }),
      color: intl.formatMessage({ id: "validation.color" }),
      slug: intl.formatMessage({ id: "validation.slug" }),
      plainText: intl.formatMessage({ id: "validation.plainText" }),
    }),
    [intl],
  );
}

/**
 * Problem codes in the viewer's language (`problem.<code>` in the catalogs), else the server's text.
 * `values` fill the message's placeholders (lists are joined the viewer's way); a message with
 * placeholders but no values keeps the server's text, which names the specifics.
 */
export function useProblemTranslator(): ProblemTranslator {
  const intl = useIntl();
  return useCallback(
    (code: string, serverMessage: string, values?: ProblemValues) => {
      const message = intl.messages[`problem.${code}`];
      if (!message) return serverMessage;
      if (!values) {
        const needsValues = typeof message === "string" && message.includes("{");
        return needsValues ? serverMessage : intl.formatMessage({ id: `problem.${code}` });
      }
      const list = (items: string[]) =>
        intl.formatList(
          items.map((item) => `“${item}”`),
          { type: "conjunction" },
        );
      const filled = Object.fromEntries(
        Object.entries(values).map(([name, value]) => [name, Array.isArray(value) ? list(value) : value]),
      );
      return intl.formatMessage({ id: `problem.${code}` }, filled);
    },
    [intl],
  );
}
