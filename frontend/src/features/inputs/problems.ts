import { useCallback } from "react";
import { useIntl } from "react-intl";
import { type ApiProblem, isApiProblem } from "@/lib/api/problem";
import { useProblemTranslator } from "@/lib/forms/messages";
import type { ProblemValues } from "@/lib/forms/problem";

/** Result codes of the bulk routes that the catalogs explain (`inputs.result.<code>`). */
export const RESULT_CODES = [
  "not_a_collaborator",
  "not_found",
  "manager_only",
  "moderator_only",
  "conflict",
  "phase_not_in_project",
  "same_phase",
] as const;

/** Why one input of a bulk action was not changed, in the viewer's language. */
export function useResultMessage(): (code: string | null) => string {
  const intl = useIntl();
  return useCallback(
    (code: string | null) =>
      code && (RESULT_CODES as readonly string[]).includes(code)
        ? intl.formatMessage({ id: `inputs.result.${code}` })
        : intl.formatMessage({ id: "inputs.result.other" }, { code: code ?? "error" }),
    [intl],
  );
}

/** What the manager's problems name for their messages: the search's limit of matches. */
function valuesOf(problem: ApiProblem): ProblemValues | undefined {
  const max = problem.extra.max_matches;
  return typeof max === "number" ? { max: String(max) } : undefined;
}

/**
 * What a failed request says to a person: a known problem code in their
 * language, else the server's own text (it tells them what to do), else a
 * generic "try again".
 */
export function useFailureMessage(): (error: unknown) => string {
  const intl = useIntl();
  const translate = useProblemTranslator();
  return useCallback(
    (error: unknown) => {
      if (!isApiProblem(error)) return intl.formatMessage({ id: "error.network" });
      const issue = error.errors[0];
      if (issue) return translate(issue.code, issue.message, valuesOf(error));
      return translate(error.code, error.detail || intl.formatMessage({ id: "error.action" }));
    },
    [intl, translate],
  );
}
