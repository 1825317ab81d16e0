"""The input manager's table: every input the viewer handles, across projects."""

from __future__ import annotations

from chalicelib.api import RequestContext, api_route
from chalicelib.inputs.blueprint import bp
from chalicelib.inputs.wiring import listing
from shared.db.pagination import Page
from shared.inputs.schemas import InputQuery, InputRow

TAGS = ("input manager",)


@api_route(
    bp,
    "/manage/inputs",
    query=InputQuery,
    response=Page[InputRow],
    auth="user",
    tags=TAGS,
    errors=(403, 404),
)
def list_inputs(ctx: RequestContext, query: InputQuery) -> Page[InputRow]:
    """A page of the inputs the viewer handles: filtered, sorted, searched."""
    return listing().page(ctx.tenant, ctx.principal, query)
