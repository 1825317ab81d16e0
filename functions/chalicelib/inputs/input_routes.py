"""The input manager's table and its bulk actions: assign, status, move or copy."""

from __future__ import annotations

from chalicelib.api import RequestContext, api_route
from chalicelib.inputs.blueprint import bp
from chalicelib.inputs.wiring import assignments, feedback, listing, moves
from shared.db.pagination import Page
from shared.inputs.schemas import (
    AssignRequest,
    BulkResults,
    BulkStatusRequest,
    CollaboratorList,
    CollaboratorQuery,
    FeedbackResults,
    InputQuery,
    InputRow,
    MoveRequest,
    MoveResults,
)

TAGS = ("input manager",)
ERRORS = (403, 404)


@api_route(
    bp,
    "/manage/inputs",
    query=InputQuery,
    response=Page[InputRow],
    auth="user",
    tags=TAGS,
    errors=ERRORS,
)
def list_inputs(ctx: RequestContext, query: InputQuery) -> Page[InputRow]:
    """A page of the inputs the viewer handles: filtered, sorted, searched."""
    return listing().page(ctx.tenant, ctx.principal, query)


@api_route(
    bp,
    "/manage/inputs/assign",
    "POST",
    body=AssignRequest,
    response=BulkResults,
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def assign_inputs(ctx: RequestContext, body: AssignRequest) -> BulkResults:
    """Assign inputs to a collaborator (or nobody); one result per input."""
    return assignments().assign(ctx.tenant, ctx.principal, body)


@api_route(
    bp,
    "/manage/inputs/status",
    "POST",
    body=BulkStatusRequest,
    response=FeedbackResults,
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def set_inputs_status(ctx: RequestContext, body: BulkStatusRequest) -> FeedbackResults:
    """Give inputs a status, an official update, or both; one result per input and part."""
    return feedback().give_feedback(ctx.tenant, ctx.principal, body)


@api_route(
    bp,
    "/manage/inputs/move",
    "POST",
    body=MoveRequest,
    response=MoveResults,
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def move_inputs(ctx: RequestContext, body: MoveRequest) -> MoveResults:
    """Move or copy inputs to another ideation phase of their project, votes kept or reset."""
    return moves().move(ctx.tenant, ctx.principal, body)


@api_route(
    bp,
    "/manage/collaborators",
    query=CollaboratorQuery,
    response=CollaboratorList,
    auth="user",
    tags=TAGS,
    errors=ERRORS,
)
def list_collaborators(ctx: RequestContext, query: CollaboratorQuery) -> CollaboratorList:
    """Who inputs of a project can be assigned to: its managers and the admins."""
    return assignments().collaborators(ctx.tenant, ctx.principal, query.project)
