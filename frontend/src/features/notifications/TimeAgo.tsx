import { FormattedRelativeTime, useIntl } from "react-intl";

type Unit = "second" | "minute" | "hour" | "day" | "week" | "month" | "year";

const STEPS: [Unit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
  ["week", 4.35],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
];

/** The largest unit in which `seconds` ago is at least one (45 s, 3 min, 2 days...). */
export function relativeParts(seconds: number): { value: number; unit: Unit } {
  let amount = Math.max(0, seconds);
  for (const [unit, size] of STEPS) {
    if (amount < size) return { value: Math.round(amount), unit };
    amount /= size;
  }
  return { value: Math.round(amount), unit: "year" };
}

/** "5 minutes ago", with the exact date and time as the machine-readable value and tooltip. */
export function TimeAgo({ iso, now = Date.now() }: { iso: string; now?: number }) {
  const intl = useIntl();
  const date = new Date(iso);
  const { value, unit } = relativeParts((now - date.getTime()) / 1000);
  return (
    <time
      dateTime={iso}
      title={intl.formatDate(date, { dateStyle: "long", timeStyle: "short" })}
      className="time-ago"
    >
      <FormattedRelativeTime value={-value} unit={unit} numeric="auto" />
    </time>
  );
}
