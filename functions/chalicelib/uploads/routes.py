"""Route that issues presigned upload tickets."""

from __future__ import annotations

from chalice.app import Blueprint

from chalicelib import runtime
from chalicelib.api import ApiResponse, RequestContext, api_route
from shared.uploads import UploadTicket
from shared.uploads.service import UploadRequest

bp = Blueprint(__name__)


@api_route(
    bp,
    "/uploads",
    "POST",
    body=UploadRequest,
    response=UploadTicket,
    status=201,
    auth="user",
    tags=("uploads",),
)
def create_upload(ctx: RequestContext, body: UploadRequest) -> ApiResponse:
    """Get a presigned POST to upload one file straight to storage."""
    ticket = runtime.uploads().ticket(ctx.tenant, ctx.principal, body)
    return ApiResponse(ticket, status=201)
