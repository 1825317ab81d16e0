import { useCallback } from "react";
import { useIntl } from "react-intl";
import { isApiProblem } from "@/lib/api/problem";
import { useProblemTranslator } from "@/lib/forms/messages";

/** A caught error in words: a known problem code translated, else the server's text, else "try again". */
export function useErrorMessage(): (error: unknown) => string {
  const intl = useIntl();
  const translate = useProblemTranslator();
  return useCallback(
    (error: unknown) => {
      const fallback = intl.formatMessage({ id: "error.network" });
      if (!isApiProblem(error)) return fallback;
      const issue = error.errors[0];
      if (error.status === 422 && issue) return translate(issue.code, issue.message || error.detail || fallback);
      return translate(error.code, error.detail || fallback);
    },
    [intl, translate],
  );
}
