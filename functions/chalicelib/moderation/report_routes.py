"""Residents report inputs and comments (spam, inappropriate, other)."""

from __future__ import annotations

from chalicelib.api import ApiResponse, RequestContext, api_route
from chalicelib.moderation.blueprint import bp
from chalicelib.moderation.wiring import reports
from shared.moderation.schemas import Report, ReportCreate

TAGS = ("moderation",)


@api_route(
    bp,
    "/reports",
    "POST",
    body=ReportCreate,
    response=Report,
    status=201,
    auth="user",
    tags=TAGS,
    errors=(403, 404, 409),
)
def file_report(ctx: RequestContext, body: ReportCreate) -> ApiResponse:
    """Report an idea or a comment to its moderators (once per person and item)."""
    return ApiResponse(reports().file(ctx.tenant, ctx.principal, body), status=201)
