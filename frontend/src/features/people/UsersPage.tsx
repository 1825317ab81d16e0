import { useEffect, useRef, useState, type FormEvent } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { TextField } from "@/components/Field";
import { ListStatus } from "@/features/admin/ListStatus";
import { useSession } from "@/features/auth/useSession";
import { usePickerFolders, usePickerProjects, useUsers } from "./api";
import { RolesForm } from "./RolesForm";
import { RoleSummary } from "./RoleSummary";
import type { UserSummary } from "./types";
import "./people.css";

export function displayName(user: { first_name: string; last_name: string; email: string }): string {
  return `${user.first_name} ${user.last_name}`.trim() || user.email;
}

/** The platform's users, searchable by name or email, each with their roles to grant or revoke. */
export function UsersPage() {
  const intl = useIntl();
  const me = useSession().user;
  const [draft, setDraft] = useState("");
  const [q, setQ] = useState("");
  const users = useUsers(q);
  const folders = usePickerFolders();
  const projects = usePickerProjects();
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];
  const titles = new Map([...(folders.data ?? []), ...(projects.data ?? [])].map((item) => [item.id, item.title]));

  useEffect(() => {
    if (message) status.current?.focus();
  }, [message]);

  // A search reads the word index a page of entries at a time and lists each person once, so a
  // page may hold no one while later ones do: read on until something matches or the list ends.
  const pages = users.data?.pages;
  const lastEmpty = pages !== undefined && pages[pages.length - 1].items.length === 0;
  useEffect(() => {
    if (lastEmpty && users.hasNextPage && !users.isFetchingNextPage) void users.fetchNextPage();
  }, [lastEmpty, users]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setEditing(null);
    setMessage(null);
    setQ(draft.trim());
  };
  const saved = (user: UserSummary) =>
    setMessage(intl.formatMessage({ id: "people.roles.saved" }, { name: displayName(user) }));

  return (
    <section className="people">
      <h1>
        <FormattedMessage id="people.users.title" />
      </h1>
      <p>
        <FormattedMessage id="people.users.intro" />
      </p>
      <form role="search" className="people-search" aria-label={intl.formatMessage({ id: "people.users.search" })} onSubmit={search}>
        <TextField
          name="q"
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
      {message ? (
        <p ref={status} tabIndex={-1} role="status" className="notice notice--success">
          {message}
        </p>
      ) : null}
      <ListStatus
        query={{ isPending: users.isPending || (lastEmpty && users.hasNextPage), isError: users.isError, error: users.error }}
        count={items.length}
        empty={<FormattedMessage id={q ? "people.users.noMatch" : "people.users.empty"} values={{ q }} />}
      />
      {items.length > 0 ? (
        <ul className="admin-list">
          {items.map((user) => {
            const name = displayName(user);
            return (
              <li key={user.id} className="admin-list__item">
                <div className="admin-list__main">
                  <h2 className="admin-list__title">{name}</h2>
                  <p className="people-email">{user.email}</p>
                  <RoleSummary grants={user.roles} titles={titles} />
                  {editing === user.id ? (
                    <RolesForm
                      user={user}
                      self={user.id === me?.id}
                      onDone={(result) => {
                        setEditing(null);
                        if (result) saved(result);
                      }}
                    />
                  ) : (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => {
                        setMessage(null);
                        setEditing(user.id);
                      }}
                    >
                      <FormattedMessage id="people.roles.change" values={{ name }} />
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {users.hasNextPage ? (
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
