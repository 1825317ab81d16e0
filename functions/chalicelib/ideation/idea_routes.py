"""Idea routes: a phase's list and pins, posting, the idea page, edits and status."""

from __future__ import annotations

from chalicelib.api import ApiResponse, RequestContext, api_route
from chalicelib.ideation.blueprint import bp
from chalicelib.ideation.wiring import ideas, input_forms
from shared.db.pagination import Page
from shared.ideation.forms import InputForm
from shared.ideation.schemas import (
    Idea,
    IdeaCard,
    IdeaCreate,
    IdeaFilterQuery,
    IdeaListQuery,
    IdeaPins,
    IdeaUpdate,
    StatusChange,
)

TAGS = ("ideas",)
PHASE = "/projects/{project_id}/phases/{phase_id}"


@api_route(
    bp,
    "/projects/{project_id}/input-form",
    response=InputForm,
    tags=TAGS,
    errors=(404,),
    auth="content",
)
def get_input_form(ctx: RequestContext, project_id: str) -> InputForm:
    """The form residents fill in to post an idea in this project (id or slug)."""
    return input_forms().get(ctx.tenant, ctx.principal, project_id)


@api_route(
    bp,
    "/projects/{project_id}/input-form",
    "PUT",
    body=InputForm,
    response=InputForm,
    auth="user",
    tags=TAGS,
    errors=(403, 404),
)
def put_input_form(ctx: RequestContext, project_id: str, body: InputForm) -> InputForm:
    """Replace the project's idea form (project managers)."""
    return input_forms().put(ctx.tenant, ctx.principal, project_id, body)


@api_route(
    bp,
    PHASE + "/ideas",
    query=IdeaListQuery,
    response=Page[IdeaCard],
    tags=TAGS,
    errors=(404,),
    auth="content",
)
def list_ideas(
    ctx: RequestContext, project_id: str, phase_id: str, query: IdeaListQuery
) -> Page[IdeaCard]:
    """A page of the phase's ideas: sorted, filtered by topic and status, searched."""
    return ideas().list_ideas(ctx.tenant, ctx.principal, project_id, phase_id, query)


@api_route(
    bp,
    PHASE + "/idea-pins",
    query=IdeaFilterQuery,
    response=IdeaPins,
    tags=TAGS,
    errors=(404,),
    auth="content",
)
def list_idea_pins(
    ctx: RequestContext, project_id: str, phase_id: str, query: IdeaFilterQuery
) -> IdeaPins:
    """The phase's located ideas for the map, filtered like the list (topic, status, search)."""
    return ideas().pins(ctx.tenant, ctx.principal, project_id, phase_id, query)


@api_route(
    bp,
    PHASE + "/ideas",
    "POST",
    body=IdeaCreate,
    response=Idea,
    status=201,
    auth="user",
    tags=TAGS,
    errors=(403, 404),
)
def create_idea(
    ctx: RequestContext, project_id: str, phase_id: str, body: IdeaCreate
) -> ApiResponse:
    """Post an idea in an open ideation phase that accepts ideas."""
    idea = ideas().create(ctx.tenant, ctx.principal, project_id, phase_id, body, ctx.locale)
    return ApiResponse(idea, status=201)


@api_route(bp, "/ideas/{idea_id}", response=Idea, tags=TAGS, errors=(404,), auth="content")
def get_idea(ctx: RequestContext, idea_id: str) -> Idea:
    """An idea with its counts, the viewer's reaction and what the viewer may do."""
    return ideas().get(ctx.tenant, ctx.principal, idea_id)


@api_route(
    bp,
    "/ideas/{idea_id}",
    "PATCH",
    body=IdeaUpdate,
    response=Idea,
    auth="user",
    tags=TAGS,
    errors=(403, 404),
)
def update_idea(ctx: RequestContext, idea_id: str, body: IdeaUpdate) -> Idea:
    """Change an idea (its author while the phase allows posting; managers always)."""
    return ideas().update(ctx.tenant, ctx.principal, idea_id, body, ctx.locale)


@api_route(bp, "/ideas/{idea_id}", "DELETE", auth="user", tags=TAGS, errors=(403, 404))
def delete_idea(ctx: RequestContext, idea_id: str) -> None:
    """Delete an idea and its files (its author while the phase allows; managers)."""
    ideas().delete(ctx.tenant, ctx.principal, idea_id)


@api_route(
    bp,
    "/ideas/{idea_id}/status",
    "PUT",
    body=StatusChange,
    response=Idea,
    auth="user",
    tags=TAGS,
    errors=(403, 404),
)
def set_idea_status(ctx: RequestContext, idea_id: str, body: StatusChange) -> Idea:
    """Give the idea a status (moderators and managers); followers are notified."""
    return ideas().set_status(ctx.tenant, ctx.principal, idea_id, body)
