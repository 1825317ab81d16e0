import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { personName } from "@/features/people";
import { isPlainText } from "@/lib/forms/plainText";
import { useModerationAction } from "./api";
import { BlockForm, type BlockOutcome } from "./BlockForm";
import { messageOr, useErrorMessage } from "./problems";
import type { ActionResult, ActivityItem, ModerationAction, Person } from "./types";

const REASON_MAX = 500;

type Mode = null | "hide" | "delete" | "block";

export interface Outcome {
  label: string;
  ok: boolean;
  message: string | null;
}

/** Hide or delete asks why; delete also says it cannot be undone. */
function ReasonForm({
  action,
  count,
  onSubmit,
  onCancel,
  busy,
}: {
  action: "hide" | "delete";
  count: number;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const intl = useIntl();
  const uid = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    const found = !text
      ? intl.formatMessage({ id: "validation.required" })
      : text.length > REASON_MAX
        ? intl.formatMessage({ id: "validation.maxLength" }, { max: REASON_MAX })
        : !isPlainText(text)
          ? intl.formatMessage({ id: "validation.plainText" })
          : null;
    setError(found);
    if (found) document.getElementById(`${uid}-reason`)?.focus();
    else onSubmit(text);
  };

  return (
    <div
      className="confirm"
      role={action === "delete" ? "alertdialog" : "dialog"}
      aria-labelledby={`${uid}-title`}
      aria-describedby={action === "delete" ? `${uid}-body` : undefined}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
    >
      <h2 id={`${uid}-title`} className="confirm__title" ref={title} tabIndex={-1}>
        <FormattedMessage id={`moderation.${action}.title`} values={{ count }} />
      </h2>
      {action === "delete" ? (
        <p id={`${uid}-body`}>
          <FormattedMessage id="moderation.delete.body" values={{ count }} />
        </p>
      ) : null}
      <form noValidate className="form" onSubmit={submit}>
        <div className={error ? "field field--error" : "field"}>
          <label className="field__label" htmlFor={`${uid}-reason`}>
            <FormattedMessage id="moderation.action.reason" />
          </label>
          <div className="field__hint" id={`${uid}-reason-hint`}>
            <FormattedMessage id={`moderation.${action}.reasonHint`} />
          </div>
          {error ? (
            <p className="field__error" id={`${uid}-reason-error`}>
              {error}
            </p>
          ) : null}
          <textarea
            id={`${uid}-reason`}
            name="reason"
            className="field__input"
            rows={3}
            value={reason}
            aria-invalid={error ? true : undefined}
            aria-describedby={[`${uid}-reason-hint`, error ? `${uid}-reason-error` : null].filter(Boolean).join(" ")}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <div className="form__actions">
          <button
            type="submit"
            className={action === "delete" ? "button button--warning" : "button"}
            disabled={busy}
          >
            <FormattedMessage id={`moderation.${action}.submit`} values={{ count }} />
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            <FormattedMessage id="moderation.cancel" />
          </button>
        </div>
      </form>
    </div>
  );
}

