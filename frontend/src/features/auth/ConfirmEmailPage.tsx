import { useQuery } from "@tanstack/react-query";
import { FormattedMessage } from "react-intl";
import { Link, useSearchParams } from "react-router";
import { Loading } from "@/components/Loading";
import { isApiProblem } from "@/lib/api/problem";
import { confirmEmail } from "./api";

/** The link in the confirmation email lands here: confirm, then the person is signed in. */
export function ConfirmEmailPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  // A query (not an effect) so the one-time token is sent once, even in StrictMode.
  const confirmation = useQuery({
    queryKey: ["confirm-email", token],
    queryFn: () => confirmEmail(token),
    enabled: token.length > 0,
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });

  return (
    <div className="narrow">
      <h1>
        <FormattedMessage id="confirm.title" />
      </h1>
      {!token ? (
        <p role="alert">
          <FormattedMessage id="confirm.missingToken" />
        </p>
      ) : confirmation.isPending ? (
        <Loading />
      ) : confirmation.isError ? (
        <div role="alert">
          <p>
            {isApiProblem(confirmation.error) && confirmation.error.detail ? (
              confirmation.error.detail
            ) : (
              <FormattedMessage id="confirm.failed" />
            )}
          </p>
          <p>
            <Link to="/sign-in">
              <FormattedMessage id="nav.signIn" />
            </Link>
          </p>
        </div>
      ) : (
        <div role="status">
          <p>
            <FormattedMessage
              id="confirm.done"
              values={{ name: confirmation.data.first_name }}
            />
          </p>
          <p>
            <Link to="/">
              <FormattedMessage id="confirm.continue" />
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
