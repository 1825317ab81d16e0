"""Topic and idea-status routes: public lists, admin changes."""

from __future__ import annotations

from chalicelib.api import ApiResponse, RequestContext, api_route
from chalicelib.ideation.blueprint import bp
from chalicelib.ideation.wiring import statuses, topics
from shared.ideation.schemas import (
    IdeaStatus,
    IdeaStatusCreate,
    IdeaStatusList,
    IdeaStatusUpdate,
    StatusOrder,
    Topic,
    TopicCreate,
    TopicList,
    TopicUpdate,
)

TAGS = ("ideas",)
ADMIN_ERRORS = (403, 404)


@api_route(bp, "/topics", response=TopicList, tags=TAGS, auth="content")
def list_topics(ctx: RequestContext) -> TopicList:
    """The platform's topics, by position."""
    return topics().list(ctx.tenant)


@api_route(
    bp,
    "/topics",
    "POST",
    body=TopicCreate,
    response=Topic,
    status=201,
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def create_topic(ctx: RequestContext, body: TopicCreate) -> ApiResponse:
    """Add a topic (admins); it goes last."""
    return ApiResponse(topics().create(ctx.tenant, ctx.principal, body), status=201)


@api_route(
    bp,
    "/topics/{topic_id}",
    "PATCH",
    body=TopicUpdate,
    response=Topic,
    auth="user",
    tags=TAGS,
    errors=ADMIN_ERRORS,
)
def update_topic(ctx: RequestContext, topic_id: str, body: TopicUpdate) -> Topic:
    """Rename, describe or move a topic (admins)."""
    return topics().update(ctx.tenant, ctx.principal, topic_id, body)


@api_route(bp, "/topics/{topic_id}", "DELETE", auth="user", tags=TAGS, errors=ADMIN_ERRORS)
def delete_topic(ctx: RequestContext, topic_id: str) -> None:
    """Delete a topic (admins)."""
    topics().delete(ctx.tenant, ctx.principal, topic_id)


@api_route(bp, "/idea-statuses", response=IdeaStatusList, tags=TAGS, auth="content")
def list_idea_statuses(ctx: RequestContext) -> IdeaStatusList:
    """The platform's idea statuses, by position (the five defaults on a new platform)."""
    return statuses().list(ctx.tenant)


@api_route(
    bp,
    "/idea-statuses",
    "POST",
    body=IdeaStatusCreate,
    response=IdeaStatus,
    status=201,
    auth="user",
    tags=TAGS,
    errors=(403, 409),
)
def create_idea_status(ctx: RequestContext, body: IdeaStatusCreate) -> ApiResponse:
    """Add an idea status (admins); its code must be new (409 `status_code_taken`)."""
    return ApiResponse(statuses().create(ctx.tenant, ctx.principal, body), status=201)


@api_route(
    bp,
    "/idea-statuses/order",
    "PUT",
    body=StatusOrder,
    response=IdeaStatusList,
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def reorder_idea_statuses(ctx: RequestContext, body: StatusOrder) -> IdeaStatusList:
    """Set the order of the idea statuses; list every status once (admins)."""
    return statuses().reorder(ctx.tenant, ctx.principal, body)


@api_route(
    bp,
    "/idea-statuses/{status_id}",
    "PATCH",
    body=IdeaStatusUpdate,
    response=IdeaStatus,
    auth="user",
    tags=TAGS,
    errors=ADMIN_ERRORS,
)
def update_idea_status(ctx: RequestContext, status_id: str, body: IdeaStatusUpdate) -> IdeaStatus:
    """Change a status's name, description or colour (admins)."""
    return statuses().update(ctx.tenant, ctx.principal, status_id, body)


@api_route(bp, "/idea-statuses/{status_id}", "DELETE", auth="user", tags=TAGS, errors=ADMIN_ERRORS)
def delete_idea_status(ctx: RequestContext, status_id: str) -> None:
    """Delete a status (admins); ideas that had it show none."""
    statuses().delete(ctx.tenant, ctx.principal, status_id)
