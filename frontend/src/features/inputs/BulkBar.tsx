import { useEffect, useRef, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useLocalized } from "@/lib/i18n";
import { AssignForm } from "./AssignForm";
import { MoveForm } from "./MoveForm";
import { useResultMessage } from "./problems";
import { type FeedbackKind, StatusForm } from "./StatusForm";
import type { BulkResult, InputRow } from "./types";

export type BulkAction = "assign" | "status" | "move";

export interface Outcome {
  /** What was done: the feedback form says which of status and update it asked for. */
  action: Exclude<BulkAction, "status"> | FeedbackKind;
  results: BulkResult[];
  /** The titles at the time of the action: the list may have changed since. */
  titles: Record<string, string>;
}

const ACTIONS: BulkAction[] = ["assign", "status", "move"];

function Summary({ outcome, onClose }: { outcome: Outcome; onClose: () => void }) {
  const intl = useIntl();
  const message = useResultMessage();
  // A status set whose update then failed is not "not changed": say which part was done.
  const why = (result: BulkResult) =>
    result.status_set
      ? intl.formatMessage({ id: "inputs.result.statusOnly" }, { reason: message(result.code) })
      : message(result.code);
  const heading = useRef<HTMLHeadingElement>(null);
  const failed = outcome.results.filter((result) => !result.ok);
  const done = outcome.results.length - failed.length;
  useEffect(() => heading.current?.focus(), [outcome]);
  return (
    <section
      className={failed.length ? "notice notice--error input-bulk-summary" : "notice notice--success input-bulk-summary"}
      aria-labelledby="bulk-summary-title"
    >
      <h2 id="bulk-summary-title" tabIndex={-1} ref={heading}>
        <FormattedMessage id={`inputs.bulk.summary.${outcome.action}`} values={{ done, failed: failed.length }} />
      </h2>
      {failed.length ? (
        <ul>
          {failed.map((result) => (
            <li key={result.idea_id}>
              <strong>{outcome.titles[result.idea_id] ?? result.idea_id}</strong>: {why(result)}
            </li>
          ))}
        </ul>
      ) : null}
      {outcome.action === "move" ? (
        <p>
          <FormattedMessage
            id="inputs.bulk.summary.copies"
            values={{ count: outcome.results.filter((result) => result.ok && result.new_idea_id).length }}
          />
        </p>
      ) : null}
      <button type="button" className="button button--secondary button--small" onClick={onClose}>
        <FormattedMessage id="inputs.bulk.summary.close" />
      </button>
    </section>
  );
}

/**
 * What can be done to the selected inputs at once: assign them, give them a
 * status or an official update or both, move or copy them to another phase. Each
 * input is decided on its own by the server; the summary lists which were
 * not changed and why.
 */
export function BulkBar({ rows, onClear }: { rows: InputRow[]; onClear: () => void }) {
  const intl = useIntl();
  const localize = useLocalized();
  const [action, setAction] = useState<BulkAction | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const finish = (done: Outcome["action"]) => (results: BulkResult[]) => {
    setOutcome({
      action: done,
      results,
      titles: Object.fromEntries(rows.map((row) => [row.id, localize(row.title)])),
    });
    setAction(null);
  };
  const ids = rows.map((row) => row.id);

  return (
    <>
      {rows.length ? (
        <section className="panel input-bulk" aria-labelledby="bulk-title">
          <h2 id="bulk-title">
            <FormattedMessage id="inputs.bulk.selected" values={{ count: rows.length }} />
          </h2>
          <div className="form__actions" role="group" aria-label={intl.formatMessage({ id: "inputs.bulk.actions" })}>
            {ACTIONS.map((item) => (
              <button
                key={item}
                type="button"
                className={action === item ? "button button--small" : "button button--secondary button--small"}
                aria-expanded={action === item}
                aria-controls={action === item ? `bulk-${item}` : undefined}
                onClick={() => setAction(action === item ? null : item)}
              >
                <FormattedMessage id={`inputs.bulk.${item}`} />
              </button>
            ))}
            <button type="button" className="link-button" onClick={onClear}>
              <FormattedMessage id="inputs.bulk.clear" />
            </button>
          </div>
          <div id={`bulk-${action ?? "none"}`}>
            {action === "assign" ? <AssignForm rows={rows} onDone={finish("assign")} /> : null}
            {action === "status" ? (
              <StatusForm ids={ids} onDone={(results, kind) => finish(kind)(results)} />
            ) : null}
            {action === "move" ? <MoveForm rows={rows} onDone={finish("move")} /> : null}
          </div>
        </section>
      ) : null}
      {outcome ? <Summary outcome={outcome} onClose={() => setOutcome(null)} /> : null}
    </>
  );
}
