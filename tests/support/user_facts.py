"""The policy's view of a user's facts when only their group membership matters."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass


@dataclass(frozen=True)
class GroupMember:
    """``UserFacts`` for tests: in these groups, joining none by verifying, lacking no field."""

    groups: frozenset[str]

    def in_any_group(self, group_ids: Collection[str]) -> bool:
        return bool(self.groups & set(group_ids))

    def would_join_if_verified(self, group_ids: Collection[str]) -> bool:
        return False

    def missing_fields(self, required: Collection[str]) -> tuple[str, ...]:
        return ()
