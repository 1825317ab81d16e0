"""Folder routes: the public list and page, and the admin operations."""

from __future__ import annotations

from chalicelib.api import ApiResponse, RequestContext, api_route
from chalicelib.projects.blueprint import bp
from chalicelib.projects.service import projects
from shared.db.pagination import Page
from shared.projects.schemas import (
    Folder,
    FolderCreate,
    FolderListQuery,
    FolderSummary,
    FolderUpdate,
    Reorder,
)

TAGS = ("folders",)
ADMIN_ERRORS = (403, 404, 409)


@api_route(
    bp, "/folders", query=FolderListQuery, response=Page[FolderSummary], tags=TAGS, auth="content"
)
def list_folders(ctx: RequestContext, query: FolderListQuery) -> Page[FolderSummary]:
    """Published and archived folders, by position."""
    return projects().list_folders(ctx.tenant, ctx.principal, query)


@api_route(
    bp,
    "/admin/folders",
    query=FolderListQuery,
    response=Page[FolderSummary],
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def admin_list_folders(ctx: RequestContext, query: FolderListQuery) -> Page[FolderSummary]:
    """Folders in every status (admins; folder managers see theirs)."""
    return projects().admin_list_folders(ctx.tenant, ctx.principal, query)


@api_route(
    bp,
    "/folders",
    "POST",
    body=FolderCreate,
    response=Folder,
    status=201,
    auth="user",
    tags=TAGS,
    errors=(403, 409),
)
def create_folder(ctx: RequestContext, body: FolderCreate) -> ApiResponse:
    """Create a draft folder (admins)."""
    return ApiResponse(projects().create_folder(ctx.tenant, ctx.principal, body), status=201)


@api_route(bp, "/folders/order", "PUT", body=Reorder, auth="user", tags=TAGS, errors=(403,))
def reorder_folders(ctx: RequestContext, body: Reorder) -> None:
    """Set the order of the folders (admins); unknown ids are refused."""
    projects().reorder_folders(ctx.tenant, ctx.principal, body)


@api_route(bp, "/folders/{folder_id}", response=Folder, tags=TAGS, errors=(404,), auth="content")
def get_folder(ctx: RequestContext, folder_id: str) -> Folder:
    """A folder by id or slug, with the projects in it the viewer may see."""
    return projects().get_folder(ctx.tenant, ctx.principal, folder_id)


@api_route(
    bp,
    "/folders/{folder_id}",
    "PATCH",
    body=FolderUpdate,
    response=Folder,
    auth="user",
    tags=TAGS,
    errors=ADMIN_ERRORS,
)
def update_folder(ctx: RequestContext, folder_id: str, body: FolderUpdate) -> Folder:
    """Change a folder's title, description, slug or header image."""
    return projects().update_folder(ctx.tenant, ctx.principal, folder_id, body)


@api_route(bp, "/folders/{folder_id}", "DELETE", auth="user", tags=TAGS, errors=ADMIN_ERRORS)
def delete_folder(ctx: RequestContext, folder_id: str) -> None:
    """Delete an empty draft folder."""
    projects().delete_folder(ctx.tenant, ctx.principal, folder_id)


@api_route(
    bp,
    "/folders/{folder_id}/publish",
    "POST",
    response=Folder,
    auth="user",
    tags=TAGS,
    errors=ADMIN_ERRORS,
)
def publish_folder(ctx: RequestContext, folder_id: str) -> Folder:
    """Publish a draft folder."""
    return projects().publish_folder(ctx.tenant, ctx.principal, folder_id)


@api_route(
    bp,
    "/folders/{folder_id}/unpublish",
    "POST",
    response=Folder,
    auth="user",
    tags=TAGS,
    errors=ADMIN_ERRORS,
)
def unpublish_folder(ctx: RequestContext, folder_id: str) -> Folder:
    """Return a published folder to draft."""
    return projects().unpublish_folder(ctx.tenant, ctx.principal, folder_id)


@api_route(
    bp,
    "/folders/{folder_id}/archive",
    "POST",
    response=Folder,
    auth="user",
    tags=TAGS,
    errors=ADMIN_ERRORS,
)
def archive_folder(ctx: RequestContext, folder_id: str) -> Folder:
    """Archive a folder: residents can still read it."""
    return projects().archive_folder(ctx.tenant, ctx.principal, folder_id)
