import { useState } from "react";
import { FormattedDate, FormattedMessage, useIntl } from "react-intl";
import { Link, useNavigate, useParams } from "react-router";
import { Confirm } from "@/components/Confirm";
import { LoadError, Loading } from "@/components/Loading";
import { ListStatus } from "@/features/admin/ListStatus";
import { useAdminIdeaStatuses, useAdminTopics } from "@/features/admin/ideationApi";
import { isAdmin, useSession } from "@/features/auth/useSession";
import { useLocalized } from "@/lib/i18n";
import { useDeleteGroup, useGroup, useMembers, usePickerProjects, useRemoveMember } from "./api";
import { AddMembers } from "./AddMembers";
import { GroupForm } from "./GroupForm";
import { useErrorMessage } from "./problems";
import { useRegistrationChoices, type ScopeChoices } from "./RuleBuilder";
import { RuleText } from "./RuleText";
import type { Group } from "./types";
import { displayName } from "./UsersPage";
import "./people.css";

/** A smart group's rules in words, and that its members follow them. */
function Rules({ group }: { group: Group }) {
  const projects = usePickerProjects();
  const topics = useAdminTopics();
  const statuses = useAdminIdeaStatuses();
  const registration = useRegistrationChoices();
  const choices: ScopeChoices = {
    project: projects.data ?? [],
    topic: topics.data?.items ?? [],
    status: statuses.data?.items ?? [],
  };
  return (
    <section aria-labelledby="group-rules-title" className="panel">
      <h2 id="group-rules-title">
        <FormattedMessage id="people.rules.title" />
      </h2>
      <p>
        <FormattedMessage id={`people.group.matches.${group.match ?? "all"}`} />
      </p>
      <ul>
        {group.rules.map((rule, index) => (
          <li key={index}>
            <RuleText rule={rule} choices={choices} registration={registration} />
          </li>
        ))}
      </ul>
      <p className="notice">
        <FormattedMessage id="people.group.smartExplained" />
      </p>
    </section>
  );
}

/** The members as a list a page at a time; a manual group's can be removed one by one. */
function Members({ group }: { group: Group }) {
  const intl = useIntl();
  const members = useMembers(group.id);
  const remove = useRemoveMember(group.id);
  const describe = useErrorMessage();
  const items = members.data?.pages.flatMap((page) => page.items) ?? [];
  const manual = group.membership === "manual";
  return (
    <section aria-labelledby="group-members-title">
      <h2 id="group-members-title">
        <FormattedMessage id="people.members.title" />
      </h2>
      {manual ? null : (
        <p>
          <FormattedMessage id="people.members.smartIntro" />
        </p>
      )}
      <ListStatus query={members} count={items.length} empty={<FormattedMessage id="people.members.empty" />} />
      {items.length > 0 ? (
        <ul className="admin-list" aria-label={intl.formatMessage({ id: "people.members.title" })}>
          {items.map((member) => {
            const name = displayName(member);
            return (
              <li key={member.id} className="admin-list__item">
                <div className="admin-list__main">
                  <strong>{name}</strong> <span className="people-email">{member.email}</span>
                  <p className="muted">
                    <FormattedMessage
                      id="people.members.since"
                      values={{ date: <FormattedDate value={member.added_at} dateStyle="medium" /> }}
                    />
                  </p>
                </div>
                {manual ? (
                  <Confirm
                    label={<FormattedMessage id="people.members.remove" values={{ name }} />}
                    question={<FormattedMessage id="people.members.confirmRemove" values={{ name }} />}
                    yes={<FormattedMessage id="people.members.confirmRemoveYes" />}
                    describe={describe}
                    onConfirm={async () => {
                      await remove.mutateAsync(member.id);
                    }}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {members.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={members.isFetchingNextPage}
          onClick={() => void members.fetchNextPage()}
        >
          <FormattedMessage id="people.loadMore" />
        </button>
      ) : null}
    </section>
  );
}

/**
 * One group: what it is, a smart group's rules, and its members. Admins
 * change it and its members; the team may read it (to choose groups in a
 * phase's permissions), not its members.
 */
export function GroupPage() {
  const { groupId = "" } = useParams();
  const localize = useLocalized();
  const navigate = useNavigate();
  const admin = isAdmin(useSession());
  const group = useGroup(groupId);
  const remove = useDeleteGroup(groupId);
  const describe = useErrorMessage();
  const [editing, setEditing] = useState(false);
  const back = (
    <p>
      <Link to="/admin/groups">
        <FormattedMessage id="people.groups.back" />
      </Link>
    </p>
  );
  if (group.isPending) return <>{back}<Loading /></>;
  if (group.isError) return <>{back}<LoadError error={group.error} /></>;
  const data = group.data;
  const name = localize(data.title);
  const description = localize(data.description);
  return (
    <section className="people">
      {back}
      <h1>{name}</h1>
      {description ? <p>{description}</p> : null}
      <p className="people-meta">
        <span className="badge">
          <FormattedMessage id={`people.groups.membership.${data.membership}`} />
        </span>{" "}
        <FormattedMessage id="people.groups.memberCount" values={{ count: data.member_count }} />
      </p>
      {admin && editing ? (
        <section aria-labelledby="group-edit-title" className="panel">
          <h2 id="group-edit-title">
            <FormattedMessage id="people.groups.editTitle" />
          </h2>
          <GroupForm group={data} onDone={() => setEditing(false)} />
        </section>
      ) : (
        <>
          {data.membership === "smart" ? <Rules group={data} /> : null}
          {admin ? (
            <div className="status-actions">
              <button type="button" className="button button--small" onClick={() => setEditing(true)}>
                <FormattedMessage id="people.groups.edit" values={{ name }} />
              </button>
              <Confirm
                label={<FormattedMessage id="people.groups.delete" values={{ name }} />}
                question={<FormattedMessage id="people.groups.confirmDelete" values={{ name }} />}
                yes={<FormattedMessage id="people.groups.confirmDeleteYes" />}
                describe={describe}
                onConfirm={async () => {
                  await remove.mutateAsync();
                  navigate("/admin/groups");
                }}
              />
            </div>
          ) : null}
        </>
      )}
      {admin ? (
        <>
          {data.membership === "manual" ? <AddMembers groupId={data.id} /> : null}
          <Members group={data} />
        </>
      ) : (
        <p className="muted">
          <FormattedMessage id="people.members.adminsOnly" />
        </p>
      )}
    </section>
  );
}
