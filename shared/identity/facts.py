"""The facts a signed-in user brings to permission checks, composed per request.

Identity knows the user's record; which groups they are in and which
registration fields a platform requires belong to other domains, which the
functions' wiring hands in through the two protocols below. Everything is
read only when a rule asks.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, Protocol

from shared.identity.models import UserRecord
from shared.tenancy.context import TenantContext


class Membership(Protocol):
    def in_any_group(self, group_ids: Collection[str]) -> bool: ...

    def would_join_if_verified(self, group_ids: Collection[str]) -> bool: ...


class FieldRequirements(Protocol):
    def required_fields(self, tenant: TenantContext, extra: Collection[str]) -> tuple[str, ...]:
        """The platform's required (enabled) fields plus ``extra``, in the platform's order."""
        ...


class NoRequirements:
    """A platform that requires no registration field."""

    def required_fields(self, tenant: TenantContext, extra: Collection[str]) -> tuple[str, ...]:
        return tuple(extra)


def unanswered(value: Any) -> bool:
    return value is None or value == "" or value == []


class UserFacts:
    """Group membership and missing profile fields of one user in one request."""

    def __init__(
        self,
        tenant: TenantContext,
        user: UserRecord,
        membership: Membership,
        requirements: FieldRequirements,
    ) -> None:
        self._tenant = tenant
        self._user = user
        self._membership = membership
        self._requirements = requirements

    def in_any_group(self, group_ids: Collection[str]) -> bool:
        return self._membership.in_any_group(group_ids)

    def would_join_if_verified(self, group_ids: Collection[str]) -> bool:
        return self._membership.would_join_if_verified(group_ids)

    def missing_fields(self, required: Collection[str]) -> tuple[str, ...]:
        answers = self._user.profile or {}
        wanted = self._requirements.required_fields(self._tenant, required)
        return tuple(name for name in wanted if unanswered(answers.get(name)))
