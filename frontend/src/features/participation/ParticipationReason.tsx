import { useState } from "react";
import { FormattedMessage } from "react-intl";
import { Link, useLocation } from "react-router";
import { resendConfirmation } from "@/features/auth/api";
import { useSession } from "@/features/auth/useSession";
import { BlockedNotice } from "@/features/moderation";

/**
 * The participation actions whose refusals are explained here: the policy's
 * actions, and two of them in proposal words (`post_proposal` is posting in
 * a proposals phase, `sign` is reacting there).
 */
export type ParticipationKind = "post_input" | "post_proposal" | "react" | "sign" | "comment" | "follow";

interface Props {
  reason: string;
  action: ParticipationKind;
  /** For `missing_profile_fields`: open the questions (the action runs once they are answered). */
  onCompleteProfile?: () => void;
  /** A short sentence beside the action (reactions) instead of a notice block. */
  inline?: boolean;
}

function ResendConfirmation() {
  const { user } = useSession();
  const [state, setState] = useState<"idle" | "sending" | "sent" | "failed">("idle");
  if (!user) return null;
  return (
    <>
      {" "}
      <button
        type="button"
        className="button button--small button--secondary"
        disabled={state === "sending"}
        onClick={() => {
          setState("sending");
          resendConfirmation(user.email).then(
            () => setState("sent"),
            () => setState("failed"),
          );
        }}
      >
        <FormattedMessage id="participation.resend" />
      </button>
      <span role="status">
        {state === "sent" ? <FormattedMessage id="participation.resent" values={{ email: user.email }} /> : null}
        {state === "failed" ? <FormattedMessage id="error.action" /> : null}
      </span>
    </>
  );
}

function Sentence({ reason, action, onCompleteProfile }: Props) {
  const location = useLocation();
  const values = { action };
  // Signing in and verifying both bring the resident back here afterwards.
  const next = encodeURIComponent(location.pathname + location.search);
  switch (reason) {
    case "not_signed_in": {
      return (
        <FormattedMessage
          id="participation.signIn"
          values={{ ...values, link: (chunks) => <Link to={`/sign-in?next=${next}`}>{chunks}</Link> }}
        />
      );
    }
    case "email_not_confirmed":
      return (
        <>
          <FormattedMessage id="participation.confirmEmail" values={values} />
          <ResendConfirmation />
        </>
      );
    case "not_verified":
      return (
        <FormattedMessage
          id="participation.verify"
          values={{ ...values, link: (chunks) => <Link to={`/verify?next=${next}`}>{chunks}</Link> }}
        />
      );
    case "missing_profile_fields":
      return (
        <>
          <FormattedMessage id="participation.missingFields" values={values} />{" "}
          {onCompleteProfile ? (
            <button type="button" className="button button--small" onClick={onCompleteProfile}>
              <FormattedMessage id="participation.answerNow" />
            </button>
          ) : null}
        </>
      );
    case "not_in_group":
    case "manager_only":
    case "phase_closed":
    case "action_disabled":
    case "blocked":
      return <FormattedMessage id={`participation.${reason}`} values={values} />;
    case "deadline_passed":
      return <FormattedMessage id="participation.deadline_passed" />;
    default:
      return <FormattedMessage id="participation.other" values={values} />;
  }
}

/**
 * Why the viewer cannot take part here, in words, with the step that would
 * qualify them where there is one: sign in, resend the confirmation email,
 * verify their identity, or answer the questions the action needs.
 */
export function ParticipationReason(props: Props) {
  if (props.reason === "blocked" && !props.inline) return <BlockedNotice />;
  if (props.inline) return <Sentence {...props} />;
  return (
    <p className="notice">
      <Sentence {...props} />
    </p>
  );
}
