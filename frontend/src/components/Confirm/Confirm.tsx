import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { FormattedMessage } from "react-intl";

interface Props {
  /** The button that asks: its text (and accessible name, unless `openerLabel` names it). */
  label: ReactNode;
  /** The asking button's accessible name when its text alone is ambiguous ("Unblock Ada L."). */
  openerLabel?: string;
  /** The asking button's look: a warning (deleting, removing) or a quiet secondary button. */
  tone?: "warning" | "secondary";
  /** Small buttons for back-office lists; regular ones on a resident's page. */
  size?: "small" | "regular";
  /** The button that gives up (default: "Cancel"). */
  cancel?: ReactNode;
  /** The question, naming what happens. */
  question: ReactNode;
  /** More about what happens, read with the question (the dialog's description). */
  detail?: ReactNode;
  /** The button that does it. */
  yes: ReactNode;
  /** Does it; a thrown error's message is shown in the question. */
  onConfirm: () => Promise<void>;
  describe: (error: unknown) => string;
}

/**
 * A button whose action asks first: the question takes focus, Escape or "Cancel" gives it
 * back to the button; a refusal is shown in the question.
 */
export function Confirm({
  label,
  openerLabel,
  tone = "warning",
  size = "small",
  question,
  detail,
  yes,
  cancel: cancelLabel,
  onConfirm,
  describe,
}: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const titleId = useId();
  const detailId = useId();
  const small = size === "small" ? " button--small" : "";

  useEffect(() => {
    if (open) cancel.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!open) {
    return (
      <button
        ref={opener}
        type="button"
        className={`button${small} button--${tone}`}
        aria-label={openerLabel}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={detail ? detailId : undefined}
      onKeyDown={(event) => {
        if (event.key === "Escape") setOpen(false);
      }}
    >
      <p id={titleId} className="confirm__title">
        {question}
      </p>
      {detail ? <p id={detailId}>{detail}</p> : null}
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      <div className="form__actions">
        <button
          type="button"
          className={`button${small} button--warning`}
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              await onConfirm();
              setOpen(false);
            } catch (caught) {
              setError(describe(caught));
            } finally {
              setBusy(false);
            }
          }}
        >
          {yes}
        </button>
        <button ref={cancel} type="button" className={`button${small} button--secondary`} onClick={() => setOpen(false)}>
          {cancelLabel ?? <FormattedMessage id="admin.action.cancel" />}
        </button>
      </div>
    </div>
  );
}
