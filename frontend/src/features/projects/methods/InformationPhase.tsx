import { FormattedMessage } from "react-intl";
import { useLocalized } from "@/lib/i18n";
import { RichText } from "../RichText";
import type { PhaseContentProps } from "./types";

/** The "information" method: the phase's description is its content. */
export function InformationPhase({ phase }: PhaseContentProps) {
  const localize = useLocalized();
  const html = localize(phase.description);
  return html ? (
    <RichText html={html} />
  ) : (
    <p>
      <FormattedMessage id="phase.noDescription" />
    </p>
  );
}
