import { useState } from "react";
import { FormattedDate, FormattedMessage, useIntl } from "react-intl";
import { useExportJob, useStartExport } from "./api";
import { apiQuery, type InputFilters } from "./filters";
import { useFailureMessage } from "./problems";
import type { ExportFormat, ExportJob } from "./types";

function Progress({ job }: { job: ExportJob }) {
  if (job.status === "failed") {
    return (
      <div className="notice notice--error">
        <p>
          <FormattedMessage id="inputs.export.failed" />
        </p>
        {job.error ? <p>{job.error}</p> : null}
      </div>
    );
  }
  if (job.status === "done" && job.download_url) {
    return (
      <div className="notice notice--success">
        <p>
          <a href={job.download_url} download>
            <FormattedMessage
              id="inputs.export.download"
              values={{ format: job.format.toUpperCase(), rows: job.rows_written }}
            />
          </a>
        </p>
        {job.expires_at ? (
          <p className="muted">
            <FormattedMessage
              id="inputs.export.expires"
              values={{ time: <FormattedDate value={job.expires_at} hour="2-digit" minute="2-digit" /> }}
            />
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <p className="status">
      <FormattedMessage
        id={job.status === "queued" ? "inputs.export.queued" : "inputs.export.running"}
        values={{ rows: job.rows_written }}
      />
    </p>
  );
}

/**
 * Export the list as it is filtered now, to xlsx or csv. The file is made in
 * the background; the panel asks for its progress (rows written) until the
 * download link is there, or says why it failed.
 */
export function ExportPanel({ filters }: { filters: InputFilters }) {
  const intl = useIntl();
  const failure = useFailureMessage();
  const [format, setFormat] = useState<ExportFormat>("xlsx");
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartExport();
  const job = useExportJob(jobId);
  const running = job.data?.status === "queued" || job.data?.status === "running";

  return (
    <section className="panel input-export" aria-labelledby="export-title">
      <h2 id="export-title">
        <FormattedMessage id="inputs.export.title" />
      </h2>
      <form
        className="input-export__form"
        aria-label={intl.formatMessage({ id: "inputs.export.title" })}
        onSubmit={(event) => {
          event.preventDefault();
          start.mutate({ format, query: apiQuery(filters) }, { onSuccess: (created) => setJobId(created.id) });
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor="export-format">
            <FormattedMessage id="inputs.export.format" />
          </label>
          <select
            id="export-format"
            name="format"
            className="field__input"
            value={format}
            onChange={(event) => setFormat(event.target.value as ExportFormat)}
          >
            <option value="xlsx">{intl.formatMessage({ id: "inputs.export.xlsx" })}</option>
            <option value="csv">{intl.formatMessage({ id: "inputs.export.csv" })}</option>
          </select>
        </div>
        <button type="submit" className="button" disabled={start.isPending || running}>
          <FormattedMessage id="inputs.export.start" />
        </button>
      </form>
      <div role="status" aria-live="polite">
        {job.data ? <Progress job={job.data} /> : null}
        {job.isError ? <p className="field__error">{failure(job.error)}</p> : null}
      </div>
      {start.error ? (
        <p className="field__error" role="alert">
          {failure(start.error)}
        </p>
      ) : null}
    </section>
  );
}
