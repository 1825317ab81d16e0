import { lazy, Suspense, useState } from "react";
import { FormattedDate, FormattedMessage, useIntl } from "react-intl";
import { Loading } from "@/components/Loading";
import { usePlatform } from "@/features/platform";
import { isApiProblem } from "@/lib/api/problem";
import { useLocalized } from "@/lib/i18n";
import { useDeleteUpdate, useOfficialUpdates } from "./api";
import type { OfficialUpdate } from "./types";

const OfficialUpdateEditor = lazy(() => import("./OfficialUpdateEditor"));

function UpdateItem({ ideaId, update }: { ideaId: string; update: OfficialUpdate }) {
  const intl = useIntl();
  const localize = useLocalized();
  const platform = usePlatform().data;
  const remove = useDeleteUpdate(ideaId);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const signature = update.author_name ? localize(update.author_name) : localize(platform?.name);
  const date = intl.formatDate(update.created_at, { dateStyle: "long" });
  const html = localize(update.body);
  const edited = update.updated_at !== update.created_at;
  const error = remove.error
    ? isApiProblem(remove.error) && remove.error.detail
      ? remove.error.detail
      : intl.formatMessage({ id: "error.action" })
    : null;

  if (editing) {
    return (
      <li className="official-update">
        <Suspense fallback={<Loading />}>
          <OfficialUpdateEditor ideaId={ideaId} update={update} onDone={() => setEditing(false)} />
        </Suspense>
      </li>
    );
  }
  return (
    <li className="official-update">
      <article aria-label={intl.formatMessage({ id: "feedback.updates.item" }, { author: signature, date })}>
        <header className="official-update__header">
          <span className="official-update__badge">
            <FormattedMessage id="feedback.updates.badge" />
          </span>{" "}
          <strong className="official-update__author">{signature}</strong>{" "}
          <time dateTime={update.created_at} className="muted">
            <FormattedDate value={update.created_at} dateStyle="long" />
          </time>
          {edited ? (
            <span className="muted">
              {" "}
              <FormattedMessage id="feedback.updates.edited" />
            </span>
          ) : null}
        </header>
        {/* The server sanitised this HTML (nh3); it is shown as the city wrote it. */}
        <div className="rich-text" dangerouslySetInnerHTML={{ __html: html }} />
        {update.permissions.edit.allowed || update.permissions.delete.allowed ? (
          <div className="status-actions">
            {update.permissions.edit.allowed ? (
              <button type="button" className="button button--small" onClick={() => setEditing(true)}>
                <FormattedMessage id="feedback.updates.edit" values={{ date }} />
              </button>
            ) : null}
            {update.permissions.delete.allowed ? (
              confirming ? (
                <span role="group" aria-label={intl.formatMessage({ id: "feedback.updates.confirmLabel" }, { date })}>
                  <FormattedMessage id="feedback.updates.confirmDelete" />{" "}
                  <button
                    type="button"
                    className="button button--small button--warning"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(update.id)}
                  >
                    <FormattedMessage id="feedback.updates.confirmYes" />
                  </button>{" "}
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => setConfirming(false)}
                  >
                    <FormattedMessage id="feedback.cancel" />
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="button button--small button--warning"
                  onClick={() => setConfirming(true)}
                >
                  <FormattedMessage id="feedback.updates.delete" values={{ date }} />
                </button>
              )
            ) : null}
          </div>
        ) : null}
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
      </article>
    </li>
  );
}

/**
 * The city's official updates on an idea, newest first, set apart from
 * residents' comments; those allowed can edit or delete them. Renders
 * nothing while there are none.
 */
export function OfficialUpdates({ ideaId }: { ideaId: string }) {
  const updates = useOfficialUpdates(ideaId);
  const items = updates.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="official-updates" aria-labelledby="official-updates-title">
      <h2 id="official-updates-title">
        <FormattedMessage id="feedback.updates.title" values={{ count: items.length }} />
      </h2>
      <ol className="official-updates__list">
        {items.map((update) => (
          <UpdateItem key={update.id} ideaId={ideaId} update={update} />
        ))}
      </ol>
    </section>
  );
}
