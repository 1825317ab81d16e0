"""Attachment routes: files of a project (uploaded first through ``POST /uploads``)."""

from __future__ import annotations

from chalicelib.api import ApiResponse, RequestContext, api_route
from chalicelib.projects.blueprint import bp
from chalicelib.projects.service import projects
from shared.projects.schemas import Attachment, AttachmentCreate

TAGS = ("projects",)
ERRORS = (403, 404, 409)


@api_route(
    bp,
    "/projects/{project_id}/attachments",
    "POST",
    body=AttachmentCreate,
    response=Attachment,
    status=201,
    auth="user",
    tags=TAGS,
    errors=ERRORS,
)
def create_attachment(ctx: RequestContext, project_id: str, body: AttachmentCreate) -> ApiResponse:
    """Attach a confirmed `project_attachment` upload to the project."""
    attachment = projects().add_attachment(ctx.tenant, ctx.principal, project_id, body)
    return ApiResponse(attachment, status=201)


@api_route(
    bp,
    "/projects/{project_id}/attachments/{attachment_id}",
    "DELETE",
    auth="user",
    tags=TAGS,
    errors=ERRORS,
)
def delete_attachment(ctx: RequestContext, project_id: str, attachment_id: str) -> None:
    """Detach a file from the project and delete it."""
    projects().delete_attachment(ctx.tenant, ctx.principal, project_id, attachment_id)
