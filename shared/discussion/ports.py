"""What the discussion domain needs from others, as protocols.

Targets come from the process's target registry
(:class:`shared.participation.targets.Targets`); people from identity's
:class:`shared.identity.directory.UserDirectory`. Tests may pass their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from shared.identity.directory import PublicProfile, Recipient
from shared.participation.targets import TargetInfo
from shared.tenancy.context import TenantContext


class TargetLookup(Protocol):
    def resolve(self, tenant: TenantContext, kind: str, target_id: str) -> TargetInfo:
        """The target, or ``NotFoundError``."""
        ...


class People(Protocol):
    def profiles(self, tenant: TenantContext, ids: Iterable[str]) -> dict[str, PublicProfile]: ...

    def recipients(self, tenant: TenantContext, ids: Iterable[str]) -> dict[str, Recipient]: ...

    def search(self, tenant: TenantContext, text: str, limit: int = 8) -> list[PublicProfile]: ...
