import { useEffect, useRef } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { FeedbackPanel } from "@/features/feedback";
import { personName } from "@/features/people";
import { useLocalized } from "@/lib/i18n";
import { NotesPanel } from "./NotesPanel";
import type { InputRow } from "./types";

/**
 * One input beside the table: the team's internal notes, then its status
 * and official updates (the idea page's feedback panel: every row here is
 * one the viewer may give feedback on). Its heading takes focus when it opens;
 * closing gives focus back to the row's button.
 */
export function InputPanel({ row, onClose }: { row: InputRow; onClose: () => void }) {
  const intl = useIntl();
  const localize = useLocalized();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [row.id]);
  const idea = { id: row.id, status: row.status ? { id: row.status.id } : null, permissions: { feedback: { allowed: true } } };
  return (
    <aside className="input-panel" aria-labelledby="input-panel-title">
      <div className="input-panel__header">
        <h2 id="input-panel-title" tabIndex={-1} ref={heading}>
          {localize(row.title)}
        </h2>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={intl.formatMessage({ id: "inputs.panel.close" }, { title: localize(row.title) })}
          onClick={onClose}
        >
          <FormattedMessage id="inputs.panel.closeShort" />
        </button>
      </div>
      <p>
        <Link to={row.path}>
          <FormattedMessage id="inputs.panel.open" />
        </Link>
      </p>
      <dl className="input-panel__facts">
        <div>
          <dt>
            <FormattedMessage id="inputs.column.project" />
          </dt>
          <dd>{localize(row.project.title)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="inputs.column.phase" />
          </dt>
          <dd>{localize(row.phase.title)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="inputs.column.author" />
          </dt>
          <dd>{personName(row.author, intl)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="inputs.column.assignee" />
          </dt>
          <dd>{row.assignee ? personName(row.assignee, intl) : <FormattedMessage id="inputs.unassigned" />}</dd>
        </div>
      </dl>
      <NotesPanel key={row.id} ideaId={row.id} projectId={row.project.id} />
      <FeedbackPanel key={`feedback-${row.id}`} idea={idea} />
    </aside>
  );
}
