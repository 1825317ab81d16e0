"""User groups: admins define them; members are added by hand or follow rules.

Admins create, change and delete groups and manage manual members (one by
one or from a pasted list of emails). Team members may read the groups, so
project managers can pick them in a phase's permissions. Every change is
announced on the bus: the groups worker recounts members and, when a smart
group's rules change, re-evaluates every user of the platform.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection
from datetime import UTC, datetime

from shared.db.pagination import Page
from shared.errors import ConflictError, NotFoundError
from shared.events import DomainEvent, EventPublisher
from shared.groups.models import GroupRecord
from shared.groups.repository import GroupRepository
from shared.groups.rules import rules_of
from shared.groups.schemas import (
    Group,
    GroupCreate,
    GroupListQuery,
    GroupUpdate,
    Member,
    MemberListQuery,
    MembersAdd,
    MembersAdded,
    Membership,
)
from shared.identity.service import normalize_email
from shared.identity.users import UserRepository
from shared.permissions import Action, Principal, Resource, authorize
from shared.tenancy.context import TenantContext

GROUP_CHANGED = "groups.group.changed"
MEMBERSHIP_CHANGED = "groups.membership.changed"


class SmartGroupMembersError(ConflictError):
    code = "smart_group_members"
    title = "A smart group's members follow its rules; change the rules instead."


def group_view(record: GroupRecord) -> Group:
    rules = rules_of(record.rules, record.match)
    return Group(
        id=record.group_id,
        title=record.title,
        description=record.description or {},
        membership=Membership(record.membership),
        match=rules.match if rules else None,
        rules=list(rules.rules) if rules else [],
        member_count=int(record.member_count or 0),
        created_at=record.created_at,
        updated_at=record.updated_at,
    )


class GroupService:
    """Groups of every platform, for one deployment."""

    def __init__(
        self,
        publisher: EventPublisher,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._publisher = publisher
        self._clock = clock

    def _emit(self, tenant: TenantContext, principal: Principal, type_: str, group_id: str) -> None:
        self._publisher.publish(
            DomainEvent(
                type=type_,
                tenant_id=tenant.tenant_id,
                actor_id=principal.user_id,
                data={"group_id": group_id},
            )
        )

    @staticmethod
    def _scope(tenant: TenantContext, group_id: str | None = None) -> Resource:
        return Resource(tenant_id=tenant.tenant_id, id=group_id)

    def _load(self, tenant: TenantContext, principal: Principal, group_id: str) -> GroupRecord:
        authorize(principal, Action.GROUP_MANAGE, self._scope(tenant, group_id))
        record = GroupRepository(tenant).get(group_id)
        if record is None:
            raise NotFoundError()
        return record

    # ---- groups -----------------------------------------------------------------------

    def list_groups(
        self, tenant: TenantContext, principal: Principal, query: GroupListQuery
    ) -> Page[Group]:
        authorize(principal, Action.GROUP_VIEW, self._scope(tenant))
        records, cursor = GroupRepository(tenant).page(query.cursor, query.limit)
        return Page[Group](items=[group_view(r) for r in records], next_cursor=cursor)

    def get_group(self, tenant: TenantContext, principal: Principal, group_id: str) -> Group:
        authorize(principal, Action.GROUP_VIEW, self._scope(tenant, group_id))
        record = GroupRepository(tenant).get(group_id)
        if record is None:
            raise NotFoundError()
        return group_view(record)

    def create_group(self, tenant: TenantContext, principal: Principal, body: GroupCreate) -> Group:
        authorize(principal, Action.GROUP_MANAGE, self._scope(tenant))
        repository = GroupRepository(tenant)
        record = repository.new_group(
            uuid.uuid4().hex,
            self._clock(),
            title=body.title,
            description=body.description,
            membership=body.membership.value,
            rules=[r.model_dump(mode="json") for r in body.rules.rules] if body.rules else None,
            match=body.rules.match.value if body.rules else None,
            member_count=0,
        )
        repository.create(record)
        self._emit(tenant, principal, GROUP_CHANGED, record.group_id)
        return group_view(record)

    def update_group(
        self, tenant: TenantContext, principal: Principal, group_id: str, body: GroupUpdate
    ) -> Group:
        record = self._load(tenant, principal, group_id)
        if body.rules is not None and record.membership != Membership.SMART:
            raise SmartGroupMembersError(
                "A manual group has no rules: add or remove its members instead.",
                code="manual_group_rules",
            )
        if body.title is not None:
            record.title = body.title
        if body.description is not None:
            record.description = body.description
        if body.rules is not None:
            record.rules = [r.model_dump(mode="json") for r in body.rules.rules]
            record.match = body.rules.match.value
        record.updated_at = self._clock()
        if not GroupRepository(tenant).save(record):
            raise NotFoundError()
        if body.rules is not None:
            self._emit(tenant, principal, GROUP_CHANGED, group_id)
        return group_view(record)

    def delete_group(self, tenant: TenantContext, principal: Principal, group_id: str) -> None:
        record = self._load(tenant, principal, group_id)
        GroupRepository(tenant).delete(record)
        self._emit(tenant, principal, GROUP_CHANGED, group_id)

    # ---- members ----------------------------------------------------------------------

    def list_members(
        self, tenant: TenantContext, principal: Principal, group_id: str, query: MemberListQuery
    ) -> Page[Member]:
        self._load(tenant, principal, group_id)
        memberships, cursor = GroupRepository(tenant).member_page(
            group_id, query.cursor, query.limit
        )
        users = UserRepository(tenant).many(m.user_id for m in memberships)
        items = [
            Member(
                id=m.user_id,
                first_name=users[m.user_id].first_name,
                last_name=users[m.user_id].last_name,
                email=users[m.user_id].email,
                added_at=m.added_at,
            )
            for m in memberships
            if m.user_id in users
        ]
        return Page[Member](items=items, next_cursor=cursor)

    def add_members(
        self, tenant: TenantContext, principal: Principal, group_id: str, body: MembersAdd
    ) -> MembersAdded:
        """Add people by id or email; unknown emails are listed, never invented."""
        record = self._manual(tenant, principal, group_id)
        users = UserRepository(tenant)
        found_ids = set(users.many(body.user_ids))
        unknown_ids = [i for i in body.user_ids if i not in found_ids]
        if unknown_ids:
            raise NotFoundError(
                "Some of these people have no account here.",
                code="user_not_found",
                extra={"user_ids": unknown_ids},
            )
        unknown_emails: list[str] = []
        for email in dict.fromkeys(normalize_email(e) for e in body.emails):
            user = users.find_by_email(email)
            if user is None:
                unknown_emails.append(email)
            else:
                found_ids.add(user.user_id)
        added = self._add(tenant, record.group_id, found_ids)
        if added:
            self._emit(tenant, principal, MEMBERSHIP_CHANGED, group_id)
        return MembersAdded(
            added=added, already_members=len(found_ids) - added, unknown_emails=unknown_emails
        )

    def _add(self, tenant: TenantContext, group_id: str, user_ids: Collection[str]) -> int:
        repository, now = GroupRepository(tenant), self._clock()
        return sum(repository.add_member(group_id, user_id, now) for user_id in sorted(user_ids))

    def remove_member(
        self, tenant: TenantContext, principal: Principal, group_id: str, user_id: str
    ) -> None:
        self._manual(tenant, principal, group_id)
        if not GroupRepository(tenant).remove_member(group_id, user_id):
            raise NotFoundError("This person is not a member of the group.", code="not_a_member")
        self._emit(tenant, principal, MEMBERSHIP_CHANGED, group_id)

    def _manual(self, tenant: TenantContext, principal: Principal, group_id: str) -> GroupRecord:
        record = self._load(tenant, principal, group_id)
        if record.membership == Membership.SMART:
            raise SmartGroupMembersError()
        return record

    # ---- for other domains --------------------------------------------------------------

    def existing_groups(self, tenant: TenantContext, group_ids: Collection[str]) -> set[str]:
        """Which of ``group_ids`` exist (the phases' permission check)."""
        return set(GroupRepository(tenant).many(group_ids))
