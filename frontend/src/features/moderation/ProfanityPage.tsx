import { useEffect, useRef, useState, type FormEvent } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { LoadError, Loading } from "@/components/Loading";
import { nativeLanguageName } from "@/config/locales";
import { useEditProfanityWords, useProfanity, useSetProfanityEnabled } from "./api";
import { useErrorMessage } from "./problems";
import type { LocaleWords } from "./types";
import "./moderation.css";

/** Words typed in a box, split on commas, semicolons and line breaks, without repeats. */
export function parseWords(text: string): string[] {
  const words = text
    .split(/[,;\n]/)
    .map((word) => word.trim().toLocaleLowerCase())
    .filter(Boolean);
  return [...new Set(words)];
}

function WordBox({
  id,
  label,
  hint,
  submitLabel,
  busy,
  onSubmit,
}: {
  id: string;
  label: string;
  hint: string;
  submitLabel: string;
  busy: boolean;
  onSubmit: (words: string[]) => Promise<boolean>;
}) {
  const [text, setText] = useState("");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const words = parseWords(text);
    if (words.length && (await onSubmit(words))) setText("");
  };
  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
        <input
          id={id}
          name={id}
          className="field__input"
          value={text}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={busy || !parseWords(text).length}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** One language's list: the built-in count, the words added and the built-in words allowed again. */
function LocaleEditor({ locale, words }: { locale: string; words: LocaleWords }) {
  const intl = useIntl();
  const edit = useEditProfanityWords();
  const describe = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const language = nativeLanguageName(locale);
  const send = async (add: string[], remove: string[]) => {
    setError(null);
    try {
      await edit.mutateAsync({ locale, add, remove });
      return true;
    } catch (caught) {
      setError(describe(caught));
      return false;
    }
  };
  const headingId = `profanity-${locale}-title`;
  return (
    <section className="card" aria-labelledby={headingId} lang={locale}>
      <h2 id={headingId}>{language}</h2>
      <p>
        <FormattedMessage id="moderation.profanity.builtin" values={{ count: words.builtin }} />
      </p>
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      <h3>
        <FormattedMessage id="moderation.profanity.added" />
      </h3>
      {words.added.length ? (
        <ul className="word-list" aria-label={intl.formatMessage({ id: "moderation.profanity.addedList" }, { language })}>
          {words.added.map((word) => (
            <li key={word} className="badge">
              {word}{" "}
              <button
                type="button"
                className="link-button"
                disabled={edit.isPending}
                aria-label={intl.formatMessage({ id: "moderation.profanity.takeOut" }, { word })}
                onClick={() => void send([], [word])}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>
          <FormattedMessage id="moderation.profanity.noneAdded" />
        </p>
      )}
      <WordBox
        id={`profanity-${locale}-add`}
        label={intl.formatMessage({ id: "moderation.profanity.addLabel" }, { language })}
        hint={intl.formatMessage({ id: "moderation.profanity.wordsHint" })}
        submitLabel={intl.formatMessage({ id: "moderation.profanity.add" })}
        busy={edit.isPending}
        onSubmit={(list) => send(list, [])}
      />
      <h3>
        <FormattedMessage id="moderation.profanity.removed" />
      </h3>
      {words.removed.length ? (
        <ul className="word-list" aria-label={intl.formatMessage({ id: "moderation.profanity.removedList" }, { language })}>
          {words.removed.map((word) => (
            <li key={word} className="badge">
              {word}{" "}
              <button
                type="button"
                className="link-button"
                disabled={edit.isPending}
                aria-label={intl.formatMessage({ id: "moderation.profanity.filterAgain" }, { word })}
                onClick={() => void send([word], [])}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>
          <FormattedMessage id="moderation.profanity.noneRemoved" />
        </p>
      )}
      <WordBox
        id={`profanity-${locale}-remove`}
        label={intl.formatMessage({ id: "moderation.profanity.removeLabel" }, { language })}
        hint={intl.formatMessage({ id: "moderation.profanity.wordsHint" })}
        submitLabel={intl.formatMessage({ id: "moderation.profanity.remove" })}
        busy={edit.isPending}
        onSubmit={(list) => send([], list)}
      />
    </section>
  );
}

/** The profanity filter: on or off for the platform, and each language's word list. */
export function ProfanityPage() {
  const settings = useProfanity();
  const toggle = useSetProfanityEnabled();
  const describe = useErrorMessage();
  const [saved, setSaved] = useState<boolean | null>(null);
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (saved !== null) status.current?.focus();
  }, [saved]);

  if (settings.isPending) return <Loading />;
  if (settings.isError) return <LoadError error={settings.error} />;
  const data = settings.data;
  return (
    <section className="moderation">
      <h1>
        <FormattedMessage id="moderation.profanity.title" />
      </h1>
      <p>
        <FormattedMessage id="moderation.profanity.intro" />
      </p>
      <div className="checkbox">
        <input
          id="profanity-enabled"
          name="enabled"
          type="checkbox"
          role="switch"
          checked={data.enabled}
          disabled={toggle.isPending}
          onChange={(event) => {
            setSaved(null);
            toggle.mutate(event.target.checked, { onSuccess: (next) => setSaved(next.enabled) });
          }}
        />
        <label htmlFor="profanity-enabled">
          <FormattedMessage id="moderation.profanity.enabled" />
        </label>
      </div>
      {saved !== null ? (
        <p ref={status} tabIndex={-1} role="status" className="notice notice--success">
          <FormattedMessage id={saved ? "moderation.profanity.nowOn" : "moderation.profanity.nowOff"} />
        </p>
      ) : null}
      {toggle.isError ? (
        <p role="alert" className="field__error">
          {describe(toggle.error)}
        </p>
      ) : null}
      {Object.entries(data.locales).map(([locale, words]) => (
        <LocaleEditor key={locale} locale={locale} words={words} />
      ))}
    </section>
  );
}
