"""User administration: the user list and role grants (admins only)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from shared.db.pagination import Page
from shared.errors import ConflictError
from shared.events import EventPublisher
from shared.identity.events import user_changed
from shared.identity.schemas import RolesUpdate, UserListQuery, UserSummary
from shared.identity.users import UserRepository
from shared.identity.views import summary_of
from shared.permissions import Action, Principal, Resource, Role, RoleGrant, authorize
from shared.tenancy.context import TenantContext


class UserAdminService:
    """What admins do with other users' accounts."""

    def __init__(
        self,
        avatar_url: Callable[[str], str],
        publisher: EventPublisher,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._publisher = publisher
        self._avatar_url = avatar_url
        self._clock = clock

    def list_users(
        self, tenant: TenantContext, principal: Principal, query: UserListQuery
    ) -> Page[UserSummary]:
        authorize(principal, Action.USER_MANAGE, Resource(tenant_id=tenant.tenant_id))
        items, cursor = UserRepository(tenant).list_page(query.cursor, query.limit, query.q)
        return Page[UserSummary](
            items=[summary_of(item, self._avatar_url) for item in items], next_cursor=cursor
        )

    def set_roles(
        self, tenant: TenantContext, principal: Principal, user_id: str, change: RolesUpdate
    ) -> UserSummary:
        """Replace a user's roles; admins cannot take away their own admin role."""
        authorize(principal, Action.USER_MANAGE, Resource(tenant_id=tenant.tenant_id, id=user_id))
        grants = [RoleGrant(g.role, frozenset(g.scope)) for g in change.roles]
        if user_id == principal.user_id and not any(g.role is Role.ADMIN for g in grants):
            raise ConflictError(
                "You cannot remove your own admin role; ask another admin.",
                code="cannot_remove_own_admin",
            )
        merged: dict[Role, set[str]] = {}
        for grant in grants:
            merged.setdefault(grant.role, set()).update(grant.scope)
        unique = [RoleGrant(role, frozenset(scope)) for role, scope in merged.items()]
        record = UserRepository(tenant).set_roles(user_id, unique, self._clock())
        self._publisher.publish(user_changed(tenant.tenant_id, user_id, principal.user_id))
        return summary_of(record, self._avatar_url)
