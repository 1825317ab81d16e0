import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useAssign, useCommonCollaborators } from "./api";
import { useFailureMessage } from "./problems";
import type { BulkResult, InputRow } from "./types";

const NOBODY = "__nobody__";

/**
 * Assign the selected inputs to a collaborator, or take the assignment off.
 * Only people who may be assigned in every selected input's project are
 * offered (the admins and those projects' managers).
 */
export function AssignForm({ rows, onDone }: { rows: InputRow[]; onDone: (results: BulkResult[]) => void }) {
  const intl = useIntl();
  const failure = useFailureMessage();
  const projectIds = [...new Set(rows.map((row) => row.project.id))];
  const { people, isPending } = useCommonCollaborators(projectIds);
  const assign = useAssign();
  const [chosen, setChosen] = useState("");
  const error = assign.error ? failure(assign.error) : null;

  return (
    <form
      className="form input-bulk-form"
      aria-label={intl.formatMessage({ id: "inputs.assign.form" })}
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen) return;
        assign.mutate(
          { idea_ids: rows.map((row) => row.id), assignee_id: chosen === NOBODY ? null : chosen },
          { onSuccess: (answer) => onDone(answer.results) },
        );
      }}
    >
      <div className={error ? "field field--error" : "field"}>
        <label className="field__label" htmlFor="bulk-assignee">
          <FormattedMessage id="inputs.assign.label" />
        </label>
        <div className="field__hint" id="bulk-assignee-hint">
          <FormattedMessage
            id={projectIds.length > 1 ? "inputs.assign.hintSeveral" : "inputs.assign.hint"}
            values={{ count: projectIds.length }}
          />
        </div>
        {error ? (
          <p className="field__error" id="bulk-assignee-error" role="alert">
            {error}
          </p>
        ) : null}
        <select
          id="bulk-assignee"
          name="assignee_id"
          className="field__input"
          value={chosen}
          disabled={isPending}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "bulk-assignee-hint bulk-assignee-error" : "bulk-assignee-hint"}
          onChange={(event) => setChosen(event.target.value)}
        >
          <option value="" disabled>
            {intl.formatMessage({ id: isPending ? "inputs.assign.loading" : "inputs.assign.choose" })}
          </option>
          <option value={NOBODY}>{intl.formatMessage({ id: "inputs.assign.nobody" })}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.display_name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={!chosen || assign.isPending}>
        <FormattedMessage id="inputs.assign.submit" values={{ count: rows.length }} />
      </button>
    </form>
  );
}
