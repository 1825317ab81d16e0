import { FormattedMessage } from "react-intl";
import { IdeationPhase } from "@/features/ideas";
import { InformationPhase } from "./InformationPhase";
import type { PhaseContent, PhaseContentProps } from "./types";

/**
 * The residents' UI of each participation method, by method id. A new
 * method is one component registered here (and its module on the server).
 */
const registry: Record<string, PhaseContent> = {
  information: InformationPhase,
  ideation: IdeationPhase,
  // Proposals are inputs like ideas: the same list and form, in proposal words.
  proposals: IdeationPhase,
};

function UnknownMethod({ phase }: PhaseContentProps) {
  return (
    <p>
      <FormattedMessage id="phase.methodUnavailable" values={{ method: phase.method }} />
    </p>
  );
}

export function phaseContentFor(method: string): PhaseContent {
  return registry[method] ?? UnknownMethod;
}
