import { FormattedMessage } from "react-intl";
import { Link, useSearchParams } from "react-router";
import { isApiProblem } from "@/lib/api/problem";
import { useUnsubscribe } from "./api";
import { EMAIL_KINDS, SECTION_ID, emailKindLabel } from "./NotificationPreferences";

const PREFERENCES_PATH = `/profile#${SECTION_ID}`;

function PreferencesLink() {
  return (
    <p>
      <Link to={PREFERENCES_PATH}>
        <FormattedMessage id="unsubscribe.preferencesLink" />
      </Link>
    </p>
  );
}

/** /unsubscribe?token=…: the page an email's "unsubscribe" link opens; nothing changes until confirmed. */
export function UnsubscribePage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const unsubscribe = useUnsubscribe();

  return (
    <div className="narrow">
      <h1>
        <FormattedMessage id="unsubscribe.title" />
      </h1>
      {!token ? (
        <div className="notice notice--error" role="alert">
          <p>
            <FormattedMessage id="unsubscribe.missingToken" />
          </p>
        </div>
      ) : unsubscribe.isSuccess ? (
        <div className="notice notice--success" role="status">
          <p>
            {EMAIL_KINDS.find((kind) => kind === unsubscribe.data.type) ? (
              <FormattedMessage
                id="unsubscribe.doneKind"
                values={{ kind: emailKindLabel(unsubscribe.data.type as (typeof EMAIL_KINDS)[number]) }}
              />
            ) : (
              <FormattedMessage id="unsubscribe.done" />
            )}
          </p>
        </div>
      ) : (
        <>
          <p>
            <FormattedMessage id="unsubscribe.explain" />
          </p>
          <p>
            <FormattedMessage id="unsubscribe.stillOnSite" />
          </p>
          {unsubscribe.isError ? (
            <div className="notice notice--error" role="alert">
              <p>
                {isApiProblem(unsubscribe.error) && unsubscribe.error.status < 500 ? (
                  <FormattedMessage id="unsubscribe.invalid" />
                ) : (
                  <FormattedMessage id="unsubscribe.failed" />
                )}
              </p>
            </div>
          ) : null}
          <button
            type="button"
            className="button"
            disabled={unsubscribe.isPending}
            onClick={() => unsubscribe.mutate(token)}
          >
            <FormattedMessage id="unsubscribe.confirm" />
          </button>
        </>
      )}
      <PreferencesLink />
    </div>
  );
}
