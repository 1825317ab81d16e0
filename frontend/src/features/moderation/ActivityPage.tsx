import { useEffect, useRef, useState } from "react";
import { FormattedDate, FormattedMessage, useIntl } from "react-intl";
import { Link, useSearchParams } from "react-router";
import { ListStatus } from "@/features/admin/ListStatus";
import { personName } from "@/features/people";
import { useLocalized } from "@/lib/i18n";
import { useActivity, useModerationProjects } from "./api";
import { BulkActions, OutcomeSummary, type Outcome } from "./BulkActions";
import { ReportsDisclosure } from "./ReportsDisclosure";
import type { ActivityFilters, ActivityItem } from "./types";
import "./moderation.css";

const FILTERS: (keyof ActivityFilters)[] = ["project", "kind", "reported", "reviewed", "state"];
/** The queue opens on what still needs a look. */
const DEFAULTS: ActivityFilters = { project: "", kind: "", reported: "", reviewed: "false", state: "" };

const keyOf = (item: ActivityItem) => `${item.target_kind}:${item.target_id}`;

/** The filters live in the address, so a view can be shared and survives a reload. */
function useFilters(): [ActivityFilters, (name: keyof ActivityFilters, value: string) => void] {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(
    FILTERS.map((name) => [name, params.has(name) ? (params.get(name) ?? "") : DEFAULTS[name]]),
  ) as unknown as ActivityFilters;
  const set = (name: keyof ActivityFilters, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === DEFAULTS[name]) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  return [filters, set];
}

interface FiltersProps {
  filters: ActivityFilters;
  onChange: (name: keyof ActivityFilters, value: string) => void;
  /** Projects seen in the queue, for a moderator whose projects the admin list does not give. */
  seen: ActivityItem[];
}

function Filters({ filters, onChange, seen }: FiltersProps) {
  const intl = useIntl();
  const localize = useLocalized();
  const projects = useModerationProjects();
  const titles = new Map<string, string>();
  for (const project of projects.data ?? []) titles.set(project.id, localize(project.title));
  for (const item of seen) if (!titles.has(item.project_id)) titles.set(item.project_id, localize(item.project_title));
  const select = (name: keyof ActivityFilters, options: [string, string][]) => (
    <div className="field">
      <label className="field__label" htmlFor={`activity-filter-${name}`}>
        <FormattedMessage id={`moderation.filter.${name}`} />
      </label>
      <select
        id={`activity-filter-${name}`}
        name={name}
        className="field__input"
        value={filters[name]}
        onChange={(event) => onChange(name, event.target.value)}
      >
        {options.map(([value, id]) => (
          <option key={value} value={value}>
            {id.startsWith("moderation.") ? intl.formatMessage({ id }) : id}
          </option>
        ))}
      </select>
    </div>
  );
  const projectOptions: [string, string][] = [
    ["", "moderation.filter.anyProject"],
    ...[...titles.entries()],
  ];
  return (
    <div className="moderation-filters" role="group" aria-label={intl.formatMessage({ id: "moderation.filter.label" })}>
      {select("project", projectOptions)}
      {select("kind", [
        ["", "moderation.filter.any"],
        ["idea", "moderation.kind.idea"],
        ["comment", "moderation.kind.comment"],
      ])}
      {select("reported", [
        ["", "moderation.filter.any"],
        ["true", "moderation.filter.reported.true"],
        ["false", "moderation.filter.reported.false"],
      ])}
      {select("reviewed", [
        ["", "moderation.filter.any"],
        ["false", "moderation.filter.reviewed.false"],
        ["true", "moderation.filter.reviewed.true"],
      ])}
      {select("state", [
        ["", "moderation.filter.any"],
        ["visible", "moderation.state.visible"],
        ["hidden", "moderation.state.hidden"],
      ])}
    </div>
  );
}

/**
 * The moderation queue: new and reported ideas and comments of the
 * projects the viewer moderates, newest first, filtered and paged by
 * cursor; rows are selected for the bulk actions above the table.
 */
