import { useEffect, useRef } from "react";
import { FormattedDate, FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { personName } from "@/features/people";
import { isHexColor, readableTextOn } from "@/lib/color";
import { useLocalized } from "@/lib/i18n";
import type { InputRow } from "./types";

interface Props {
  rows: InputRow[];
  selected: Set<string>;
  onSelect: (ids: string[], selected: boolean) => void;
  openId: string | null;
  onOpen: (row: InputRow) => void;
}

function StatusChip({ status }: { status: NonNullable<InputRow["status"]> }) {
  const localize = useLocalized();
  const background = isHexColor(status.color) ? status.color : "#505a5f";
  return (
    <span className="idea-status" style={{ background, color: readableTextOn(background), borderColor: background }}>
      {localize(status.name)}
    </span>
  );
}

function SelectAll({ rows, selected, onSelect }: Pick<Props, "rows" | "selected" | "onSelect">) {
  const intl = useIntl();
  const box = useRef<HTMLInputElement>(null);
  const chosen = rows.filter((row) => selected.has(row.id)).length;
  const all = rows.length > 0 && chosen === rows.length;
  useEffect(() => {
    if (box.current) box.current.indeterminate = chosen > 0 && !all;
  }, [chosen, all]);
  return (
    <input
      ref={box}
      type="checkbox"
      checked={all}
      disabled={rows.length === 0}
      aria-label={intl.formatMessage({ id: "inputs.table.selectAll" }, { count: rows.length })}
      onChange={(event) => onSelect(rows.map((row) => row.id), event.target.checked)}
    />
  );
}

/**
 * The inputs as a table: one row per input with a selection checkbox, its
 * title linking to the residents' page and a button opening its panel.
 */
export function InputTable({ rows, selected, onSelect, openId, onOpen }: Props) {
  const intl = useIntl();
  const localize = useLocalized();
  return (
    <div className="input-table" role="region" aria-labelledby="inputs-caption" tabIndex={0}>
      <table>
        <caption id="inputs-caption" className="visually-hidden">
          <FormattedMessage id="inputs.table.caption" values={{ count: rows.length }} />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <SelectAll rows={rows} selected={selected} onSelect={onSelect} />
            </th>
            <th scope="col">
              <FormattedMessage id="inputs.column.title" />
            </th>
            <th scope="col">
              <FormattedMessage id="inputs.column.project" />
            </th>
            <th scope="col">
              <FormattedMessage id="inputs.column.phase" />
            </th>
            <th scope="col">
              <FormattedMessage id="inputs.column.author" />
            </th>
            <th scope="col">
              <FormattedMessage id="inputs.column.status" />
            </th>
            <th scope="col">
              <FormattedMessage id="inputs.column.assignee" />
            </th>
            <th scope="col" className="input-table__number">
              <FormattedMessage id="inputs.column.likes" />
            </th>
            <th scope="col" className="input-table__number">
              <FormattedMessage id="inputs.column.comments" />
            </th>
            <th scope="col" className="input-table__number">
              <FormattedMessage id="inputs.column.reports" />
            </th>
            <th scope="col">
              <FormattedMessage id="inputs.column.date" />
            </th>
            <th scope="col">
              <span className="visually-hidden">
                <FormattedMessage id="inputs.column.details" />
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const title = localize(row.title);
            return (
              <tr key={row.id} className={openId === row.id ? "is-open" : undefined}>
                <td>
                  <input
                    type="checkbox"
                    checked={selected.has(row.id)}
                    aria-label={intl.formatMessage({ id: "inputs.table.select" }, { title })}
                    onChange={(event) => onSelect([row.id], event.target.checked)}
                  />
                </td>
                <th scope="row">
                  <Link to={row.path}>{title}</Link>
                  {row.hidden ? (
                    <>
                      {" "}
                      <span className="badge">
                        <FormattedMessage id="inputs.table.hidden" />
                      </span>
                    </>
                  ) : null}
                  {row.reached ? (
                    <>
                      {" "}
                      <span className="badge">
                        <FormattedMessage id="inputs.table.reached" />
                      </span>
                    </>
                  ) : null}
                </th>
                <td>{localize(row.project.title)}</td>
                <td>{localize(row.phase.title)}</td>
                <td>{personName(row.author, intl)}</td>
                <td>{row.status ? <StatusChip status={row.status} /> : <FormattedMessage id="inputs.table.noStatus" />}</td>
                <td>{row.assignee ? personName(row.assignee, intl) : <FormattedMessage id="inputs.unassigned" />}</td>
                <td className="input-table__number">{row.likes}</td>
                <td className="input-table__number">{row.comments}</td>
                <td className="input-table__number">{row.reports}</td>
                <td>
                  <FormattedDate value={row.created_at} dateStyle="medium" />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    data-open-input={row.id}
                    aria-expanded={openId === row.id}
                    onClick={() => onOpen(row)}
                  >
                    <FormattedMessage id="inputs.table.open" />
                    <span className="visually-hidden">: {title}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
