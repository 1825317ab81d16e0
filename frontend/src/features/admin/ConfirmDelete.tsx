import { useState } from "react";
import { FormattedMessage } from "react-intl";
import { isApiProblem } from "@/lib/api/problem";

interface Props {
  /** The item's name, in the buttons' accessible names ("Delete topic Parks"). */
  name: string;
  /** The message id of the first button, with a `{name}` argument. */
  labelId: string;
  onDelete: () => Promise<void>;
}

/**
 * A delete button that asks to confirm first. When the server refuses (for
 * example a status ideas still use), its message is shown as it is, since it
 * tells the admin what to do.
 */
export function ConfirmDelete({ name, labelId, onDelete }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await onDelete();
      setConfirming(false);
    } catch (caught) {
      setError(isApiProblem(caught) && caught.detail ? caught.detail : "failed");
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {confirming ? (
        <span role="group" aria-label={name}>
          <FormattedMessage id="admin.action.confirmDelete" values={{ name }} />{" "}
          <button
            type="button"
            className="button button--small button--warning"
            disabled={busy}
            onClick={() => void run()}
          >
            <FormattedMessage id="admin.action.confirmDeleteYes" />
          </button>{" "}
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => {
              setConfirming(false);
              setError(null);
            }}
          >
            <FormattedMessage id="admin.action.cancel" />
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="button button--small button--warning"
          onClick={() => setConfirming(true)}
        >
          <FormattedMessage id={labelId} values={{ name }} />
        </button>
      )}
      {error ? (
        <p className="field__error" role="alert">
          {error === "failed" ? <FormattedMessage id="error.action" /> : error}
        </p>
      ) : null}
    </>
  );
}
