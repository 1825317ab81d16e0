import { FormattedMessage } from "react-intl";
import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <div className="notice">
      <h1>
        <FormattedMessage id="error.notFound.title" />
      </h1>
      <p>
        <FormattedMessage id="error.notFound.body" />
      </p>
      <p>
        <Link to="/">
          <FormattedMessage id="error.notFound.home" />
        </Link>
      </p>
    </div>
  );
}
