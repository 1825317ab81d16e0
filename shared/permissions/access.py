"""Who may take an action: audiences, per-action rules, and the facts they are checked on.

A phase says, for each participation action its method supports, which
:class:`Audience` may take it (and, for ``groups``, which user groups), and
which registration fields a resident must have answered first. The policy
checks a rule against the principal's :class:`UserFacts`, which the identity
wiring attaches at authentication and which answer lazily: group membership
(manual and smart) and missing profile fields are read only when a rule
asks, and are read fresh, so a permission is checked against the user's data
as it is at that moment.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class Audience(StrEnum):
    """Who a rule admits, from the widest to the narrowest."""

    EVERYONE = "everyone"  # signed-out visitors too, where the method allows it
    SIGNED_IN = "signed_in"
    CONFIRMED_EMAIL = "confirmed_email"
    VERIFIED = "verified"
    GROUPS = "groups"  # members of any of the rule's groups
    TEAM = "team"  # admins and the managers of the project only


@dataclass(frozen=True)
class AccessRule:
    """One action's rule in one phase (or on the platform)."""

    audience: Audience = Audience.SIGNED_IN
    group_ids: frozenset[str] = frozenset()
    required_fields: frozenset[str] = frozenset()


DEFAULT_RULE = AccessRule()


class UserFacts(Protocol):
    """What rules need to know about a signed-in user beyond the access token.

    Implementations read lazily and at most once per request.
    """

    def in_any_group(self, group_ids: Collection[str]) -> bool:
        """Whether the user belongs to any of ``group_ids`` (manual or smart) right now."""
        ...

    def would_join_if_verified(self, group_ids: Collection[str]) -> bool:
        """Whether verifying their identity would make the user a member of one of the groups."""
        ...

    def missing_fields(self, required: Collection[str]) -> tuple[str, ...]:
        """Registration fields the user must still answer: ``required`` plus the platform's
        required fields, in the platform's field order."""
        ...


class NoFacts:
    """Facts of a user of whom nothing more is known: in no group, nothing missing."""

    def in_any_group(self, group_ids: Collection[str]) -> bool:
        return False

    def would_join_if_verified(self, group_ids: Collection[str]) -> bool:
        return False

    def missing_fields(self, required: Collection[str]) -> tuple[str, ...]:
        return ()


NO_FACTS: UserFacts = NoFacts()
