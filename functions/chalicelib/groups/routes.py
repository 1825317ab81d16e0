"""User groups: list, create, change and delete groups; manage a manual group's members."""

from __future__ import annotations

from chalicelib.api import ApiResponse, RequestContext, api_route
from chalicelib.groups.blueprint import bp
from chalicelib.groups.wiring import groups
from shared.db.pagination import Page
from shared.groups.schemas import (
    Group,
    GroupCreate,
    GroupListQuery,
    GroupUpdate,
    Member,
    MemberListQuery,
    MembersAdd,
    MembersAdded,
)

TAGS = ("groups",)


@api_route(
    bp,
    "/groups",
    query=GroupListQuery,
    response=Page[Group],
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def list_groups(ctx: RequestContext, query: GroupListQuery) -> Page[Group]:
    """The platform's user groups, oldest first (admins, managers and moderators)."""
    return groups().list_groups(ctx.tenant, ctx.principal, query)


@api_route(
    bp,
    "/groups",
    "POST",
    body=GroupCreate,
    response=Group,
    status=201,
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def create_group(ctx: RequestContext, body: GroupCreate) -> ApiResponse:
    """Create a manual group, or a smart group whose members follow its rules (admins)."""
    return ApiResponse(groups().create_group(ctx.tenant, ctx.principal, body), status=201)


@api_route(bp, "/groups/{group_id}", response=Group, auth="user", tags=TAGS, errors=(403, 404))
def get_group(ctx: RequestContext, group_id: str) -> Group:
    """One group with its rules and member count."""
    return groups().get_group(ctx.tenant, ctx.principal, group_id)


@api_route(
    bp,
    "/groups/{group_id}",
    "PATCH",
    body=GroupUpdate,
    response=Group,
    auth="user",
    tags=TAGS,
    errors=(403, 404, 409),
)
def update_group(ctx: RequestContext, group_id: str, body: GroupUpdate) -> Group:
    """Rename a group or change a smart group's rules (its members are re-evaluated)."""
    return groups().update_group(ctx.tenant, ctx.principal, group_id, body)


@api_route(
    bp, "/groups/{group_id}", "DELETE", status=204, auth="user", tags=TAGS, errors=(403, 404)
)
def delete_group(ctx: RequestContext, group_id: str) -> None:
    """Delete a group and its memberships."""
    groups().delete_group(ctx.tenant, ctx.principal, group_id)


@api_route(
    bp,
    "/groups/{group_id}/members",
    query=MemberListQuery,
    response=Page[Member],
    auth="user",
    tags=TAGS,
    errors=(403, 404),
)
def list_members(ctx: RequestContext, group_id: str, query: MemberListQuery) -> Page[Member]:
    """A page of the group's members (a smart group's as last evaluated)."""
    return groups().list_members(ctx.tenant, ctx.principal, group_id, query)


@api_route(
    bp,
    "/groups/{group_id}/members",
    "POST",
    body=MembersAdd,
    response=MembersAdded,
    auth="user",
    tags=TAGS,
    errors=(403, 404, 409),
)
def add_members(ctx: RequestContext, group_id: str, body: MembersAdd) -> MembersAdded:
    """Add people to a manual group by id or from a list of email addresses."""
    return groups().add_members(ctx.tenant, ctx.principal, group_id, body)


@api_route(
    bp,
    "/groups/{group_id}/members/{user_id}",
    "DELETE",
    status=204,
    auth="user",
    tags=TAGS,
    errors=(403, 404, 409),
)
def remove_member(ctx: RequestContext, group_id: str, user_id: str) -> None:
    """Take one person out of a manual group."""
    groups().remove_member(ctx.tenant, ctx.principal, group_id, user_id)
