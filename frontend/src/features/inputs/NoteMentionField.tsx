import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { matchPeople, mentionAt } from "./mentions";
import type { Person } from "./types";

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onPick: (person: Person) => void;
  /** The colleagues who may be mentioned: the project's team, known up front. */
  people: Person[];
  error?: string;
  autoFocus?: boolean;
}

/**
 * A note's textarea with @mention suggestions from the project's team. It
 * follows the comments' mention field (a textbox carrying the combobox
 * pattern's aria-autocomplete, aria-controls and aria-activedescendant; arrow
 * keys move, Enter or Tab picks, Escape closes), but suggests from a list it
 * is given instead of searching every resident: notes may name colleagues only.
 */
export function NoteMentionField({ id, label, value, onChange, onPick, people, error, autoFocus }: Props) {
  const intl = useIntl();
  const listboxId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(value.length);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);
  const mention = mentionAt(value, caret);
  const dismissed = mention !== null && dismissedAt === mention.start;
  const options = mention && !dismissed ? matchPeople(people, mention.query) : [];
  const open = options.length > 0;
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));

  useLayoutEffect(() => {
    const position = pendingCaret.current;
    if (position === null || !textarea.current || textarea.current.value.length < position) return;
    textarea.current.setSelectionRange(position, position);
    pendingCaret.current = null;
  });
  useLayoutEffect(() => {
    if (autoFocus) textarea.current?.focus();
  }, [autoFocus]);

  const pick = (person: Person) => {
    if (!mention) return;
    const inserted = `@${person.display_name} `;
    const position = mention.start + inserted.length;
    onPick(person);
    onChange(value.slice(0, mention.start) + inserted + value.slice(caret));
    setCaret(position);
    pendingCaret.current = position;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((activeIndex + 1) % options.length);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((activeIndex - 1 + options.length) % options.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      pick(options[activeIndex]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      if (mention) setDismissedAt(mention.start);
    }
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const optionId = (index: number) => `${listboxId}-option-${index}`;
  return (
    <div className={error ? "field field--error mention-field" : "field mention-field"}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="field__hint" id={hintId}>
        <FormattedMessage id="inputs.notes.mentionHint" />
      </div>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        ref={textarea}
        name="body"
        rows={3}
        className="field__input"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-autocomplete="list"
        aria-controls={open ? listboxId : undefined}
        aria-activedescendant={open ? optionId(activeIndex) : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart ?? event.target.value.length);
          setActive(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart ?? 0)}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <ul
          id={listboxId}
          role="listbox"
          className="mention-listbox"
          aria-label={intl.formatMessage({ id: "inputs.notes.mentionSuggestions" })}
        >
          {options.map((person, index) => (
            <li
              key={person.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              className={index === activeIndex ? "mention-option mention-option--active" : "mention-option"}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(person);
              }}
            >
              {person.avatar_url ? (
                <img src={person.avatar_url} alt="" width={24} height={24} className="mention-option__avatar" />
              ) : null}
              {person.display_name}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="visually-hidden" role="status">
        {mention && !dismissed ? (
          <FormattedMessage id="inputs.notes.mentionCount" values={{ count: options.length }} />
        ) : null}
      </p>
    </div>
  );
}
