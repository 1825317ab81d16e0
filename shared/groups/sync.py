"""Keeping derived group data true: smart memberships, member counts, participation facts.

The groups worker calls these on events. Each step recomputes from source
data (the user's record, the group's rules, the membership items), so a
duplicate or late event leaves the same result; only participation facts
grow, and they grow with set additions that are idempotent too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from shared.groups.facts import SMART
from shared.groups.models import GroupRecord
from shared.groups.people import person_of
from shared.groups.repository import GroupRepository
from shared.groups.rules import matches, rules_of
from shared.identity.models import UserRecord
from shared.identity.users import UserRepository
from shared.tenancy.context import TenantContext

USER_BATCH = 100


@dataclass(frozen=True)
class InputFacts:
    """What participation in one input says: where it lives and what it is about."""

    project_id: str
    topic_ids: frozenset[str]
    status_id: str | None
    author_id: str


class InputDescriber(Protocol):
    """Looks up an input by id (provided by the domain that owns inputs)."""

    def describe(self, tenant: TenantContext, input_id: str) -> InputFacts | None: ...


class MembershipSync:
    """Smart memberships and member counts, recomputed from source data."""

    def __init__(self, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._clock = clock

    def _smart_groups(self, repository: GroupRepository) -> list[GroupRecord]:
        return [g for g in repository.every_group() if g.membership == SMART]

    def _apply(
        self, repository: GroupRepository, group: GroupRecord, user: UserRecord, belongs: bool
    ) -> bool:
        """Make the membership item say ``belongs``; True when it changed."""
        if belongs:
            return repository.add_member(group.group_id, user.user_id, self._clock())
        return repository.remove_member(group.group_id, user.user_id)

    def refresh_user(self, tenant: TenantContext, user_id: str) -> set[str]:
        """Re-evaluate every smart group for one user; return the groups that changed."""
        repository = GroupRepository(tenant)
        user = UserRepository(tenant).get(user_id)
        if user is None:
            changed = set(repository.forget_user(user_id))
        else:
            person = person_of(user, repository.participation(user_id))
            changed = set()
            for group in self._smart_groups(repository):
                rules = rules_of(group.rules, group.match)
                belongs = rules is not None and matches(rules, person)
                if self._apply(repository, group, user, belongs):
                    changed.add(group.group_id)
        self.recount(tenant, changed)
        return changed

    def refresh_group(self, tenant: TenantContext, group_id: str) -> None:
        """Re-evaluate a smart group for every user (its rules changed); recount any group."""
        repository = GroupRepository(tenant)
        group = repository.get(group_id)
        if group is None:
            return
        rules = rules_of(group.rules, group.match) if group.membership == SMART else None
        if rules is not None:
            users = UserRepository(tenant)
            batch: list[UserRecord] = []
            for user in users.every_user():
                batch.append(user)
                if len(batch) == USER_BATCH:
                    self._evaluate(repository, group, batch)
                    batch = []
            self._evaluate(repository, group, batch)
            # Members who no longer have an account leave too.
            known = {m.user_id for m in repository.members(group_id)}
            for gone in known - set(users.many(known)):
                repository.remove_member(group_id, gone)
        self.recount(tenant, {group_id})

    def _evaluate(
        self, repository: GroupRepository, group: GroupRecord, users: list[UserRecord]
    ) -> None:
        rules = rules_of(group.rules, group.match)
        facts = repository.participations(u.user_id for u in users)
        for user in users:
            belongs = rules is not None and matches(rules, person_of(user, facts.get(user.user_id)))
            self._apply(repository, group, user, belongs)

    def recount(self, tenant: TenantContext, group_ids: Iterable[str]) -> None:
        repository = GroupRepository(tenant)
        for group_id in group_ids:
            repository.set_count(group_id, repository.count_members(group_id))


class ParticipationLog:
    """Grows users' participation facts from what they did (posted, commented, reacted)."""

    def __init__(self, inputs: InputDescriber) -> None:
        self._inputs = inputs

    def took_part(
        self, tenant: TenantContext, user_id: str, input_id: str, *, own_status: bool = False
    ) -> bool:
        """Record that ``user_id`` took part in ``input_id``; ``own_status`` for its author.

        Returns whether the input was found (deleted inputs record nothing).
        """
        facts = self._inputs.describe(tenant, input_id)
        if facts is None:
            return False
        statuses = [facts.status_id] if own_status and facts.status_id else []
        GroupRepository(tenant).record_participation(
            user_id, [facts.project_id], facts.topic_ids, statuses
        )
        return True

    def author_of(self, tenant: TenantContext, input_id: str) -> str | None:
        facts = self._inputs.describe(tenant, input_id)
        return facts.author_id if facts else None
