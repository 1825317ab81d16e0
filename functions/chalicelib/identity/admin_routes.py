"""Routes of user administration (admins only, decided by the policy)."""

from __future__ import annotations

from chalicelib.api import RequestContext, api_route
from chalicelib.identity import wiring
from chalicelib.identity.blueprint import bp
from shared.db.pagination import Page
from shared.identity.schemas import RolesUpdate, UserListQuery, UserSummary

TAGS = ("admin",)


@api_route(
    bp,
    "/admin/users",
    query=UserListQuery,
    response=Page[UserSummary],
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def list_users(ctx: RequestContext, query: UserListQuery) -> Page[UserSummary]:
    """The platform's users in email order, optionally filtered by email or name."""
    return wiring.user_admin().list_users(ctx.tenant, ctx.principal, query)


@api_route(
    bp,
    "/admin/users/{user_id}/roles",
    "PUT",
    body=RolesUpdate,
    response=UserSummary,
    auth="user",
    tags=TAGS,
    errors=(403, 404, 409),
)
def set_user_roles(ctx: RequestContext, user_id: str, body: RolesUpdate) -> UserSummary:
    """Replace a user's roles (admin, folder or project manager, moderator)."""
    return wiring.user_admin().set_roles(ctx.tenant, ctx.principal, user_id, body)
