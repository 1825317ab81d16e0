import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { personName } from "@/features/people";
import { isPlainText } from "@/lib/forms/plainText";
import { useBlockUser } from "./api";
import { useErrorMessage } from "./problems";
import type { Person } from "./types";

const PRESETS = ["1", "7", "30"] as const;
type Duration = (typeof PRESETS)[number] | "date";
const REASON_MAX = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface BlockOutcome {
  user: Person;
  ok: boolean;
  message: string | null;
}

/** The moment a block ends: a number of days from now, or the end of the chosen day. */
export function blockUntil(duration: Duration, date: string, now: Date = new Date()): Date | null {
  if (duration !== "date") return new Date(now.getTime() + Number(duration) * DAY_MS);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const end = new Date(`${date}T23:59:59`);
  return Number.isNaN(end.getTime()) ? null : end;
}

interface Props {
  users: Person[];
  onDone: (outcomes: BlockOutcome[]) => void;
  onCancel: () => void;
}

/** Block the authors of the selected content: a duration (1, 7, 30 days or until a date) and a reason. */
export function BlockForm({ users, onDone, onCancel }: Props) {
  const intl = useIntl();
  const uid = useId();
  const block = useBlockUser();
  const describe = useErrorMessage();
  const [duration, setDuration] = useState<Duration>("7");
  const [date, setDate] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ date?: string; reason?: string }>({});
  const [busy, setBusy] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);

  useEffect(() => title.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const now = new Date();
    const until = blockUntil(duration, date, now);
    const found: typeof errors = {};
    const limit = new Date(now.getTime() + 3650 * DAY_MS);
    if (!until) found.date = intl.formatMessage({ id: "validation.date" });
    else if (until <= now) found.date = intl.formatMessage({ id: "moderation.block.dateFuture" });
    else if (until > limit) found.date = intl.formatMessage({ id: "moderation.block.dateTooFar" });
    const text = reason.trim();
    if (!text) found.reason = intl.formatMessage({ id: "validation.required" });
    else if (text.length > REASON_MAX) found.reason = intl.formatMessage({ id: "validation.maxLength" }, { max: REASON_MAX });
    else if (!isPlainText(text)) found.reason = intl.formatMessage({ id: "validation.plainText" });
    setErrors(found);
    if (found.date) return document.getElementById(`${uid}-date`)?.focus();
    if (found.reason || !until) return document.getElementById(`${uid}-reason`)?.focus();
    setBusy(true);
    const outcomes: BlockOutcome[] = [];
    for (const user of users) {
      try {
        await block.mutateAsync({ user_id: user.id, until: until.toISOString(), reason: text });
        outcomes.push({ user, ok: true, message: null });
      } catch (error) {
        outcomes.push({ user, ok: false, message: describe(error) });
      }
    }
    setBusy(false);
    onDone(outcomes);
  };

  const names = users.map((user) => personName(user, intl)).join(", ");
  return (
    <div
      className="confirm"
      role="dialog"
      aria-labelledby={`${uid}-title`}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
    >
      <h2 id={`${uid}-title`} className="confirm__title" ref={title} tabIndex={-1}>
        <FormattedMessage id="moderation.block.title" values={{ count: users.length, names }} />
      </h2>
      <form noValidate className="form" onSubmit={(event) => void submit(event)}>
        <fieldset className="fieldset">
          <legend>
            <FormattedMessage id="moderation.block.duration" />
          </legend>
          {[...PRESETS, "date" as const].map((item) => (
            <div className="checkbox" key={item}>
              <input
                type="radio"
                id={`${uid}-duration-${item}`}
                name="duration"
                value={item}
                checked={duration === item}
                onChange={() => setDuration(item)}
              />
              <label htmlFor={`${uid}-duration-${item}`}>
                {item === "date" ? (
                  <FormattedMessage id="moderation.block.untilDate" />
                ) : (
                  <FormattedMessage id="moderation.block.days" values={{ count: Number(item) }} />
                )}
              </label>
            </div>
          ))}
        </fieldset>
        {duration === "date" ? (
          <div className={errors.date ? "field field--error" : "field"}>
            <label className="field__label" htmlFor={`${uid}-date`}>
              <FormattedMessage id="moderation.block.date" />
            </label>
            {errors.date ? (
              <p className="field__error" id={`${uid}-date-error`}>
                {errors.date}
              </p>
            ) : null}
            <input
              type="date"
              id={`${uid}-date`}
              name="until"
              className="field__input"
              value={date}
              aria-invalid={errors.date ? true : undefined}
              aria-describedby={errors.date ? `${uid}-date-error` : undefined}
              onChange={(event) => setDate(event.target.value)}
            />
          </div>
        ) : null}
        <div className={errors.reason ? "field field--error" : "field"}>
          <label className="field__label" htmlFor={`${uid}-reason`}>
            <FormattedMessage id="moderation.block.reason" />
          </label>
          <div className="field__hint" id={`${uid}-reason-hint`}>
            <FormattedMessage id="moderation.block.reasonHint" />
          </div>
          {errors.reason ? (
            <p className="field__error" id={`${uid}-reason-error`}>
              {errors.reason}
            </p>
          ) : null}
          <textarea
            id={`${uid}-reason`}
            name="reason"
            className="field__input"
            rows={3}
            value={reason}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={[`${uid}-reason-hint`, errors.reason ? `${uid}-reason-error` : null].filter(Boolean).join(" ")}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--warning" disabled={busy}>
            <FormattedMessage id="moderation.block.submit" values={{ count: users.length }} />
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            <FormattedMessage id="moderation.cancel" />
          </button>
        </div>
      </form>
    </div>
  );
}
