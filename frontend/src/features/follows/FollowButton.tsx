import { FormattedMessage } from "react-intl";
import { Link, useLocation } from "react-router";
import { useSession } from "@/features/auth/useSession";
import { ParticipationReason } from "@/features/participation";
import { isApiProblem } from "@/lib/api/problem";
import { useFollow, useSetFollow } from "./api";

const QUALIFY = new Set(["email_not_confirmed", "not_verified"]);

interface Props {
  /** What is followed: "idea", "project"... as the follows API names it. */
  kind: string;
  id: string;
}

/**
 * A toggle button (aria-pressed) to follow a target and get its notifications.
 * Its name stays "Follow" whatever the state, so assistive technology announces
 * the state rather than a changed label; visitors get a link to sign in instead.
 */
export function FollowButton({ kind, id }: Props) {
  const { status } = useSession();
  const location = useLocation();
  const follow = useFollow(kind, id);
  const setFollow = useSetFollow(kind, id);

  if (status === "unknown") return null;
  if (status === "anonymous") {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <p className="follow follow--visitor">
        <Link to={`/sign-in?next=${next}`}>
          <FormattedMessage id="follows.signIn" />
        </Link>
      </p>
    );
  }

  const following = follow.data?.following ?? false;
  // The platform may keep following for residents who confirmed their email or verified.
  const refused = setFollow.error;
  const refusal = isApiProblem(refused) && QUALIFY.has(refused.code) ? refused.code : null;
  return (
    <div className="follow">
      <button
        type="button"
        className="button button--secondary follow__button"
        aria-pressed={following}
        disabled={follow.isPending || setFollow.isPending}
        onClick={() => setFollow.mutate(!following)}
      >
        <FormattedMessage id="follows.follow" />
      </button>
      <span role="status" className="follow__state">
        {following ? <FormattedMessage id="follows.following" /> : null}
      </span>
      {refusal ? (
        <div role="alert">
          <ParticipationReason reason={refusal} action="follow" inline />
        </div>
      ) : setFollow.isError || follow.isError ? (
        <span role="alert" className="field__error">
          <FormattedMessage id="follows.failed" />
        </span>
      ) : null}
    </div>
  );
}
