import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useSession } from "@/features/auth/useSession";
import { isApiProblem } from "@/lib/api/problem";
import { isPlainText } from "@/lib/forms/plainText";
import { useFileReport } from "./api";
import { useErrorMessage } from "./problems";
import type { ReportReason, TargetKind } from "./types";
import "./report.css";

const REASONS: ReportReason[] = ["spam", "inappropriate", "other"];
const NOTE_MAX = 1000;

interface Props {
  kind: TargetKind;
  id: string;
  /** The idea's title or the comment's author, in the button's accessible name ("Report the comment by Ada"). */
  name: string;
}

type Outcome = "sent" | "already" | null;

/**
 * "Report" for a signed-in resident: a small dialog asking why (spam,
 * inappropriate, other with a note) that takes focus, closes on Escape and
 * gives focus back to the button; then a thank-you, or that they already did.
 */
export function ReportButton({ kind, id, name }: Props) {
  const intl = useIntl();
  const { status } = useSession();
  const uid = useId();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [reason, setReason] = useState<ReportReason | "">("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; note?: string; form?: string }>({});
  const opener = useRef<HTMLButtonElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const wasOpen = useRef(false);
  const report = useFileReport();
  const describe = useErrorMessage();

  useEffect(() => {
    if (open) title.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (status !== "authenticated") return null;
  if (outcome) {
    return (
      <p role="status" className="notice notice--success report__outcome">
        <FormattedMessage id={outcome === "sent" ? "moderation.report.sent" : "moderation.report.already"} />
      </p>
    );
  }

  const validate = () => {
    const found: typeof errors = {};
    if (!reason) found.reason = intl.formatMessage({ id: "moderation.report.reasonRequired" });
    const text = note.trim();
    if (reason === "other" && !text) found.note = intl.formatMessage({ id: "moderation.report.noteRequired" });
    else if (text.length > NOTE_MAX) found.note = intl.formatMessage({ id: "validation.maxLength" }, { max: NOTE_MAX });
    else if (!isPlainText(text)) found.note = intl.formatMessage({ id: "validation.plainText" });
    return found;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (found.reason) {
      document.getElementById(`${uid}-reason-spam`)?.focus();
      return;
    }
    if (found.note) {
      document.getElementById(`${uid}-note`)?.focus();
      return;
    }
    const text = note.trim();
    report.mutate(
      { target_kind: kind, target_id: id, reason: reason as ReportReason, ...(text ? { note: text } : {}) },
      {
        onSuccess: () => setOutcome("sent"),
        onError: (error) => {
          if (isApiProblem(error) && error.code === "already_reported") setOutcome("already");
          else {
            const issue = isApiProblem(error) ? error.errors.find((item) => item.field === "note") : undefined;
            setErrors(issue ? { note: describe(error) } : { form: describe(error) });
          }
        },
      },
    );
  };

  if (!open) {
    return (
      <button
        ref={opener}
        type="button"
        className="link-button"
        aria-label={intl.formatMessage({ id: `moderation.report.buttonLabel.${kind}` }, { name })}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <FormattedMessage id="moderation.report.button" />
      </button>
    );
  }

  const noteDescribedBy = [`${uid}-note-hint`, errors.note ? `${uid}-note-error` : null].filter(Boolean).join(" ");
  return (
    <div
      className="confirm report"
      role="dialog"
      aria-labelledby={`${uid}-title`}
      onKeyDown={(event) => {
        if (event.key === "Escape") setOpen(false);
      }}
    >
      <h2 id={`${uid}-title`} className="confirm__title" ref={title} tabIndex={-1}>
        <FormattedMessage id={`moderation.report.title.${kind}`} values={{ name }} />
      </h2>
      <form noValidate onSubmit={submit} className="form">
        {errors.form ? (
          <p role="alert" className="field__error">
            {errors.form}
          </p>
        ) : null}
        <fieldset
          className={errors.reason ? "fieldset field--error" : "fieldset"}
          aria-describedby={errors.reason ? `${uid}-reason-error` : undefined}
        >
          <legend>
            <FormattedMessage id="moderation.report.reason" />
          </legend>
          {errors.reason ? (
            <p className="field__error" id={`${uid}-reason-error`}>
              {errors.reason}
            </p>
          ) : null}
          {REASONS.map((item) => (
            <div className="checkbox" key={item}>
              <input
                type="radio"
                id={`${uid}-reason-${item}`}
                name="reason"
                value={item}
                checked={reason === item}
                onChange={() => setReason(item)}
              />
              <label htmlFor={`${uid}-reason-${item}`}>
                <FormattedMessage id={`moderation.reason.${item}`} />
              </label>
            </div>
          ))}
        </fieldset>
        <div className={errors.note ? "field field--error" : "field"}>
          <label className="field__label" htmlFor={`${uid}-note`}>
            <FormattedMessage id={reason === "other" ? "moderation.report.noteRequiredLabel" : "moderation.report.note"} />
          </label>
          <div className="field__hint" id={`${uid}-note-hint`}>
            <FormattedMessage id="moderation.report.noteHint" values={{ max: NOTE_MAX }} />
          </div>
          {errors.note ? (
            <p className="field__error" id={`${uid}-note-error`}>
              {errors.note}
            </p>
          ) : null}
          <textarea
            id={`${uid}-note`}
            name="note"
            className="field__input"
            rows={3}
            value={note}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={noteDescribedBy}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={report.isPending}>
            <FormattedMessage id="moderation.report.submit" />
          </button>
          <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
            <FormattedMessage id="moderation.report.cancel" />
          </button>
        </div>
      </form>
    </div>
  );
}
