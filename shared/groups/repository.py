"""Repository of groups, memberships and participation facts (table ``groups``).

One method per access pattern; every key is built through the tenant
context. Membership writes are single-item and idempotent (a put of the same
member twice is one member); the member count is derived by the groups
worker from the membership items, never incremented in the request.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from pynamodb.attributes import Attribute
from pynamodb.exceptions import DeleteError, PutError, UpdateError
from pynamodb.expressions.update import Action

from shared.db.pagination import decode_cursor, encode_cursor
from shared.db.repository import TenantRepository
from shared.groups.models import GroupRecord, GroupsItem, MembershipRecord, ParticipationRecord

GROUP_SK = "GROUP"
MEMBER_PREFIX = "MEMBER#"
PARTICIPATION_SK = "PARTICIPATION"
BATCH = 100


def _condition_failed(error: Exception) -> bool:
    return getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException"


class GroupRepository(TenantRepository):
    """Groups of one platform."""

    def group_pk(self, group_id: str) -> str:
        return self.key("GROUP", group_id)

    def user_pk(self, user_id: str) -> str:
        return self.key("USER", user_id)

    @property
    def list_pk(self) -> str:
        return self.key("GROUPS")

    # ---- groups -----------------------------------------------------------------------

    def new_group(self, group_id: str, created_at: datetime, **values: Any) -> GroupRecord:
        return GroupRecord(
            self.group_pk(group_id),
            GROUP_SK,
            group_id=group_id,
            gsi1pk=self.list_pk,
            gsi1sk=f"{created_at.isoformat()}#{group_id}",
            created_at=created_at,
            updated_at=created_at,
            **values,
        )

    def get(self, group_id: str) -> GroupRecord | None:
        try:
            record = GroupRecord.get(self.group_pk(group_id), GROUP_SK)
        except GroupRecord.DoesNotExist:
            return None
        result: GroupRecord = self.check(record)
        return result

    def many(self, group_ids: Iterable[str]) -> dict[str, GroupRecord]:
        """The groups that exist among ``group_ids``, by id (batched reads)."""
        keys = [(self.group_pk(g), GROUP_SK) for g in dict.fromkeys(group_ids)]
        found: dict[str, GroupRecord] = {}
        for start in range(0, len(keys), BATCH):
            for item in GroupsItem.batch_get(keys[start : start + BATCH]):
                if isinstance(item, GroupRecord):
                    self.check(item)
                    found[item.group_id] = item
        return found

    def page(self, cursor: str | None, limit: int) -> tuple[list[GroupRecord], str | None]:
        """A page of the platform's groups, oldest first."""
        result = GroupsItem.by_tenant.query(
            self.list_pk,
            limit=limit,
            last_evaluated_key=decode_cursor(cursor, self.tenant),
        )
        items = [self.check(i) for i in result if isinstance(i, GroupRecord)]
        return items, encode_cursor(result.last_evaluated_key)

    def every_group(self) -> Iterator[GroupRecord]:
        for item in GroupsItem.by_tenant.query(self.list_pk):
            if isinstance(item, GroupRecord):
                yield self.check(item)

    def create(self, record: GroupRecord) -> None:
        self.check(record)
        record.save(condition=GroupRecord.pk.does_not_exist())

    def save(self, record: GroupRecord) -> bool:
        """Write an admin's edit (never the worker's count); False when the group is gone."""
        self.check(record)
        try:
            changed: list[tuple[Attribute[Any], Any]] = [
                (GroupRecord.title, record.title),
                (GroupRecord.description, record.description),
                (GroupRecord.rules, record.rules),
                (GroupRecord.match, record.match),
                (GroupRecord.updated_at, record.updated_at),
            ]
            record.update(
                actions=[a.set(v) if v is not None else a.remove() for a, v in changed],
                condition=GroupRecord.pk.exists(),
            )
        except UpdateError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def delete(self, record: GroupRecord) -> None:
        """Remove the group and every membership item it has."""
        self.check(record)
        with GroupsItem.batch_write() as batch:
            for member in self.members(record.group_id):
                batch.delete(member)
        record.delete()

    def set_count(self, group_id: str, count: int) -> None:
        """Store the derived member count (a group deleted meanwhile stays deleted)."""
        try:
            GroupRecord(self.group_pk(group_id), GROUP_SK).update(
                actions=[GroupRecord.member_count.set(count)],
                condition=GroupRecord.pk.exists(),
            )
        except Exception as error:
            if not _condition_failed(error):
                raise

    # ---- memberships ------------------------------------------------------------------

    def _member(self, group_id: str, user_id: str, added_at: datetime) -> MembershipRecord:
        return MembershipRecord(
            self.group_pk(group_id),
            f"{MEMBER_PREFIX}{user_id}",
            group_id=group_id,
            user_id=user_id,
            added_at=added_at,
            gsi2pk=self.user_pk(user_id),
            gsi2sk=group_id,
        )

    def add_member(self, group_id: str, user_id: str, added_at: datetime) -> bool:
        """Add a member; False when they already were one (nothing changes then)."""
        try:
            self._member(group_id, user_id, added_at).save(
                condition=MembershipRecord.pk.does_not_exist()
            )
        except PutError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def remove_member(self, group_id: str, user_id: str) -> bool:
        """Remove a member; False when they were not one."""
        try:
            MembershipRecord(self.group_pk(group_id), f"{MEMBER_PREFIX}{user_id}").delete(
                condition=MembershipRecord.pk.exists()
            )
        except DeleteError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def is_member(self, group_id: str, user_id: str) -> bool:
        try:
            MembershipRecord.get(self.group_pk(group_id), f"{MEMBER_PREFIX}{user_id}")
        except MembershipRecord.DoesNotExist:
            return False
        return True

    def member_of(self, group_ids: Iterable[str], user_id: str) -> set[str]:
        """Which of ``group_ids`` hold a membership item for ``user_id`` (one batch read)."""
        keys = [(self.group_pk(g), f"{MEMBER_PREFIX}{user_id}") for g in dict.fromkeys(group_ids)]
        found: set[str] = set()
        for start in range(0, len(keys), BATCH):
            for item in GroupsItem.batch_get(keys[start : start + BATCH]):
                if isinstance(item, MembershipRecord):
                    found.add(self.check(item).group_id)
        return found

    def members(self, group_id: str) -> Iterator[MembershipRecord]:
        for item in GroupsItem.query(
            self.group_pk(group_id), GroupsItem.sk.startswith(MEMBER_PREFIX)
        ):
            if isinstance(item, MembershipRecord):
                yield self.check(item)

    def member_page(
        self, group_id: str, cursor: str | None, limit: int
    ) -> tuple[list[MembershipRecord], str | None]:
        result = GroupsItem.query(
            self.group_pk(group_id),
            GroupsItem.sk.startswith(MEMBER_PREFIX),
            limit=limit,
            last_evaluated_key=decode_cursor(cursor, self.tenant),
        )
        items = [self.check(i) for i in result if isinstance(i, MembershipRecord)]
        return items, encode_cursor(result.last_evaluated_key)

    def count_members(self, group_id: str) -> int:
        return sum(
            1
            for _ in GroupsItem.query(
                self.group_pk(group_id),
                GroupsItem.sk.startswith(MEMBER_PREFIX),
                attributes_to_get=["pk"],
            )
        )

    def memberships_of(self, user_id: str) -> list[MembershipRecord]:
        """Every group a user is a member of (index ``by_user``)."""
        return [
            self.check(item)
            for item in GroupsItem.by_user.query(self.user_pk(user_id))
            if isinstance(item, MembershipRecord)
        ]

    # ---- participation facts ------------------------------------------------------------

    def participation(self, user_id: str) -> ParticipationRecord | None:
        try:
            record = ParticipationRecord.get(self.user_pk(user_id), PARTICIPATION_SK)
        except ParticipationRecord.DoesNotExist:
            return None
        result: ParticipationRecord = self.check(record)
        return result

    def participations(self, user_ids: Iterable[str]) -> dict[str, ParticipationRecord]:
        keys = [(self.user_pk(u), PARTICIPATION_SK) for u in dict.fromkeys(user_ids)]
        found: dict[str, ParticipationRecord] = {}
        for start in range(0, len(keys), BATCH):
            for item in GroupsItem.batch_get(keys[start : start + BATCH]):
                if isinstance(item, ParticipationRecord):
                    found[self.check(item).user_id] = item
        return found

    def record_participation(
        self,
        user_id: str,
        project_ids: Iterable[str] = (),
        topic_ids: Iterable[str] = (),
        status_ids: Iterable[str] = (),
    ) -> None:
        """Grow the user's participation sets (``ADD``: the same ids twice change nothing)."""
        actions: list[Action] = [
            ParticipationRecord.kind.set(ParticipationRecord),
            ParticipationRecord.user_id.set(user_id),
        ]
        for attribute, ids in (
            (ParticipationRecord.project_ids, project_ids),
            (ParticipationRecord.topic_ids, topic_ids),
            (ParticipationRecord.status_ids, status_ids),
        ):
            values = {i for i in ids if i}
            if values:
                actions.append(attribute.add(values))
        if len(actions) > 2:
            ParticipationRecord(self.user_pk(user_id), PARTICIPATION_SK).update(actions=actions)

    def forget_user(self, user_id: str) -> list[str]:
        """Delete the user's memberships and participation facts; return the groups left."""
        memberships = self.memberships_of(user_id)
        with GroupsItem.batch_write() as batch:
            for membership in memberships:
                batch.delete(membership)
            batch.delete(ParticipationRecord(self.user_pk(user_id), PARTICIPATION_SK))
        return [m.group_id for m in memberships]
