import { useId } from "react";
import { FormattedDate, FormattedMessage } from "react-intl";
import { calendarDate, daysLeft } from "./proposal";
import type { ProposalProgress as Progress } from "./types";

function StateText({ progress, day }: { progress: Progress; day?: string }) {
  if (progress.state === "reached") return <FormattedMessage id="ideas.proposal.state.reached" />;
  if (progress.state === "expired") return <FormattedMessage id="ideas.proposal.state.expired" />;
  return <FormattedMessage id="ideas.proposal.state.collecting" values={{ count: daysLeft(progress.deadline, day) }} />;
}

/**
 * Where a proposal stands: "37 of 100 signatures" naming a progress bar,
 * then its state (days left to sign, goal reached, or closed short of it).
 * With `detailed` (the proposal's page) the deadline's date is said too.
 */
export function ProposalProgress({
  progress,
  detailed = false,
  day,
}: {
  progress: Progress;
  detailed?: boolean;
  /** Today (YYYY-MM-DD); the visitor's day when left out. */
  day?: string;
}) {
  const id = useId();
  const deadline = (
    <FormattedDate value={calendarDate(progress.deadline)} dateStyle="long" timeZone="UTC" />
  );
  return (
    <div className={`proposal-progress proposal-progress--${progress.state}`}>
      <p className="proposal-progress__count" id={`${id}-count`}>
        <FormattedMessage
          id="ideas.proposal.signatures"
          values={{ signatures: progress.signatures, threshold: progress.threshold }}
        />
      </p>
      <progress
        className="proposal-progress__bar"
        max={progress.threshold}
        value={Math.min(progress.signatures, progress.threshold)}
        aria-labelledby={`${id}-count`}
      />
      <p className="proposal-progress__state">
        <StateText progress={progress} day={day} />
      </p>
      {detailed ? (
        <p className="proposal-progress__deadline">
          <FormattedMessage
            id={progress.state === "expired" ? "ideas.proposal.closedOn" : "ideas.proposal.deadline"}
            values={{ date: deadline }}
          />
        </p>
      ) : null}
    </div>
  );
}
