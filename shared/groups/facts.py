"""Group membership as the permission policy asks it: lazily, and as it is right now.

A manual group's answer is its membership item; a smart group's answer is
its rules evaluated on the user's current record and participation facts,
not the derived membership items (which may lag behind an event), so a
resident who just verified or answered a field is admitted at once.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cached_property

from shared.groups.models import GroupRecord
from shared.groups.people import person_of
from shared.groups.repository import GroupRepository
from shared.groups.rules import Person, matches, rules_of
from shared.identity.models import UserRecord
from shared.tenancy.context import TenantContext

SMART = "smart"


class GroupMembership:
    """The groups one user belongs to, read on first question, at most once per request."""

    def __init__(self, tenant: TenantContext, user: UserRecord) -> None:
        self._repository = GroupRepository(tenant)
        self._user = user
        self._groups: dict[str, GroupRecord] = {}
        self._manual: dict[str, bool] = {}

    @cached_property
    def _person(self) -> Person:
        return person_of(self._user, self._repository.participation(self._user.user_id))

    def _load(self, group_ids: Collection[str]) -> list[GroupRecord]:
        missing = [g for g in group_ids if g not in self._groups]
        if missing:
            self._groups.update(self._repository.many(missing))
        return [self._groups[g] for g in group_ids if g in self._groups]

    def _member_of_manual(self, groups: list[GroupRecord]) -> bool:
        unknown = [g.group_id for g in groups if g.group_id not in self._manual]
        if unknown:
            found = self._repository.member_of(unknown, self._user.user_id)
            self._manual.update({g: g in found for g in unknown})
        return any(self._manual[g.group_id] for g in groups)

    def _member_of_smart(self, groups: list[GroupRecord], person: Person) -> bool:
        for group in groups:
            rules = rules_of(group.rules, group.match)
            if rules is not None and matches(rules, person):
                return True
        return False

    def in_any_group(self, group_ids: Collection[str]) -> bool:
        groups = self._load(group_ids)
        smart = [g for g in groups if g.membership == SMART]
        manual = [g for g in groups if g.membership != SMART]
        return self._member_of_smart(smart, self._person) or (
            bool(manual) and self._member_of_manual(manual)
        )

    def would_join_if_verified(self, group_ids: Collection[str]) -> bool:
        smart = [g for g in self._load(group_ids) if g.membership == SMART]
        return self._member_of_smart(smart, self._person.verifying())
