import { useRef, useState, type ReactNode } from "react";
import { FormattedDate, FormattedMessage, useIntl } from "react-intl";
import { ListStatus } from "@/features/admin/ListStatus";
import { personName } from "@/features/people";
import { isPlainText } from "@/lib/forms/plainText";
import { useValidationMessages } from "@/lib/forms/messages";
import { useCollaborators, useDeleteNote, useEditNote, useNotes, usePostNote } from "./api";
import { mentionedIds } from "./mentions";
import { MentionTextarea } from "@/features/comments/MentionTextarea";
import { useFailureMessage } from "./problems";
import type { Note, NoteBody, Person } from "./types";

export const NOTE_MAX = 5000;

interface FormProps {
  id: string;
  label: string;
  submitLabel: ReactNode;
  people: Person[];
  initial?: Note;
  onSubmit: (body: NoteBody) => Promise<unknown>;
  onCancel?: () => void;
}

/** One note box (new note or edit): plain text with @mentions of the project's team. */
function NoteForm({ id, label, submitLabel, people, initial, onSubmit, onCancel }: FormProps) {
  const intl = useIntl();
  const messages = useValidationMessages();
  const failure = useFailureMessage();
  const [text, setText] = useState(initial?.body ?? "");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const picks = useRef<Person[]>(initial?.mentioned ?? []);

  const check = (body: string): string | undefined => {
    if (!body) return messages.required;
    if (body.length > NOTE_MAX) return messages.maxLength(NOTE_MAX);
    if (!isPlainText(body)) return messages.plainText;
    return undefined;
  };

  return (
    <form
      noValidate
      className="form input-note-form"
      aria-label={label}
      onSubmit={async (event) => {
        event.preventDefault();
        const body = text.trim();
        const invalid = check(body);
        setError(invalid);
        if (invalid) {
          document.getElementById(id)?.focus();
          return;
        }
        setBusy(true);
        try {
          await onSubmit({ body, mentioned_ids: mentionedIds(body, picks.current) });
          if (!initial) {
            setText("");
            picks.current = [];
          }
        } catch (problem) {
          setError(failure(problem));
          document.getElementById(id)?.focus();
        } finally {
          setBusy(false);
        }
      }}
    >
      <MentionTextarea
        id={id}
        label={label}
        value={text}
        onChange={setText}
        onPick={(person) => {
          const picked = people.find((colleague) => colleague.id === person.id);
          if (picked) picks.current = [...picks.current, picked];
        }}
        people={people}
        hint={<FormattedMessage id="inputs.notes.mentionHint" />}
        suggestionsLabel={intl.formatMessage({ id: "inputs.notes.mentionSuggestions" })}
        countMessageId="inputs.notes.mentionCount"
        rows={3}
        error={error}
        autoFocus={Boolean(initial)}
      />
      <div className="form__actions">
        <button type="submit" className="button button--small" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary button--small" onClick={onCancel}>
            <FormattedMessage id="inputs.notes.cancel" />
          </button>
        ) : null}
      </div>
    </form>
  );
}

function NoteItem({ note, ideaId, people }: { note: Note; ideaId: string; people: Person[] }) {
  const intl = useIntl();
  const failure = useFailureMessage();
  const edit = useEditNote(ideaId);
  const remove = useDeleteNote(ideaId);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const date = intl.formatDate(note.created_at, { dateStyle: "medium", timeStyle: "short" });

  if (editing) {
    return (
      <li className="input-note">
        <NoteForm
          id={`note-edit-${note.id}`}
          label={intl.formatMessage({ id: "inputs.notes.editLabel" }, { date })}
          submitLabel={<FormattedMessage id="inputs.notes.save" />}
          people={people}
          initial={note}
          onSubmit={async (body) => {
            await edit.mutateAsync({ noteId: note.id, body });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li className="input-note">
      <p className="input-note__meta">
        <strong>{personName(note.author, intl)}</strong>{" "}
        <FormattedDate value={note.created_at} dateStyle="medium" timeStyle="short" />
        {note.updated_at !== note.created_at ? (
          <>
            {" "}
            <FormattedMessage id="inputs.notes.edited" />
          </>
        ) : null}
      </p>
      <p className="input-note__body">{note.body}</p>
      <div className="form__actions">
        {note.permissions.edit ? (
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            <FormattedMessage id="inputs.notes.edit" values={{ date }} />
          </button>
        ) : null}
        {note.permissions.delete ? (
          confirming ? (
            <span role="group" aria-label={intl.formatMessage({ id: "inputs.notes.confirmLabel" }, { date })}>
              <FormattedMessage id="inputs.notes.confirmDelete" />{" "}
              <button
                type="button"
                className="button button--small button--warning"
                disabled={remove.isPending}
                onClick={() => remove.mutate(note.id)}
              >
                <FormattedMessage id="inputs.notes.confirmYes" />
              </button>{" "}
              <button type="button" className="button button--small button--secondary" onClick={() => setConfirming(false)}>
                <FormattedMessage id="inputs.notes.cancel" />
              </button>
            </span>
          ) : (
            <button type="button" className="link-button" onClick={() => setConfirming(true)}>
              <FormattedMessage id="inputs.notes.delete" values={{ date }} />
            </button>
          )
        ) : null}
      </div>
      {remove.error ? (
        <p className="field__error" role="alert">
          {failure(remove.error)}
        </p>
      ) : null}
    </li>
  );
}

/** The team's internal notes on an input: never shown to residents. */
export function NotesPanel({ ideaId, projectId }: { ideaId: string; projectId: string }) {
  const intl = useIntl();
  const notes = useNotes(ideaId);
  const post = usePostNote(ideaId);
  const people = useCollaborators(projectId).data?.items ?? [];
  const items = notes.data?.items ?? [];
  return (
    <section className="input-notes" aria-labelledby="notes-title">
      <h3 id="notes-title">
        <FormattedMessage id="inputs.notes.title" />
      </h3>
      <p className="muted">
        <FormattedMessage id="inputs.notes.intro" />
      </p>
      <ListStatus query={notes} count={items.length} empty={<FormattedMessage id="inputs.notes.empty" />} />
      {items.length ? (
        <ul className="input-notes__list">
          {items.map((note) => (
            <NoteItem key={note.id} note={note} ideaId={ideaId} people={people} />
          ))}
        </ul>
      ) : null}
      <NoteForm
        id="note-new"
        label={intl.formatMessage({ id: "inputs.notes.newLabel" })}
        submitLabel={<FormattedMessage id="inputs.notes.add" />}
        people={people}
        onSubmit={(body) => post.mutateAsync(body)}
      />
    </section>
  );
}
