import type { ReactNode } from "react";
import { FormattedMessage } from "react-intl";
import { Link, useLocation } from "react-router";
import { Loading } from "@/components/Loading";
import { useSession } from "@/features/auth/useSession";
import { useLocalized } from "@/lib/i18n";
import { usePlatform } from "./usePlatform";

/**
 * The platform's content, or — on a platform for signed-in residents only —
 * the way in for visitors: what the platform is, and links to sign in (and
 * back here) or create an account. The API refuses the content anyway.
 */
export function MembersOnly({ children }: { children: ReactNode }) {
  const platform = usePlatform();
  const session = useSession();
  const location = useLocation();
  const localize = useLocalized();
  if (platform.data?.access.visit !== "signed_in") return children;
  if (session.status === "unknown") return <Loading />;
  if (session.status === "authenticated") return children;
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <section className="notice members-only" aria-labelledby="members-only-title">
      <h1 id="members-only-title">
        <FormattedMessage id="platform.membersOnly.title" values={{ name: localize(platform.data.name) }} />
      </h1>
      <p>
        <FormattedMessage id="platform.membersOnly.body" />
      </p>
      <p className="members-only__actions">
        <Link className="button" to={`/sign-in?next=${next}`}>
          <FormattedMessage id="nav.signIn" />
        </Link>{" "}
        <Link className="button button--secondary" to="/sign-up">
          <FormattedMessage id="nav.signUp" />
        </Link>
      </p>
    </section>
  );
}
