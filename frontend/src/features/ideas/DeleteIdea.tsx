import { useEffect, useRef, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useNavigate } from "react-router";
import { isApiProblem } from "@/lib/api/problem";
import { useDeleteIdea } from "./api";
import type { InputWording } from "./wording";

/**
 * "Delete idea" (or proposal) with a confirmation step. The confirmation is an inline
 * alert dialog that takes focus; Escape or "Cancel" closes it and gives
 * focus back to the button that opened it.
 */
export function DeleteIdea({
  ideaId,
  projectId,
  words,
}: {
  ideaId: string;
  projectId: string;
  words: InputWording;
}) {
  const intl = useIntl();
  const navigate = useNavigate();
  const remove = useDeleteIdea();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (confirming) cancel.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = confirming;
  }, [confirming]);

  const confirm = () => {
    setError(null);
    remove.mutate(ideaId, {
      onSuccess: () => navigate(`/projects/${projectId}`, { state: { ideaDeleted: true } }),
      onError: (caught) =>
        setError(isApiProblem(caught) && caught.detail ? caught.detail : intl.formatMessage({ id: "error.action" })),
    });
  };

  if (!confirming) {
    return (
      <button ref={opener} type="button" className="button button--warning" onClick={() => setConfirming(true)}>
        <FormattedMessage id={words.deleteButton} />
      </button>
    );
  }
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-labelledby="delete-idea-title"
      aria-describedby="delete-idea-body"
      onKeyDown={(event) => {
        if (event.key === "Escape") setConfirming(false);
      }}
    >
      <h2 id="delete-idea-title" className="confirm__title">
        <FormattedMessage id={words.deleteTitle} />
      </h2>
      <p id="delete-idea-body">
        <FormattedMessage id={words.deleteBody} />
      </p>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="button" className="button button--warning" disabled={remove.isPending} onClick={confirm}>
          <FormattedMessage id={words.deleteConfirm} />
        </button>
        <button ref={cancel} type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
          <FormattedMessage id="ideas.delete.cancel" />
        </button>
      </div>
    </div>
  );
}
