import { useCallback, useMemo } from "react";
import { useIntl } from "react-intl";
import type { ProblemTranslator } from "./problem";

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

/** Problem codes in the viewer's language (`problem.<code>` in the catalogs), else the server's text. */
export function useProblemTranslator(): ProblemTranslator {
  const intl = useIntl();
  return useCallback(
    (code: string, serverMessage: string) =>
      intl.messages[`problem.${code}`] ? intl.formatMessage({ id: `problem.${code}` }) : serverMessage,
    [intl],
  );
}
