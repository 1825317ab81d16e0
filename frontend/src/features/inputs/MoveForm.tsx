import { useEffect, useRef, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Loading } from "@/components/Loading";
import { useLocalized } from "@/lib/i18n";
import { collectsInputs } from "@/lib/phases";
import { useMove, useProject } from "./api";
import { useFailureMessage } from "./problems";
import type { BulkResult, InputRow, MoveMode, VotesMode } from "./types";

function Choice<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  options: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {options.map((option) => (
        <div className="checkbox" key={option.value}>
          <input
            type="radio"
            id={`${name}-${option.value}`}
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <label htmlFor={`${name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * Move or copy the selected inputs to another phase of their project that
 * collects inputs (ideas or proposals), with their votes kept or reset.
 * Asks to confirm before it acts.
 */
export function MoveForm({ rows, onDone }: { rows: InputRow[]; onDone: (results: BulkResult[]) => void }) {
  const intl = useIntl();
  const localize = useLocalized();
  const failure = useFailureMessage();
  const projectIds = [...new Set(rows.map((row) => row.project.id))];
  const project = useProject(projectIds.length === 1 ? projectIds[0] : "");
  const move = useMove();
  const [phaseId, setPhaseId] = useState("");
  const [mode, setMode] = useState<MoveMode>("move");
  const [votes, setVotes] = useState<VotesMode>("keep");
  const [confirming, setConfirming] = useState(false);
  const confirm = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) confirm.current?.focus();
  }, [confirming]);

  if (projectIds.length > 1) {
    return (
      <p className="notice" id="bulk-move-one-project">
        <FormattedMessage id="inputs.move.oneProject" />
      </p>
    );
  }
  if (project.isPending) return <Loading />;
  const phases = (project.data?.phases ?? []).filter(collectsInputs);
  const phase = phases.find((item) => item.id === phaseId);
  const error = move.error ? failure(move.error) : null;

  if (confirming && phase) {
    return (
      <div className="input-bulk-form" role="group" aria-labelledby="bulk-move-confirm">
        <p id="bulk-move-confirm" tabIndex={-1} ref={confirm}>
          <FormattedMessage
            id={`inputs.move.confirm.${mode}.${votes}`}
            values={{ count: rows.length, phase: localize(phase.title) }}
          />
        </p>
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form__actions">
          <button
            type="button"
            className="button"
            disabled={move.isPending}
            onClick={() =>
              move.mutate(
                { idea_ids: rows.map((row) => row.id), phase_id: phase.id, mode, votes },
                { onSuccess: (answer) => onDone(answer.results) },
              )
            }
          >
            <FormattedMessage id={`inputs.move.yes.${mode}`} />
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
            <FormattedMessage id="inputs.move.back" />
          </button>
        </div>
      </div>
    );
  }

  return (
    <form
      className="form input-bulk-form"
      aria-label={intl.formatMessage({ id: "inputs.move.form" })}
      onSubmit={(event) => {
        event.preventDefault();
        if (phase) setConfirming(true);
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor="bulk-phase">
          <FormattedMessage id="inputs.move.phase" />
        </label>
        <div className="field__hint" id="bulk-phase-hint">
          <FormattedMessage id="inputs.move.phaseHint" values={{ project: localize(rows[0]?.project.title) }} />
        </div>
        <select
          id="bulk-phase"
          name="phase_id"
          className="field__input"
          value={phaseId}
          aria-describedby="bulk-phase-hint"
          onChange={(event) => setPhaseId(event.target.value)}
        >
          <option value="" disabled>
            {intl.formatMessage({ id: "inputs.move.choosePhase" })}
          </option>
          {phases.map((item) => (
            <option key={item.id} value={item.id}>
              {localize(item.title)}
            </option>
          ))}
        </select>
      </div>
      <Choice
        name="mode"
        legend={intl.formatMessage({ id: "inputs.move.mode" })}
        value={mode}
        onChange={setMode}
        options={[
          { value: "move", label: intl.formatMessage({ id: "inputs.move.mode.move" }) },
          { value: "copy", label: intl.formatMessage({ id: "inputs.move.mode.copy" }) },
        ]}
      />
      <Choice
        name="votes"
        legend={intl.formatMessage({ id: "inputs.move.votes" })}
        value={votes}
        onChange={setVotes}
        options={[
          { value: "keep", label: intl.formatMessage({ id: "inputs.move.votes.keep" }) },
          { value: "reset", label: intl.formatMessage({ id: "inputs.move.votes.reset" }) },
        ]}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={!phase}>
          <FormattedMessage id="inputs.move.continue" />
        </button>
      </div>
    </form>
  );
}
