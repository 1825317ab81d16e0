import { FormattedMessage } from "react-intl";
import { isApiProblem } from "@/lib/api/problem";

/** A polite status while data loads. */
export function Loading() {
  return (
    <p role="status" className="status">
      <FormattedMessage id="status.loading" />
    </p>
  );
}

/** What to show when a page's data could not be loaded. */
export function LoadError({ error }: { error: unknown }) {
  if (isApiProblem(error) && error.status === 404) {
    return (
      <div className="notice">
        <h1>
          <FormattedMessage id="error.notFound.title" />
        </h1>
        <p>
          <FormattedMessage id="error.notFound.body" />
        </p>
      </div>
    );
  }
  return (
    <div className="notice" role="alert">
      <p>
        <FormattedMessage id="error.load" />
      </p>
    </div>
  );
}