/** The outcome of a bulk action: how many worked, and each one that did not, with why. */
export function OutcomeSummary({ outcomes }: { outcomes: Outcome[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [outcomes]);
  const failed = outcomes.filter((outcome) => !outcome.ok);
  const done = outcomes.length - failed.length;
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="status"
      className={failed.length ? "notice notice--error" : "notice notice--success"}
    >
      <p>
        <FormattedMessage id="moderation.outcome.summary" values={{ done, failed: failed.length }} />
      </p>
      {failed.length ? (
        <ul>
          {failed.map((outcome, index) => (
            <li key={`${outcome.label}-${index}`}>
              <FormattedMessage
                id="moderation.outcome.failed"
                values={{ label: outcome.label, message: outcome.message ?? "" }}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The distinct authors of the selected items (a former resident, whose account is gone, cannot be blocked). */
function authorsOf(items: ActivityItem[]): Person[] {
  const byId = new Map<string, Person>();
  for (const item of items) if (item.author && !item.author.former) byId.set(item.author.id, item.author);
  return [...byId.values()];
}

interface Props {
  selected: ActivityItem[];
  /** Each item's name for the summary ("Idea: Fewer cars"). */
  labelOf: (item: ActivityItem) => string;
  onFinished: (outcomes: Outcome[], clearSelection: boolean) => void;
}

/**
 * The bar over the activity list while rows are selected: mark reviewed or
 * not, hide (asks why), restore, delete (asks why, then confirms), block
 * the authors. Each target is checked on its own on the server, so the
 * answer lists per target whether it worked.
 */
export function BulkActions({ selected, labelOf, onFinished }: Props) {
  const intl = useIntl();
  const [mode, setMode] = useState<Mode>(null);
  const action = useModerationAction();
  const describe = useErrorMessage();
  const translateCode = (code: string | null) =>
    messageOr(intl, `moderation.result.${code}`, messageOr(intl, `problem.${code}`, intl.formatMessage({ id: "moderation.outcome.notApplied" })));
  const count = selected.length;
  const authors = authorsOf(selected);

  // mutateAsync, not mutate's callbacks: the refetch after an action can drop the acted-on
  // rows from the list, which unmounts this bar before mutate's per-call callbacks would run.
  const run = async (kind: ModerationAction, reason?: string) => {
    const targets = selected.map((item) => ({ target_kind: item.target_kind, target_id: item.target_id }));
    const byKey = new Map(selected.map((item) => [`${item.target_kind}:${item.target_id}`, item]));
    try {
      const { results } = await action.mutateAsync({ action: kind, targets, ...(reason ? { reason } : {}) });
      const outcomes = results.map((result: ActionResult) => {
        const item = byKey.get(`${result.target_kind}:${result.target_id}`);
        return {
          label: item ? labelOf(item) : result.target_id,
          ok: result.ok,
          message: result.ok ? null : translateCode(result.code),
        };
      });
      setMode(null);
      onFinished(outcomes, true);
    } catch (error) {
      setMode(null);
      onFinished([{ label: intl.formatMessage({ id: "moderation.outcome.all" }), ok: false, message: describe(error) }], false);
    }
  };

  const blocked = (outcomes: BlockOutcome[]) => {
    setMode(null);
    onFinished(
      outcomes.map((outcome) => ({ label: personName(outcome.user, intl), ok: outcome.ok, message: outcome.message })),
      false,
    );
  };

  return (
    <div className="bulk-bar" role="region" aria-label={intl.formatMessage({ id: "moderation.bulk.label" })}>
      <p className="bulk-bar__count">
        <FormattedMessage id="moderation.bulk.selected" values={{ count }} />
      </p>
      <div className="form__actions" role="toolbar" aria-label={intl.formatMessage({ id: "moderation.bulk.actions" })}>
        <button type="button" className="button button--secondary" disabled={action.isPending} onClick={() => void run("review")}>
          <FormattedMessage id="moderation.bulk.review" />
        </button>
        <button type="button" className="button button--secondary" disabled={action.isPending} onClick={() => void run("unreview")}>
          <FormattedMessage id="moderation.bulk.unreview" />
        </button>
        <button type="button" className="button button--secondary" aria-expanded={mode === "hide"} onClick={() => setMode("hide")}>
          <FormattedMessage id="moderation.bulk.hide" />
        </button>
        <button type="button" className="button button--secondary" disabled={action.isPending} onClick={() => void run("restore")}>
          <FormattedMessage id="moderation.bulk.restore" />
        </button>
        <button type="button" className="button button--warning" aria-expanded={mode === "delete"} onClick={() => setMode("delete")}>
          <FormattedMessage id="moderation.bulk.delete" />
        </button>
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={mode === "block"}
          disabled={authors.length === 0}
          onClick={() => setMode("block")}
        >
          <FormattedMessage id="moderation.bulk.block" values={{ count: authors.length }} />
        </button>
      </div>
      {mode === "hide" || mode === "delete" ? (
        <ReasonForm
          key={mode}
          action={mode}
          count={count}
          busy={action.isPending}
          onSubmit={(reason) => void run(mode, reason)}
          onCancel={() => setMode(null)}
        />
      ) : null}
      {mode === "block" ? <BlockForm users={authors} onDone={blocked} onCancel={() => setMode(null)} /> : null}
    </div>
  );
}
