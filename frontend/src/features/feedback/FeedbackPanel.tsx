import { lazy, Suspense, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Loading } from "@/components/Loading";
import { isApiProblem } from "@/lib/api/problem";
import { isHexColor, readableTextOn } from "@/lib/color";
import { useLocalized } from "@/lib/i18n";
import { useSetStatus, useStatuses } from "./api";
import type { FeedbackIdea } from "./types";

// The editor (TipTap) is its own chunk: residents who cannot give feedback never load it.
const OfficialUpdateEditor = lazy(() => import("./OfficialUpdateEditor"));

function problemText(error: unknown): string | null {
  return isApiProblem(error) && error.detail ? error.detail : null;
}

function StatusChanger({ idea }: { idea: FeedbackIdea }) {
  const intl = useIntl();
  const localize = useLocalized();
  const statuses = useStatuses();
  const setStatus = useSetStatus(idea.id);
  const [chosen, setChosen] = useState(idea.status?.id ?? "");
  const [saved, setSaved] = useState(false);
  const items = [...(statuses.data?.items ?? [])].sort((a, b) => a.position - b.position);
  const selected = items.find((status) => status.id === chosen);
  const color = selected && isHexColor(selected.color) ? selected.color : null;
  const error = setStatus.error ? (problemText(setStatus.error) ?? intl.formatMessage({ id: "error.action" })) : null;

  return (
    <form
      className="feedback-status"
      aria-label={intl.formatMessage({ id: "feedback.status.form" })}
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen) return;
        setSaved(false);
        setStatus.mutate(chosen, { onSuccess: () => setSaved(true) });
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor="feedback-status">
          <FormattedMessage id="feedback.status.label" />
        </label>
        {error ? (
          <p className="field__error" id="feedback-status-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="feedback-status__row">
          <select
            id="feedback-status"
            name="status_id"
            className="field__input"
            value={chosen}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "feedback-status-error" : undefined}
            disabled={!statuses.data}
            onChange={(event) => {
              setChosen(event.target.value);
              setSaved(false);
            }}
          >
            <option value="" disabled>
              {intl.formatMessage({ id: "feedback.status.choose" })}
            </option>
            {items.map((status) => (
              <option key={status.id} value={status.id}>
                {localize(status.title)}
              </option>
            ))}
          </select>
          {selected && color ? (
            <span className="status-swatch" style={{ background: color, color: readableTextOn(color) }} aria-hidden="true">
              {localize(selected.title)}
            </span>
          ) : null}
        </div>
        {selected?.description ? <p className="field__hint">{localize(selected.description)}</p> : null}
      </div>
      <button
        type="submit"
        className="button"
        disabled={!chosen || chosen === idea.status?.id || setStatus.isPending}
      >
        <FormattedMessage id="feedback.status.save" />
      </button>
      <p role="status" className="feedback-status__saved">
        {saved ? <FormattedMessage id="feedback.status.saved" /> : null}
      </p>
    </form>
  );
}

/**
 * Feedback on an idea for its moderators and managers: give it a status and
 * publish official updates in the city's name. Renders nothing for anyone
 * the policy does not allow (`idea.permissions.feedback`).
 */
export function FeedbackPanel({ idea }: { idea: FeedbackIdea }) {
  if (!idea.permissions.feedback.allowed) return null;
  return (
    <section className="panel feedback-panel" aria-labelledby="feedback-title">
      <h2 id="feedback-title">
        <FormattedMessage id="feedback.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="feedback.intro" />
      </p>
      <StatusChanger idea={idea} />
      <Suspense fallback={<Loading />}>
        <OfficialUpdateEditor ideaId={idea.id} />
      </Suspense>
    </section>
  );
}
