"""Official update routes: the city's updates on an idea, apart from comments."""

from __future__ import annotations

from chalicelib.api import ApiResponse, RequestContext, api_route
from chalicelib.discussion.blueprint import bp
from chalicelib.discussion.wiring import official_updates
from shared.discussion.schemas import (
    OfficialUpdate,
    OfficialUpdateCreate,
    OfficialUpdateList,
    OfficialUpdateUpdate,
)

TAGS = ("comments",)
IDEA = "idea"
ERRORS = (403, 404)


@api_route(
    bp,
    "/ideas/{idea_id}/official-updates",
    response=OfficialUpdateList,
    tags=TAGS,
    errors=(404,),
    auth="content",
)
def list_official_updates(ctx: RequestContext, idea_id: str) -> OfficialUpdateList:
    """The official updates on an idea, newest first."""
    return official_updates().list_updates(ctx.tenant, ctx.principal, IDEA, idea_id)


@api_route(
    bp,
    "/ideas/{idea_id}/official-updates",
    "POST",
    body=OfficialUpdateCreate,
    response=OfficialUpdate,
    status=201,
    auth="user",
    tags=TAGS,
    errors=ERRORS,
)
def post_official_update(
    ctx: RequestContext, idea_id: str, body: OfficialUpdateCreate
) -> ApiResponse:
    """Post an update on an idea in the name of the city (moderators and managers)."""
    update = official_updates().post_update(ctx.tenant, ctx.principal, IDEA, idea_id, body)
    return ApiResponse(update, status=201)


@api_route(
    bp,
    "/official-updates/{update_id}",
    "PATCH",
    body=OfficialUpdateUpdate,
    response=OfficialUpdate,
    auth="user",
    tags=TAGS,
    errors=ERRORS,
)
def edit_official_update(
    ctx: RequestContext, update_id: str, body: OfficialUpdateUpdate
) -> OfficialUpdate:
    """Change an official update's text or signature."""
    return official_updates().edit_update(ctx.tenant, ctx.principal, update_id, body)


@api_route(bp, "/official-updates/{update_id}", "DELETE", auth="user", tags=TAGS, errors=ERRORS)
def delete_official_update(ctx: RequestContext, update_id: str) -> None:
    """Remove an official update."""
    official_updates().delete_update(ctx.tenant, ctx.principal, update_id)
