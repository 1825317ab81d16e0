"""Phase routes: a project's timeline, one participation method per phase."""

from __future__ import annotations

from chalicelib.api import ApiResponse, RequestContext, api_route
from chalicelib.projects.blueprint import bp
from chalicelib.projects.service import projects
from shared.projects.schemas import Phase, PhaseCreate, PhaseUpdate

TAGS = ("projects",)
ERRORS = (403, 404, 409)


@api_route(
    bp,
    "/projects/{project_id}/phases",
    "POST",
    body=PhaseCreate,
    response=Phase,
    status=201,
    auth="user",
    tags=TAGS,
    errors=ERRORS,
)
def create_phase(ctx: RequestContext, project_id: str, body: PhaseCreate) -> ApiResponse:
    """Add a phase; overlapping another phase is refused (422 `phase_overlap`)."""
    phase = projects().add_phase(ctx.tenant, ctx.principal, project_id, body)
    return ApiResponse(phase, status=201)


@api_route(
    bp,
    "/projects/{project_id}/phases/{phase_id}",
    "PATCH",
    body=PhaseUpdate,
    response=Phase,
    auth="user",
    tags=TAGS,
    errors=ERRORS,
)
def update_phase(ctx: RequestContext, project_id: str, phase_id: str, body: PhaseUpdate) -> Phase:
    """Change a phase's texts, dates, method or method settings."""
    return projects().update_phase(ctx.tenant, ctx.principal, project_id, phase_id, body)


@api_route(
    bp,
    "/projects/{project_id}/phases/{phase_id}",
    "DELETE",
    auth="user",
    tags=TAGS,
    errors=ERRORS,
)
def delete_phase(ctx: RequestContext, project_id: str, phase_id: str) -> None:
    """Remove a phase from the timeline."""
    projects().delete_phase(ctx.tenant, ctx.principal, project_id, phase_id)
