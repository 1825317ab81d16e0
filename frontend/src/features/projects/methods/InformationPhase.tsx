import { FormattedDate, FormattedMessage } from "react-intl";
import type { LocalizedText } from "@/lib/api/types";
import { useLocalized } from "@/lib/i18n";
import { RichText } from "../RichText";
import type { PhaseContentProps } from "./types";

interface EventInfo {
  title?: LocalizedText | null;
  starts_at: string;
  ends_at?: string | null;
  location?: string | null;
  online_url?: string | null;
}

function isEvent(value: unknown): value is EventInfo {
  return Boolean(value && typeof value === "object" && "starts_at" in value);
}

function Event({ event }: { event: EventInfo }) {
  const localize = useLocalized();
  const title = localize(event.title);
  return (
    <section className="event" aria-labelledby="phase-event-title">
      <h4 id="phase-event-title">{title || <FormattedMessage id="phase.event" />}</h4>
      <p>
        <FormattedDate value={event.starts_at} dateStyle="full" timeStyle="short" />
        {event.ends_at ? (
          <>
            {" – "}
            <FormattedDate value={event.ends_at} timeStyle="short" />
          </>
        ) : null}
      </p>
      {event.location ? (
        <p>
          <FormattedMessage id="phase.eventLocation" values={{ location: event.location }} />
        </p>
      ) : null}
      {event.online_url ? (
        <p>
          <a href={event.online_url} rel="noopener noreferrer">
            <FormattedMessage id="phase.eventOnline" />
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** The "information" method: the phase's description, and the event it announces if any. */
export function InformationPhase({ phase }: PhaseContentProps) {
  const localize = useLocalized();
  const html = localize(phase.description);
  const event = phase.method_config.event;
  return (
    <>
      {html ? (
        <RichText html={html} />
      ) : (
        <p>
          <FormattedMessage id="phase.noDescription" />
        </p>
      )}
      {isEvent(event) ? <Event event={event} /> : null}
    </>
  );
}
