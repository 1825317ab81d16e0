"""Who is acting: a signed-in user with role grants, or an anonymous visitor.

Roles are grants with a scope, so folder managers, project managers and
moderators fit the same shape as platform admins: ``RoleGrant(Role.
PROJECT_MANAGER, frozenset({"p1"}))`` manages project p1 only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from shared.permissions.access import NO_FACTS, UserFacts


class Role(StrEnum):
    ADMIN = "admin"
    FOLDER_MANAGER = "folder_manager"
    PROJECT_MANAGER = "project_manager"
    MODERATOR = "moderator"


@dataclass(frozen=True)
class RoleGrant:
    """One role, scoped to resource ids (empty scope for platform-wide roles)."""

    role: Role
    scope: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Principal:
    """The actor of a request, resolved from its access token.

    ``verified``: the user proved their identity through a verification
    method; ``facts`` answers what rules ask beyond that (groups, profile).
    """

    user_id: str | None
    tenant_id: str | None
    grants: frozenset[RoleGrant] = field(default_factory=frozenset)
    email_confirmed: bool = False
    blocked_until: datetime | None = None
    block_reason: str | None = None
    verified: bool = False
    facts: UserFacts = field(default=NO_FACTS, compare=False, hash=False)

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None

    @property
    def is_admin(self) -> bool:
        return any(g.role is Role.ADMIN for g in self.grants)

    @property
    def is_team_member(self) -> bool:
        """An admin, or anyone with a scoped back-office role (manager or moderator)."""
        return bool(self.grants)

    def is_blocked(self, now: datetime | None = None) -> bool:
        """Blocked by a moderator until a time that has not passed yet."""
        return self.blocked_until is not None and self.blocked_until > (now or datetime.now(UTC))

    def has_role(self, role: Role, scope_id: str | None = None) -> bool:
        return any(
            g.role is role and (scope_id is None or scope_id in g.scope) for g in self.grants
        )


ANONYMOUS = Principal(user_id=None, tenant_id=None)
