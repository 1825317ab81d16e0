import { FormattedMessage } from "react-intl";
import { Link, useNavigate } from "react-router";
import { ListStatus } from "@/features/admin/ListStatus";
import { isAdmin, useSession } from "@/features/auth/useSession";
import { useLocalized } from "@/lib/i18n";
import { useGroups } from "./api";
import { GroupForm } from "./GroupForm";
import "./people.css";

/** The platform's user groups with their kind and member count; admins create them. */
export function GroupsPage() {
  const localize = useLocalized();
  const admin = isAdmin(useSession());
  const groups = useGroups();
  const items = groups.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="people">
      <h1>
        <FormattedMessage id="people.groups.title" />
      </h1>
      <p>
        <FormattedMessage id={admin ? "people.groups.intro" : "people.groups.introTeam"} />
      </p>
      {admin ? (
        <p>
          <Link to="/admin/groups/new" className="button">
            <FormattedMessage id="people.groups.new" />
          </Link>
        </p>
      ) : null}
      <ListStatus query={groups} count={items.length} empty={<FormattedMessage id="people.groups.empty" />} />
      {items.length > 0 ? (
        <ul className="admin-list">
          {items.map((group) => (
            <li key={group.id} className="admin-list__item">
              <div className="admin-list__main">
                <h2 className="admin-list__title">
                  <Link to={`/admin/groups/${group.id}`}>{localize(group.title)}</Link>
                </h2>
                <p className="people-meta">
                  <span className="badge">
                    <FormattedMessage id={`people.groups.membership.${group.membership}`} />
                  </span>{" "}
                  <FormattedMessage id="people.groups.memberCount" values={{ count: group.member_count }} />
                </p>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {groups.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={groups.isFetchingNextPage}
          onClick={() => void groups.fetchNextPage()}
        >
          <FormattedMessage id="people.loadMore" />
        </button>
      ) : null}
    </section>
  );
}

/** A new group: its names, manual or smart, and a smart group's rules. */
export function NewGroupPage() {
  const navigate = useNavigate();
  return (
    <section className="people">
      <p>
        <Link to="/admin/groups">
          <FormattedMessage id="people.groups.back" />
        </Link>
      </p>
      <h1>
        <FormattedMessage id="people.groups.newTitle" />
      </h1>
      <GroupForm onDone={(group) => navigate(group ? `/admin/groups/${group.id}` : "/admin/groups")} />
    </section>
  );
}
