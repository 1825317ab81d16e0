import { useState } from "react";
import { FormattedMessage } from "react-intl";
import { isApiProblem } from "@/lib/api/problem";
import type { ProjectStatus } from "@/lib/api/types";

export type StatusAction = "publish" | "unpublish" | "archive" | "delete";

interface Props {
  name: string;
  status: ProjectStatus;
  onAction: (action: StatusAction) => Promise<void>;
}

/** The actions an item's status allows; deleting (drafts only) asks to confirm first. */
export function StatusActions({ name, status, onAction }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const actions: StatusAction[] =
    status === "draft" ? ["publish", "archive"] : status === "published" ? ["unpublish", "archive"] : [];

  const run = async (action: StatusAction) => {
    setBusy(true);
    setError(null);
    try {
      await onAction(action);
      setConfirming(false);
    } catch (caught) {
      setError(isApiProblem(caught) && caught.detail ? caught.detail : "error");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="status-actions">
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={() => void run(action)}
        >
          <FormattedMessage id={`admin.action.${action}`} values={{ name }} />
        </button>
      ))}
      {status === "draft" && !confirming ? (
        <button
          type="button"
          className="button button--small button--warning"
          onClick={() => setConfirming(true)}
        >
          <FormattedMessage id="admin.action.delete" values={{ name }} />
        </button>
      ) : null}
      {confirming ? (
        <span role="group" aria-label={name}>
          <FormattedMessage id="admin.action.confirmDelete" values={{ name }} />{" "}
          <button
            type="button"
            className="button button--small button--warning"
            disabled={busy}
            onClick={() => void run("delete")}
          >
            <FormattedMessage id="admin.action.confirmDeleteYes" />
          </button>{" "}
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => setConfirming(false)}
          >
            <FormattedMessage id="admin.action.cancel" />
          </button>
        </span>
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {error === "error" ? <FormattedMessage id="error.action" /> : error}
        </p>
      ) : null}
    </div>
  );
}
