import "./inputs.css";
import { useCallback, useMemo, useState } from "react";
import { FormattedMessage } from "react-intl";
import { useSearchParams } from "react-router";
import { ListStatus } from "@/features/admin/ListStatus";
import { isApiProblem } from "@/lib/api/problem";
import { useInputs } from "./api";
import { BulkBar } from "./BulkBar";
import { ExportPanel } from "./ExportPanel";
import { apiQuery, filtersFromSearch, searchFromFilters, type InputFilters as Filters } from "./filters";
import { InputFilters } from "./InputFilters";
import { InputPanel } from "./InputPanel";
import { InputTable } from "./InputTable";
import { useFailureMessage } from "./problems";
import type { InputRow, Person } from "./types";

/**
 * The input manager: every input the viewer may answer, across projects, in
 * one table with filters (kept in the URL), bulk actions, an export and a
 * panel per input with its feedback and the team's internal notes.
 */
export function InputManagerPage() {
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const query = useMemo(() => apiQuery(filters), [filters]);
  const inputs = useInputs(query);
  const [selected, setSelected] = useState<Map<string, InputRow>>(new Map());
  const [open, setOpen] = useState<InputRow | null>(null);
  const rows = useMemo(() => inputs.data?.pages.flatMap((page) => page.items) ?? [], [inputs.data]);
  const people = useMemo(() => {
    const byId = new Map<string, Person>();
    for (const row of rows) if (row.assignee) byId.set(row.assignee.id, row.assignee);
    return [...byId.values()];
  }, [rows]);

  const change = useCallback(
    (next: Filters) => {
      setSearch(searchFromFilters(next), { replace: true });
      // A new view: what was selected may not be in it.
      setSelected(new Map());
    },
    [setSearch],
  );
  const select = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      for (const id of ids) {
        const row = rows.find((item) => item.id === id);
        if (on && row) next.set(id, row);
        else next.delete(id);
      }
      return next;
    });
  const close = () => {
    const id = open?.id;
    setOpen(null);
    if (id) document.querySelector<HTMLButtonElement>(`[data-open-input="${CSS.escape(id)}"]`)?.focus();
  };
  // The panel shows the row as the list has it now (status, assignee after a change).
  const openRow = open ? (rows.find((row) => row.id === open.id) ?? open) : null;
  const mine = filters.assignee === "me";
  const failure = useFailureMessage();
  // A view the server refuses as asked (a search too broad to list) says how to narrow it.
  const refused = inputs.isError && isApiProblem(inputs.error) && inputs.error.status === 422;

  return (
    <div className="input-manager">
      <h1>
        <FormattedMessage id="inputs.title" />
      </h1>
      <p className="muted">
        <FormattedMessage id="inputs.intro" />
      </p>
      <div className="form__actions input-manager__quick">
        <button
          type="button"
          className={mine ? "button button--small" : "button button--secondary button--small"}
          aria-pressed={mine}
          onClick={() => change({ ...filters, assignee: mine ? "" : "me" })}
        >
          <FormattedMessage id="inputs.quick.mine" />
        </button>
      </div>
      <InputFilters filters={filters} onChange={change} knownPeople={people} />
      <ExportPanel filters={filters} />
      <BulkBar rows={[...selected.values()]} onClear={() => setSelected(new Map())} />
      <div className={openRow ? "input-manager__body input-manager__body--open" : "input-manager__body"}>
        <div className="input-manager__list">
          {refused ? (
            <p className="notice notice--error" role="alert">
              {failure(inputs.error)}
            </p>
          ) : (
            <ListStatus query={inputs} count={rows.length} empty={<FormattedMessage id="inputs.empty" />} />
          )}
          {rows.length ? (
            <InputTable
              rows={rows}
              selected={new Set(selected.keys())}
              onSelect={select}
              openId={openRow?.id ?? null}
              onOpen={setOpen}
            />
          ) : null}
          {inputs.hasNextPage ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={inputs.isFetchingNextPage}
              onClick={() => void inputs.fetchNextPage()}
            >
              <FormattedMessage id="inputs.loadMore" />
            </button>
          ) : null}
          {inputs.isFetchNextPageError ? (
            <p className="field__error" role="alert">
              <FormattedMessage id="error.load" />
            </p>
          ) : null}
          <p role="status" className="visually-hidden">
            {inputs.isSuccess ? <FormattedMessage id="inputs.count" values={{ count: rows.length }} /> : null}
          </p>
        </div>
        {openRow ? <InputPanel row={openRow} onClose={close} /> : null}
      </div>
    </div>
  );
}
