import { useState, type FormEvent, type ReactNode } from "react";
import { FormattedDate, FormattedMessage, useIntl } from "react-intl";
import { ListStatus } from "@/features/admin/ListStatus";
import { personName } from "@/features/people";
import { useAudit } from "./api";
import { messageOr } from "./problems";
import type { AuditEntry, AuditFilters } from "./types";
import "./moderation.css";

const EMPTY: AuditFilters = { target_kind: "", target_id: "", actor: "" };

/** The words a screen reader needs after a short visible label ("Only" + "what Mo did"). */
const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

function Target({ entry }: { entry: AuditEntry }) {
  const intl = useIntl();
  if (entry.target_kind && entry.target_id) {
    return (
      <>
        {messageOr(intl, `moderation.kind.${entry.target_kind}`, entry.target_kind)}{" "}
        <code>{entry.target_id}</code>
      </>
    );
  }
  if (entry.subject_user_id) {
    return (
      <FormattedMessage
        id="moderation.audit.subject"
        values={{ id: <code>{entry.subject_user_id}</code> }}
      />
    );
  }
  return <>—</>;
}

/**
 * Who did what, when and why: every moderation action, block and filter
 * change, newest first, filtered by target or by the person who acted.
 */
export function AuditPage() {
  const intl = useIntl();
  const [draft, setDraft] = useState<AuditFilters>(EMPTY);
  const [filters, setFilters] = useState<AuditFilters>(EMPTY);
  const audit = useAudit(filters);
  const items = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const show = (next: AuditFilters) => {
    setDraft(next);
    setFilters({ target_kind: next.target_kind, target_id: next.target_id.trim(), actor: next.actor.trim() });
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    show(draft);
  };

  return (
    <section className="moderation">
      <h1>
        <FormattedMessage id="moderation.audit.title" />
      </h1>
      <form className="form moderation-filters" onSubmit={apply} aria-label={intl.formatMessage({ id: "moderation.audit.filters" })}>
        <div className="field">
          <label className="field__label" htmlFor="audit-target-kind">
            <FormattedMessage id="moderation.audit.targetKind" />
          </label>
          <select
            id="audit-target-kind"
            name="target_kind"
            className="field__input"
            value={draft.target_kind}
            onChange={(event) => setDraft({ ...draft, target_kind: event.target.value as AuditFilters["target_kind"] })}
          >
            <option value="">{intl.formatMessage({ id: "moderation.filter.any" })}</option>
            <option value="idea">{intl.formatMessage({ id: "moderation.kind.idea" })}</option>
            <option value="comment">{intl.formatMessage({ id: "moderation.kind.comment" })}</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="audit-target-id">
            <FormattedMessage id="moderation.audit.targetId" />
          </label>
          <input
            id="audit-target-id"
            name="target_id"
            className="field__input"
            value={draft.target_id}
            onChange={(event) => setDraft({ ...draft, target_id: event.target.value })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="audit-actor">
            <FormattedMessage id="moderation.audit.actor" />
          </label>
          <input
            id="audit-actor"
            name="actor"
            className="field__input"
            value={draft.actor}
            onChange={(event) => setDraft({ ...draft, actor: event.target.value })}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button">
            <FormattedMessage id="moderation.audit.apply" />
          </button>
          {filters.target_kind || filters.target_id || filters.actor ? (
            <button type="button" className="button button--secondary" onClick={() => show(EMPTY)}>
              <FormattedMessage id="moderation.audit.clear" />
            </button>
          ) : null}
        </div>
      </form>
      <ListStatus query={audit} count={items.length} empty={<FormattedMessage id="moderation.audit.empty" />} />
      {items.length > 0 ? (
        <table className="moderation-table">
          <caption className="visually-hidden">
            <FormattedMessage id="moderation.audit.caption" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="moderation.audit.when" />
              </th>
              <th scope="col">
                <FormattedMessage id="moderation.audit.who" />
              </th>
              <th scope="col">
                <FormattedMessage id="moderation.audit.action" />
              </th>
              <th scope="col">
                <FormattedMessage id="moderation.audit.target" />
              </th>
              <th scope="col">
                <FormattedMessage id="moderation.audit.why" />
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <FormattedDate value={entry.at} dateStyle="medium" timeStyle="short" />
                </td>
                <td>
                  {personName(entry.actor, intl)}{" "}
                  {filters.actor !== entry.actor.id ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => show({ ...filters, actor: entry.actor.id })}
                    >
                      <FormattedMessage id="moderation.audit.onlyActor" values={{ name: personName(entry.actor, intl), hidden }} />
                    </button>
                  ) : null}
                </td>
                <td>
                  {messageOr(intl, `moderation.audit.action.${entry.action}`, entry.action)}
                </td>
                <td>
                  <Target entry={entry} />
                  {entry.target_kind && entry.target_id && filters.target_id !== entry.target_id ? (
                    <>
                      {" "}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          show({
                            ...filters,
                            target_kind: entry.target_kind as AuditFilters["target_kind"],
                            target_id: entry.target_id ?? "",
                          })
                        }
                      >
                        <FormattedMessage id="moderation.audit.onlyTarget" values={{ id: entry.target_id, hidden }} />
                      </button>
                    </>
                  ) : null}
                </td>
                <td>{entry.reason ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {audit.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={audit.isFetchingNextPage}
          onClick={() => void audit.fetchNextPage()}
        >
          <FormattedMessage id="moderation.loadMore" />
        </button>
      ) : null}
    </section>
  );
}
