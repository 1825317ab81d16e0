import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useMentionSearch } from "./api";
import { matchPeople, mentionQueryAt, type MentionPick } from "./mentions";

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onPick: (person: MentionPick) => void;
  onBlur?: () => void;
  error?: string;
  textareaRef?: Ref<HTMLTextAreaElement>;
  rows?: number;
  /** Suggest from this known list (e.g. a project's team) instead of searching every resident. */
  people?: MentionPick[];
  /** Replaces the default hint and the suggestions' wording (e.g. "colleagues"). */
  hint?: ReactNode;
  suggestionsLabel?: string;
  countMessageId?: string;
  autoFocus?: boolean;
}

/** Wait until typing pauses before asking the server for names. */
const SEARCH_DELAY_MS = 150;

function useDebounced(value: string, delay: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/**
 * A textarea with @mention suggestions. A textarea may not take the combobox
 * role, so it stays a textbox and carries the combobox pattern's other parts:
 * aria-autocomplete, aria-controls to the listbox and aria-activedescendant for
 * the highlighted option. Arrow keys move, Enter or Tab picks, Escape closes;
 * a live region says how many people were found.
 */
export function MentionTextarea({
  id,
  label,
  value,
  onChange,
  onPick,
  onBlur,
  error,
  textareaRef,
  rows = 4,
  people: known,
  hint,
  suggestionsLabel,
  countMessageId = "comments.mentionCount",
  autoFocus,
}: Props) {
  const intl = useIntl();
  const listboxId = useId();
  const local = useRef<HTMLTextAreaElement | null>(null);
  const [caret, setCaret] = useState(value.length);
  const pendingCaret = useRef<number | null>(null);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const mention = mentionQueryAt(value, caret);
  const dismissed = mention !== null && dismissedAt === mention.start;
  const typing = mention !== null && !dismissed;
  const query = useDebounced(typing && !known ? mention.query.trim() : "", SEARCH_DELAY_MS);
  const search = useMentionSearch(query);
  const people = known
    ? typing
      ? matchPeople(known, mention.query)
      : []
    : typing && query
      ? (search.data?.items ?? [])
      : [];
  const counted = known ? typing : typing && query !== "" && search.isSuccess;
  const open = people.length > 0;
  const activeIndex = Math.min(active, Math.max(people.length - 1, 0));

  useEffect(() => setActive(0), [query]);
  useLayoutEffect(() => {
    if (autoFocus) local.current?.focus();
  }, [autoFocus]);

  // After a pick, put the caret after the inserted name as soon as the new text is
  // committed, before the browser handles the next keystroke (a frame later could
  // land a fast typist's first letter in the wrong place).
  useLayoutEffect(() => {
    const position = pendingCaret.current;
    if (position === null || !local.current || local.current.value.length < position) return;
    local.current.setSelectionRange(position, position);
    pendingCaret.current = null;
  });

  const setRefs = (node: HTMLTextAreaElement | null) => {
    local.current = node;
    if (typeof textareaRef === "function") textareaRef(node);
    else if (textareaRef) (textareaRef as { current: HTMLTextAreaElement | null }).current = node;
  };

  const pick = (person: MentionPick) => {
    if (!mention) return;
    const inserted = `@${person.display_name} `;
    const next = value.slice(0, mention.start) + inserted + value.slice(caret);
    const position = mention.start + inserted.length;
    onPick(person);
    onChange(next);
    setCaret(position);
    pendingCaret.current = position;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((activeIndex + 1) % people.length);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((activeIndex - 1 + people.length) % people.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      pick(people[activeIndex]);
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
        {hint ?? <FormattedMessage id="comments.mentionHint" />}
      </div>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        ref={setRefs}
        name="body"
        rows={rows}
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
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart ?? 0)}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      {open ? (
        <ul
          id={listboxId}
          role="listbox"
          className="mention-listbox"
          aria-label={suggestionsLabel ?? intl.formatMessage({ id: "comments.mentionSuggestions" })}
        >
          {people.map((person, index) => (
            <li
              key={person.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              className={index === activeIndex ? "mention-option mention-option--active" : "mention-option"}
              // Keep focus in the textarea: the pick happens on mouse down, before blur.
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
        {counted ? <FormattedMessage id={countMessageId} values={{ count: people.length }} /> : null}
      </p>
    </div>
  );
}
