"""Routes of the input manager's exports: ask for one, follow it, download it."""

from __future__ import annotations

from chalicelib.api import ApiResponse, RequestContext, api_route
from chalicelib.exports import wiring
from chalicelib.exports.blueprint import bp
from shared.exports import ExportJob, ExportJobList, ExportRequest

TAGS = ("exports",)


@api_route(
    bp,
    "/manage/exports",
    "POST",
    body=ExportRequest,
    response=ExportJob,
    status=202,
    auth="user",
    tags=TAGS,
    errors=(403, 409, 422),
)
def create_export(ctx: RequestContext, body: ExportRequest) -> ApiResponse:
    """Export the input manager's rows that match the filters to an XLSX or CSV file."""
    job = wiring.exports().request(ctx.tenant, ctx.principal, body)
    return ApiResponse(body=job, status=202)


@api_route(bp, "/manage/exports", response=ExportJobList, auth="user", tags=TAGS, errors=(403,))
def list_my_exports(ctx: RequestContext) -> ExportJobList:
    """My most recent exports, newest first."""
    return wiring.exports().recent(ctx.tenant, ctx.principal)


@api_route(
    bp,
    "/manage/exports/{export_id}",
    response=ExportJob,
    auth="user",
    tags=TAGS,
    errors=(403, 404),
)
def get_export(ctx: RequestContext, export_id: str) -> ExportJob:
    """One of my exports; once done, with a download link valid for 15 minutes."""
    return wiring.exports().get(ctx.tenant, ctx.principal, export_id)