export function ActivityPage() {
  const intl = useIntl();
  const localize = useLocalized();
  const [filters, setFilter] = useFilters();
  const activity = useActivity(filters);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  const items = activity.data?.pages.flatMap((page) => page.items) ?? [];
  const chosen = items.filter((item) => selected.has(keyOf(item)));
  const allChosen = items.length > 0 && chosen.length === items.length;

  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = chosen.length > 0 && !allChosen;
  }, [chosen.length, allChosen]);

  /** Unique enough to tell rows apart by ear: a comment is named by its author and its first words. */
  const labelOf = (item: ActivityItem) => {
    const kind = intl.formatMessage({ id: `moderation.kind.${item.target_kind}` });
    const words = item.excerpt.length > 48 ? `${item.excerpt.slice(0, 47)}…` : item.excerpt;
    const text = item.target_kind === "idea" && item.title ? localize(item.title) : words;
    return intl.formatMessage(
      { id: "moderation.activity.rowLabel" },
      { kind, author: personName(item.author, intl), text },
    );
  };
  const toggle = (item: ActivityItem) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(keyOf(item))) next.delete(keyOf(item));
      else next.add(keyOf(item));
      return next;
    });
  const changeFilter = (name: keyof ActivityFilters, value: string) => {
    setSelected(new Set());
    setFilter(name, value);
  };

  return (
    <section className="moderation">
      <h1>
        <FormattedMessage id="moderation.activity.title" />
      </h1>
      <p>
        <FormattedMessage id="moderation.activity.intro" />
      </p>
      <Filters filters={filters} onChange={changeFilter} seen={items} />
      {outcomes ? <OutcomeSummary outcomes={outcomes} /> : null}
      {chosen.length > 0 ? (
        <BulkActions
          selected={chosen}
          labelOf={labelOf}
          onFinished={(next, clear) => {
            setOutcomes(next);
            if (clear) setSelected(new Set());
          }}
        />
      ) : null}
      <ListStatus query={activity} count={items.length} empty={<FormattedMessage id="moderation.activity.empty" />} />
      {items.length > 0 ? (
        <table className="moderation-table">
          <caption className="visually-hidden">
            <FormattedMessage id="moderation.activity.caption" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <input
                  ref={selectAll}
                  type="checkbox"
                  aria-label={intl.formatMessage({ id: "moderation.activity.selectAll" })}
                  checked={allChosen}
                  onChange={() => setSelected(allChosen ? new Set() : new Set(items.map(keyOf)))}
                />
              </th>
              <th scope="col">
                <FormattedMessage id="moderation.column.content" />
              </th>
              <th scope="col">
                <FormattedMessage id="moderation.column.project" />
              </th>
              <th scope="col">
                <FormattedMessage id="moderation.column.author" />
              </th>
              <th scope="col">
                <FormattedMessage id="moderation.column.date" />
              </th>
              <th scope="col">
                <FormattedMessage id="moderation.column.reports" />
              </th>
              <th scope="col">
                <FormattedMessage id="moderation.column.state" />
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const label = labelOf(item);
              return (
                <tr key={keyOf(item)} className={selected.has(keyOf(item)) ? "moderation-table__row--selected" : undefined}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={intl.formatMessage({ id: "moderation.activity.select" }, { label })}
                      checked={selected.has(keyOf(item))}
                      onChange={() => toggle(item)}
                    />
                  </td>
                  <td>
                    <span className="badge">
                      <FormattedMessage id={`moderation.kind.${item.target_kind}`} />
                    </span>{" "}
                    {item.state === "deleted" ? (
                      <span>{item.title ? localize(item.title) : null}</span>
                    ) : (
                      <Link to={item.path}>{item.title ? localize(item.title) : intl.formatMessage({ id: "moderation.activity.open" })}</Link>
                    )}
                    <p className="moderation-table__excerpt">{item.excerpt}</p>
                  </td>
                  <td>{localize(item.project_title)}</td>
                  <td>{personName(item.author, intl)}</td>
                  <td>
                    <FormattedDate value={item.created_at} dateStyle="medium" timeStyle="short" />
                  </td>
                  <td>
                    <ReportsDisclosure
                      item={item}
                      label={intl.formatMessage({ id: "moderation.reports.toggle" }, { count: item.reports, label })}
                    />
                  </td>
                  <td>
                    <FormattedMessage id={`moderation.state.${item.state}`} />
                    {item.reviewed ? (
                      <>
                        {" · "}
                        <FormattedMessage id="moderation.reviewed" />
                      </>
                    ) : null}
                    {item.hidden_reason ? (
                      <p className="moderation-table__reason">
                        <FormattedMessage id="moderation.hiddenReason" values={{ reason: item.hidden_reason }} />
                      </p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {activity.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={activity.isFetchingNextPage}
          onClick={() => void activity.fetchNextPage()}
        >
          <FormattedMessage id="moderation.loadMore" />
        </button>
      ) : null}
    </section>
  );
}
