"""The moderation queue, a target's reports, and moderators' actions."""

from __future__ import annotations

from chalicelib.api import RequestContext, api_route
from chalicelib.moderation.blueprint import bp
from chalicelib.moderation.wiring import activity, moderation
from shared.db.pagination import Page
from shared.moderation.schemas import (
    ActionRequest,
    ActionResults,
    ActivityItem,
    ActivityQuery,
    ReportList,
    TargetKind,
)

TAGS = ("moderation",)


@api_route(
    bp,
    "/moderation/activity",
    query=ActivityQuery,
    response=Page[ActivityItem],
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def list_activity(ctx: RequestContext, query: ActivityQuery) -> Page[ActivityItem]:
    """New and reported inputs and comments of the projects the viewer moderates, newest first."""
    return activity().queue(ctx.tenant, ctx.principal, query)


@api_route(
    bp,
    "/moderation/activity/idea/{idea_id}/reports",
    response=ReportList,
    auth="user",
    tags=TAGS,
    errors=(403, 404),
)
def list_idea_reports(ctx: RequestContext, idea_id: str) -> ReportList:
    """Who reported an idea, why, and when (its moderators)."""
    return activity().reports(ctx.tenant, ctx.principal, TargetKind.IDEA, idea_id)


@api_route(
    bp,
    "/moderation/activity/comment/{comment_id}/reports",
    response=ReportList,
    auth="user",
    tags=TAGS,
    errors=(403, 404),
)
def list_comment_reports(ctx: RequestContext, comment_id: str) -> ReportList:
    """Who reported a comment, why, and when (its moderators)."""
    return activity().reports(ctx.tenant, ctx.principal, TargetKind.COMMENT, comment_id)


@api_route(
    bp,
    "/moderation/actions",
    "POST",
    body=ActionRequest,
    response=ActionResults,
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def moderate(ctx: RequestContext, body: ActionRequest) -> ActionResults:
    """Review, unreview, hide, restore or delete up to 100 items; one result per item."""
    return moderation().apply(ctx.tenant, ctx.principal, body)
