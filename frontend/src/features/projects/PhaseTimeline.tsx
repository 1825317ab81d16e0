import { FormattedDate, FormattedMessage } from "react-intl";
import type { Phase } from "@/lib/api/types";
import { useLocalized } from "@/lib/i18n";

/** Dates are calendar days: format them in UTC so no timezone shifts the day. */
export function PhaseDates({ phase }: { phase: Phase }) {
  return (
    <span className="phase-dates">
      <FormattedDate value={`${phase.start_date}T00:00:00Z`} timeZone="UTC" dateStyle="medium" />
      {" – "}
      {phase.end_date ? (
        <FormattedDate value={`${phase.end_date}T00:00:00Z`} timeZone="UTC" dateStyle="medium" />
      ) : (
        <FormattedMessage id="phase.openEnded" />
      )}
    </span>
  );
}

interface Props {
  phases: Phase[];
  currentPhaseId: string | null;
  selectedId: string | null;
  onSelect: (phaseId: string) => void;
}

/** The project's phases in order; the current one is marked in text, not only by colour. */
export function PhaseTimeline({ phases, currentPhaseId, selectedId, onSelect }: Props) {
  const localize = useLocalized();
  return (
    <ol className="timeline">
      {phases.map((phase, index) => {
        const current = phase.id === currentPhaseId;
        return (
          <li
            key={phase.id}
            className={current ? "timeline__item timeline__item--current" : "timeline__item"}
            aria-current={current ? "step" : undefined}
          >
            <button
              type="button"
              className="timeline__button"
              aria-pressed={phase.id === selectedId}
              onClick={() => onSelect(phase.id)}
            >
              <span className="timeline__number">{index + 1}</span>
              <span className="timeline__title">{localize(phase.title)}</span>
              <PhaseDates phase={phase} />
              {current ? (
                <span className="badge badge--current">
                  <FormattedMessage id="phase.current" />
                </span>
              ) : null}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
