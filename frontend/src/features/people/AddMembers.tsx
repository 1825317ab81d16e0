import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { z } from "zod";
import { TextAreaField, TextField } from "@/components/Field";
import { Form } from "@/components/Form";
import { useAddMembers, useUsers } from "./api";
import { useErrorMessage } from "./problems";
import type { MembersAdded } from "./types";
import { displayName } from "./UsersPage";

const MAX_EMAILS = 1000;
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** Addresses pasted one per line, or separated by commas, semicolons or spaces. */
export function parseEmails(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((item) => item.trim()).filter(Boolean))];
}

/** What an addition did, in words: added, already members, addresses without an account. */
function Outcome({ result }: { result: MembersAdded }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [result]);
  return (
    <div ref={ref} tabIndex={-1} role="status" className="notice notice--success people-outcome">
      <p>
        <FormattedMessage id="people.members.added" values={{ count: result.added }} />{" "}
        <FormattedMessage id="people.members.alreadyMembers" values={{ count: result.already_members }} />
      </p>
      {result.unknown_emails.length > 0 ? (
        <>
          <p id="unknown-emails">
            <FormattedMessage id="people.members.unknown" values={{ count: result.unknown_emails.length }} />
          </p>
          <ul aria-labelledby="unknown-emails">
            {result.unknown_emails.map((email) => (
              <li key={email}>{email}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** Find people by name or email and add them one at a time. */
function AddBySearch({ groupId, onAdded }: { groupId: string; onAdded: (result: MembersAdded) => void }) {
  const intl = useIntl();
  const [draft, setDraft] = useState("");
  const [q, setQ] = useState("");
  const users = useUsers(q, q !== "");
  const add = useAddMembers(groupId);
  const describe = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const found = users.data?.pages.flatMap((page) => page.items) ?? [];
  const searched = q !== "" && users.isSuccess;
  const pages = users.data?.pages;
  const lastEmpty = pages !== undefined && pages[pages.length - 1].items.length === 0;

  // A search filters each page after reading it: read on until something matches or the list ends.
  useEffect(() => {
    if (lastEmpty && users.hasNextPage && !users.isFetchingNextPage) void users.fetchNextPage();
  }, [lastEmpty, users]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setQ(draft.trim());
  };

  return (
    <section aria-labelledby="add-search-title" className="panel">
      <h3 id="add-search-title">
        <FormattedMessage id="people.members.searchTitle" />
      </h3>
      <form role="search" className="people-search" aria-label={intl.formatMessage({ id: "people.members.searchTitle" })} onSubmit={search}>
        <TextField
          name="member_q"
          type="search"
          maxLength={100}
          label={<FormattedMessage id="people.users.query" />}
          hint={<FormattedMessage id="people.users.queryHint" />}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button">
          <FormattedMessage id="people.users.searchButton" />
        </button>
      </form>
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      {searched && found.length === 0 && !(lastEmpty && users.hasNextPage) ? (
        <p>
          <FormattedMessage id="people.users.noMatch" values={{ q }} />
        </p>
      ) : null}
      {found.length > 0 ? (
        <ul className="admin-list" aria-label={intl.formatMessage({ id: "people.members.searchResults" })}>
          {found.map((user) => {
            const name = displayName(user);
            return (
              <li key={user.id} className="admin-list__item">
                <div className="admin-list__main">
                  {name} <span className="people-email">{user.email}</span>
                </div>
                <button
                  type="button"
                  className="button button--small"
                  disabled={add.isPending}
                  onClick={() =>
                    add.mutate(
                      { user_ids: [user.id] },
                      { onSuccess: onAdded, onError: (caught) => setError(describe(caught)) },
                    )
                  }
                >
                  <FormattedMessage id="people.members.add" values={{ name }} />
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {users.hasNextPage && found.length > 0 ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={users.isFetchingNextPage}
          onClick={() => void users.fetchNextPage()}
        >
          <FormattedMessage id="people.loadMore" />
        </button>
      ) : null}
    </section>
  );
}

/** Add everyone in a pasted list of email addresses; the answer says who was added and who has no account. */
function AddByEmail({ groupId, onAdded }: { groupId: string; onAdded: (result: MembersAdded) => void }) {
  const intl = useIntl();
  const add = useAddMembers(groupId);
  const schema = z.object({
    emails: z.string().superRefine((text, ctx) => {
      const emails = parseEmails(text);
      if (emails.length === 0) {
        ctx.addIssue({ code: "custom", message: intl.formatMessage({ id: "validation.required" }) });
        return;
      }
      if (emails.length > MAX_EMAILS) {
        ctx.addIssue({ code: "custom", message: intl.formatMessage({ id: "people.members.tooMany" }, { max: MAX_EMAILS }) });
        return;
      }
      const wrong = emails.filter((email) => !EMAIL.test(email) || email.length > 254);
      if (wrong.length) {
        ctx.addIssue({
          code: "custom",
          message: intl.formatMessage(
            { id: "people.members.notEmails" },
            { count: wrong.length, emails: intl.formatList(wrong.slice(0, 5), { type: "conjunction" }) },
          ),
        });
      }
    }),
  });
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({ resolver: zodResolver(schema), shouldFocusError: false, defaultValues: { emails: "" } });
  return (
    <section aria-labelledby="add-emails-title" className="panel">
      <h3 id="add-emails-title">
        <FormattedMessage id="people.members.emailsTitle" />
      </h3>
      <Form
        form={form}
        aria-label={intl.formatMessage({ id: "people.members.emailsTitle" })}
        submitLabel={<FormattedMessage id="people.members.addEmails" />}
        mapField={(field) => (field.startsWith("emails") ? "emails" : null)}
        onSubmit={async (values) => {
          const result = await add.mutateAsync({ emails: parseEmails(values.emails) });
          form.reset({ emails: "" });
          onAdded(result);
        }}
      >
        <TextAreaField
          label={<FormattedMessage id="people.members.emails" />}
          hint={<FormattedMessage id="people.members.emailsHint" values={{ max: MAX_EMAILS }} />}
          error={form.formState.errors.emails?.message}
          rows={6}
          {...form.register("emails")}
        />
      </Form>
    </section>
  );
}

/** A manual group's two ways to add people, and what the last addition did. */
export function AddMembers({ groupId }: { groupId: string }) {
  const [result, setResult] = useState<MembersAdded | null>(null);
  return (
    <div className="people-add">
      {result ? <Outcome result={result} /> : null}
      <AddBySearch groupId={groupId} onAdded={setResult} />
      <AddByEmail groupId={groupId} onAdded={setResult} />
    </div>
  );
}
