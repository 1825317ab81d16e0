import { FormattedMessage } from "react-intl";
import { Link, useLocation } from "react-router";
import { useSession } from "@/features/auth/useSession";
import { BlockedNotice, useBlockedState } from "@/features/moderation";
import type { Phase, Project } from "@/lib/api/types";
import { useLocalized } from "@/lib/i18n";
import { IdeaList } from "./IdeaList";
import { ideationConfig, postingDecision } from "./phase";
import { SanitisedHtml } from "./SanitisedHtml";

/** Why a visitor cannot post yet, and what to do about it when something can be done. */
export function PostingReason({ reason }: { reason: string }) {
  const location = useLocation();
  if (reason === "blocked") return <BlockedNotice />;
  if (reason === "not_signed_in") {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <p className="notice">
        <FormattedMessage
          id="ideas.post.signIn"
          values={{ link: (chunks) => <Link to={`/sign-in?next=${next}`}>{chunks}</Link> }}
        />
      </p>
    );
  }
  return (
    <p className="notice">
      <FormattedMessage id={reason === "phase_closed" ? "ideas.post.closed" : "ideas.post.disabled"} />
    </p>
  );
}

/**
 * The ideation method on a project page: the phase's question, the way to
 * post an idea (or why one cannot), and the phase's ideas.
 */
export function IdeationPhase({ project, phase }: { project: Project; phase: Phase }) {
  const localize = useLocalized();
  const session = useSession();
  const config = ideationConfig(phase);
  const blocked = useBlockedState();
  const open = postingDecision(phase, session.status === "authenticated");
  // A blocked resident reads until when and why, where the "post an idea" button would be.
  const decision = open.allowed && blocked ? { allowed: false, reason: "blocked" } : open;
  const question = localize(phase.description);
  return (
    <div className="ideation-phase">
      {question ? <SanitisedHtml html={question} /> : null}
      {session.status === "unknown" ? null : decision.allowed ? (
        <p>
          <Link className="button" to={`/projects/${project.id}/phases/${phase.id}/ideas/new`}>
            <FormattedMessage id="ideas.post.link" />
          </Link>
        </p>
      ) : (
        <PostingReason reason={decision.reason} />
      )}
      <IdeaList projectId={project.id} phaseId={phase.id} config={config} />
    </div>
  );
}
