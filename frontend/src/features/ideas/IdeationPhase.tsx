import { FormattedMessage } from "react-intl";
import { Link, useNavigate } from "react-router";
import { useSession } from "@/features/auth/useSession";
import { useBlockedState } from "@/features/moderation";
import { ParticipationReason, useProfileGate } from "@/features/participation";
import type { Phase, Project } from "@/lib/api/types";
import { useLocalized } from "@/lib/i18n";
import { IdeaList } from "./IdeaList";
import { ideationConfig, postingDecision } from "./phase";
import { proposalCommitment, proposalRules } from "./proposal";
import { SanitisedHtml } from "./SanitisedHtml";
import { wordingFor } from "./wording";

/**
 * The ideation and proposals methods on a project page: the phase's
 * question, the way to post an idea or submit a proposal (or why one
 * cannot), and the phase's inputs, in the words of the phase's method.
 */
export function IdeationPhase({ project, phase }: { project: Project; phase: Phase }) {
  const localize = useLocalized();
  const session = useSession();
  const config = ideationConfig(phase);
  const words = wordingFor(phase.method);
  const blocked = useBlockedState();
  const open = postingDecision(phase, session.status === "authenticated");
  // A blocked resident reads until when and why, where the "post an idea" button would be.
  const decision = open.allowed && blocked ? { allowed: false, reason: "blocked", fields: [] } : open;
  const question = localize(phase.description);
  const navigate = useNavigate();
  const gate = useProfileGate();
  const formPath = `/projects/${project.id}/phases/${phase.id}/ideas/new`;
  // Missing answers are asked for here; once given, the resident goes on to the form.
  const answerFirst = decision.reason === "missing_profile_fields";
  const rules = proposalRules(phase);
  const commitment = localize(proposalCommitment(phase));
  return (
    <div className="ideation-phase">
      {question ? <SanitisedHtml html={question} /> : null}
      {rules ? (
        <div className="proposal-rules">
          <p>
            <FormattedMessage id="ideas.proposal.rules" values={rules} />
          </p>
          {commitment ? (
            <p>
              <FormattedMessage id="ideas.proposal.rulesCommitment" values={{ commitment }} />
            </p>
          ) : null}
        </div>
      ) : null}
      {session.status === "unknown" ? null : decision.allowed ? (
        <p>
          <Link className="button" to={formPath}>
            <FormattedMessage id={words.post} />
          </Link>
        </p>
      ) : answerFirst ? (
        gate.asking ? null : (
          <>
            <ParticipationReason reason={decision.reason} action={words.postAction} />
            <p>
              <button
                type="button"
                className="button"
                onClick={() => void gate.attempt(() => navigate(formPath), decision.fields)}
              >
                <FormattedMessage id={words.post} />
              </button>
            </p>
          </>
        )
      ) : (
        <ParticipationReason reason={decision.reason} action={words.postAction} />
      )}
      {gate.panel}
      <IdeaList projectId={project.id} phaseId={phase.id} config={config} words={words} />
    </div>
  );
}
