"""Project routes: the public list and page, and the admin operations."""

from __future__ import annotations

from chalicelib.api import ApiResponse, RequestContext, api_route
from chalicelib.projects.blueprint import bp
from chalicelib.projects.service import projects
from shared.db.pagination import Page
from shared.projects.schemas import (
    AdminProjectListQuery,
    Project,
    ProjectCreate,
    ProjectListQuery,
    ProjectSummary,
    ProjectUpdate,
    Reorder,
)

TAGS = ("projects",)
ADMIN_ERRORS = (403, 404, 409)


@api_route(
    bp,
    "/projects",
    query=ProjectListQuery,
    response=Page[ProjectSummary],
    tags=TAGS,
    auth="content",
)
def list_projects(ctx: RequestContext, query: ProjectListQuery) -> Page[ProjectSummary]:
    """Published and archived projects, by position; optionally of one folder."""
    return projects().list_projects(ctx.tenant, ctx.principal, query)


@api_route(
    bp,
    "/admin/projects",
    query=AdminProjectListQuery,
    response=Page[ProjectSummary],
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def admin_list_projects(ctx: RequestContext, query: AdminProjectListQuery) -> Page[ProjectSummary]:
    """Projects in every status (admins; managers see the projects they manage)."""
    return projects().admin_list_projects(ctx.tenant, ctx.principal, query)


@api_route(
    bp,
    "/projects",
    "POST",
    body=ProjectCreate,
    response=Project,
    status=201,
    auth="user",
    tags=TAGS,
    errors=(403, 409),
)
def create_project(ctx: RequestContext, body: ProjectCreate) -> ApiResponse:
    """Create a draft project (admins)."""
    return ApiResponse(projects().create_project(ctx.tenant, ctx.principal, body), status=201)


@api_route(bp, "/projects/order", "PUT", body=Reorder, auth="user", tags=TAGS, errors=(403,))
def reorder_projects(ctx: RequestContext, body: Reorder) -> None:
    """Set the order of the projects of one folder, or of those outside folders."""
    projects().reorder_projects(ctx.tenant, ctx.principal, body)


@api_route(bp, "/projects/{project_id}", response=Project, tags=TAGS, errors=(404,), auth="content")
def get_project(ctx: RequestContext, project_id: str) -> Project:
    """A project by id or slug, with its timeline, current phase and files."""
    return projects().get_project(ctx.tenant, ctx.principal, project_id)


@api_route(
    bp,
    "/projects/{project_id}",
    "PATCH",
    body=ProjectUpdate,
    response=Project,
    auth="user",
    tags=TAGS,
    errors=ADMIN_ERRORS,
)
def update_project(ctx: RequestContext, project_id: str, body: ProjectUpdate) -> Project:
    """Change a project's texts, slug, folder, visibility or header image."""
    return projects().update_project(ctx.tenant, ctx.principal, project_id, body)


@api_route(bp, "/projects/{project_id}", "DELETE", auth="user", tags=TAGS, errors=ADMIN_ERRORS)
def delete_project(ctx: RequestContext, project_id: str) -> None:
    """Delete a draft project with its phases and files."""
    projects().delete_project(ctx.tenant, ctx.principal, project_id)


@api_route(
    bp,
    "/projects/{project_id}/publish",
    "POST",
    response=Project,
    auth="user",
    tags=TAGS,
    errors=ADMIN_ERRORS,
)
def publish_project(ctx: RequestContext, project_id: str) -> Project:
    """Publish a draft project."""
    return projects().publish_project(ctx.tenant, ctx.principal, project_id)


@api_route(
    bp,
    "/projects/{project_id}/unpublish",
    "POST",
    response=Project,
    auth="user",
    tags=TAGS,
    errors=ADMIN_ERRORS,
)
def unpublish_project(ctx: RequestContext, project_id: str) -> Project:
    """Return a published project to draft."""
    return projects().unpublish_project(ctx.tenant, ctx.principal, project_id)


@api_route(
    bp,
    "/projects/{project_id}/archive",
    "POST",
    response=Project,
    auth="user",
    tags=TAGS,
    errors=ADMIN_ERRORS,
)
def archive_project(ctx: RequestContext, project_id: str) -> Project:
    """Archive a project: residents can still read it, marked as archived."""
    return projects().archive_project(ctx.tenant, ctx.principal, project_id)
