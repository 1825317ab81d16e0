"""Blocking residents: block for a period with a reason, unblock, list the active blocks."""

from __future__ import annotations

from chalicelib import runtime
from chalicelib.api import ApiResponse, RequestContext, api_route
from chalicelib.identity.wiring import directory
from chalicelib.moderation.blueprint import bp
from shared.db.pagination import Page
from shared.moderation.blocks import Block, BlockCreate, BlockListQuery, BlockService

TAGS = ("moderation",)


@runtime.cached
def blocks() -> BlockService:
    return BlockService(directory(), runtime.publisher())


@api_route(
    bp,
    "/moderation/blocks",
    "POST",
    body=BlockCreate,
    response=Block,
    status=201,
    auth="user",
    tags=TAGS,
    errors=(403, 404, 409),
)
def block_user(ctx: RequestContext, body: BlockCreate) -> ApiResponse:
    """Block a resident from posting, commenting, reacting and editing until a time, saying why."""
    return ApiResponse(blocks().block(ctx.tenant, ctx.principal, body), status=201)


@api_route(
    bp,
    "/moderation/blocks/{user_id}",
    "DELETE",
    status=204,
    auth="user",
    tags=TAGS,
    errors=(403, 404),
)
def unblock_user(ctx: RequestContext, user_id: str) -> None:
    """Lift a resident's block at once."""
    blocks().unblock(ctx.tenant, ctx.principal, user_id)


@api_route(
    bp,
    "/moderation/blocks",
    query=BlockListQuery,
    response=Page[Block],
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def list_blocks(ctx: RequestContext, query: BlockListQuery) -> Page[Block]:
    """The blocks in force now, the soonest to end first."""
    return blocks().active(ctx.tenant, ctx.principal, query)
