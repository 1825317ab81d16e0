"""Comment routes: threads on an idea, replies, edits, soft deletion, likes and mentions."""

from __future__ import annotations

from chalicelib.api import ApiResponse, RequestContext, api_route
from chalicelib.discussion.blueprint import bp
from chalicelib.discussion.wiring import comments
from shared.db.pagination import Page
from shared.discussion.schemas import (
    Comment,
    CommentCreate,
    CommentLikeState,
    CommentListQuery,
    CommentThread,
    CommentUpdate,
    MentionCandidates,
    MentionQuery,
)

TAGS = ("comments",)
IDEA = "idea"
WRITE_ERRORS = (403, 404, 409)


@api_route(
    bp,
    "/ideas/{idea_id}/comments",
    query=CommentListQuery,
    response=Page[CommentThread],
    tags=TAGS,
    errors=(404,),
    auth="content",
)
def list_idea_comments(
    ctx: RequestContext, idea_id: str, query: CommentListQuery
) -> Page[CommentThread]:
    """The threads of an idea, newest or most liked first, each with its replies oldest first."""
    return comments().list_threads(ctx.tenant, ctx.principal, IDEA, idea_id, query)


@api_route(
    bp,
    "/ideas/{idea_id}/comments",
    "POST",
    body=CommentCreate,
    response=Comment,
    status=201,
    auth="user",
    tags=TAGS,
    errors=WRITE_ERRORS,
)
def post_idea_comment(ctx: RequestContext, idea_id: str, body: CommentCreate) -> ApiResponse:
    """Comment on an idea, or answer a comment with `parent_id`."""
    comment = comments().post_comment(ctx.tenant, ctx.principal, IDEA, idea_id, body)
    return ApiResponse(comment, status=201)


@api_route(
    bp,
    "/comments/{comment_id}",
    "PATCH",
    body=CommentUpdate,
    response=Comment,
    auth="user",
    tags=TAGS,
    errors=WRITE_ERRORS,
)
def edit_comment(ctx: RequestContext, comment_id: str, body: CommentUpdate) -> Comment:
    """Change the text of one's own comment."""
    return comments().edit_comment(ctx.tenant, ctx.principal, comment_id, body)


@api_route(bp, "/comments/{comment_id}", "DELETE", auth="user", tags=TAGS, errors=(403, 404))
def delete_comment(ctx: RequestContext, comment_id: str) -> None:
    """Delete a comment (its author or a moderator); its thread and replies stay."""
    comments().delete_comment(ctx.tenant, ctx.principal, comment_id)


@api_route(
    bp,
    "/comments/{comment_id}/like",
    "PUT",
    response=CommentLikeState,
    auth="user",
    tags=TAGS,
    errors=WRITE_ERRORS,
)
def like_comment(ctx: RequestContext, comment_id: str) -> CommentLikeState:
    """Like a comment (once; liking again changes nothing)."""
    return comments().like_comment(ctx.tenant, ctx.principal, comment_id)


@api_route(
    bp,
    "/comments/{comment_id}/like",
    "DELETE",
    response=CommentLikeState,
    auth="user",
    tags=TAGS,
    errors=WRITE_ERRORS,
)
def unlike_comment(ctx: RequestContext, comment_id: str) -> CommentLikeState:
    """Take back one's like of a comment."""
    return comments().unlike_comment(ctx.tenant, ctx.principal, comment_id)


@api_route(bp, "/mentions", query=MentionQuery, response=MentionCandidates, auth="user", tags=TAGS)
def mention_candidates(ctx: RequestContext, query: MentionQuery) -> MentionCandidates:
    """People to mention: first or last names starting with `q` (two letters or more)."""
    return comments().mention_candidates(ctx.tenant, ctx.principal, query.q)
