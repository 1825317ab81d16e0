import { useId, useState } from "react";
import { FormattedDate, FormattedMessage, useIntl } from "react-intl";
import { LoadError, Loading } from "@/components/Loading";
import { personName } from "@/features/people";
import { useTargetReports } from "./api";
import type { ActivityItem } from "./types";

/** "Reports (n)" on an activity row, opening the list of reasons, notes and reporters. */
export function ReportsDisclosure({ item, label }: { item: ActivityItem; label: string }) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  const panel = useId();
  const reports = useTargetReports(item.target_kind, item.target_id, open);
  if (item.reports === 0) {
    return (
      <span>
        <FormattedMessage id="moderation.reports.none" />
      </span>
    );
  }
  return (
    <div className="reports-disclosure">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={panel}
        aria-label={label}
        onClick={() => setOpen((value) => !value)}
      >
        <FormattedMessage id="moderation.reports.count" values={{ count: item.reports }} />
      </button>
      <div id={panel} hidden={!open}>
        {open && reports.isPending ? <Loading /> : null}
        {open && reports.isError ? <LoadError error={reports.error} /> : null}
        {reports.data ? (
          <ul className="reports-disclosure__list">
            {reports.data.map((report, index) => (
              <li key={`${report.created_at}-${index}`}>
                <strong>
                  <FormattedMessage id={`moderation.reason.${report.reason}`} />
                </strong>{" "}
                <FormattedMessage
                  id="moderation.reports.by"
                  values={{
                    name: personName(report.reporter, intl),
                    date: <FormattedDate value={report.created_at} dateStyle="medium" />,
                  }}
                />
                {report.note ? <p className="reports-disclosure__note">{report.note}</p> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
