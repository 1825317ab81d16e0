import { FormattedDate, FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { useSession } from "@/features/auth/useSession";
import { useMyVerification } from "./api";

/** Whether the signed-in person is verified, since when and how (the profile shows it). */
export function VerificationStatus() {
  const intl = useIntl();
  const { user } = useSession();
  const status = useMyVerification(user?.id ?? "");
  if (!status.data) return null;
  const { verified_at: verifiedAt, method } = status.data;
  return (
    <section className="card" aria-labelledby="verification-status-title">
      <h2 id="verification-status-title">
        <FormattedMessage id="verification.status.title" />
      </h2>
      {verifiedAt ? (
        <p>
          <FormattedMessage
            id="verification.status.verified"
            values={{
              date: <FormattedDate value={verifiedAt} dateStyle="long" />,
              method: intl.formatMessage({ id: method === "oidc" ? "verification.method.oidc" : "verification.method.code" }),
            }}
          />
        </p>
      ) : (
        <p>
          <FormattedMessage id="verification.status.notVerified" />{" "}
          <Link to="/verify">
            <FormattedMessage id="verification.status.verifyLink" />
          </Link>
        </p>
      )}
    </section>
  );
}
