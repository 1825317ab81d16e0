import { FormattedMessage } from "react-intl";
import { Link } from "react-router";
import { useSession } from "@/features/auth/useSession";
import { currentVersions, useAcceptPolicies, useLegalPages } from "./api";

/**
 * A non-blocking notice for signed-in residents when a newer privacy policy or
 * terms were published than the versions they accepted: links to read them,
 * and one button to accept.
 */
export function PolicyNotice() {
  const sessionState = useSession();
  const pages = useLegalPages();
  const accept = useAcceptPolicies();
  if (sessionState.status !== "authenticated" || !sessionState.user || !pages.data) return null;
  const current = currentVersions(pages.data);
  const accepted = sessionState.user.accepted_policies ?? {};
  const stale = Object.keys(current).filter((document) => accepted[document] !== current[document]);
  if (stale.length === 0) return null;
  return (
    <div className="notice" role="region" aria-labelledby="policy-notice-title">
      <p id="policy-notice-title">
        <FormattedMessage id="legal.notice" />
      </p>
      <ul>
        {stale.map((document) => (
          <li key={document}>
            <Link to={`/${document}`}>
              <FormattedMessage id={document === "privacy" ? "legal.privacy" : "legal.terms"} />
            </Link>
          </li>
        ))}
      </ul>
      <button type="button" className="button" disabled={accept.isPending} onClick={() => accept.mutate(current)}>
        <FormattedMessage id="legal.accept" />
      </button>
    </div>
  );
}
