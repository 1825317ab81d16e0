import { FormattedDate, FormattedMessage } from "react-intl";
import { ApiProblem } from "@/lib/api/problem";
import { useDataExports, useRequestDataExport, type DataExport } from "./api";

function Archive({ item }: { item: DataExport }) {
  if (item.status === "failed") {
    return (
      <p className="notice notice--error">
        <FormattedMessage id="privacy.export.failed" /> {item.error}
      </p>
    );
  }
  if (item.status === "done" && item.download_url) {
    return (
      <p className="notice notice--success">
        <a href={item.download_url} download>
          <FormattedMessage
            id="privacy.export.download"
            values={{ date: <FormattedDate value={item.created_at} dateStyle="medium" /> }}
          />
        </a>{" "}
        {item.expires_at ? (
          <span className="muted">
            <FormattedMessage
              id="privacy.export.expires"
              values={{ date: <FormattedDate value={item.expires_at} dateStyle="medium" /> }}
            />
          </span>
        ) : null}
      </p>
    );
  }
  return (
    <p className="status">
      <FormattedMessage id="privacy.export.preparing" />
    </p>
  );
}

/**
 * "Download my data": asks for an archive of everything the platform keeps
 * about the resident, says it is being prepared (they are emailed too), then
 * offers the link (each link lasts 15 minutes: the list asks for fresh ones).
 */
export function MyDataSection() {
  const exports = useDataExports();
  const request = useRequestDataExport();
  const latest = exports.data?.items[0];
  const busy = latest?.status === "queued" || latest?.status === "running";
  return (
    <section aria-labelledby="my-data" className="panel">
      <h2 id="my-data">
        <FormattedMessage id="privacy.export.title" />
      </h2>
      <p>
        <FormattedMessage id="privacy.export.intro" />
      </p>
      <button type="button" className="button" disabled={busy || request.isPending} onClick={() => request.mutate()}>
        <FormattedMessage id="privacy.export.start" />
      </button>
      <div role="status" aria-live="polite">
        {latest ? <Archive item={latest} /> : null}
      </div>
      {request.error ? (
        <p className="field__error" role="alert">
          {request.error instanceof ApiProblem && request.error.code === "export_in_progress" ? (
            <FormattedMessage id="privacy.export.busy" />
          ) : (
            <FormattedMessage id="privacy.export.failed" />
          )}
        </p>
      ) : null}
    </section>
  );
}
