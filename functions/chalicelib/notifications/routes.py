"""Routes of follows, the notification centre, email preferences and unsubscribe."""

from __future__ import annotations

from chalicelib.api import RequestContext, api_route
from chalicelib.notifications import wiring
from chalicelib.notifications.blueprint import bp
from shared.db.pagination import Page
from shared.notifications.schemas import (
    FollowState,
    Notification,
    NotificationPageQuery,
    NotificationPreferences,
    NotificationTarget,
    UnreadCount,
    UnsubscribeQuery,
    UnsubscribeResult,
)

TAGS = ("notifications",)
FOLLOW = "/follows/{kind}/{target_id}"


@api_route(bp, FOLLOW, response=FollowState, tags=TAGS, errors=(404,), auth="content")
def get_follow(ctx: RequestContext, kind: str, target_id: str) -> FollowState:
    """Whether I follow this target (always false for visitors)."""
    return wiring.follows().state(ctx.tenant, ctx.principal, kind, target_id)


@api_route(bp, FOLLOW, "PUT", response=FollowState, auth="user", tags=TAGS, errors=(403, 404))
def follow_target(ctx: RequestContext, kind: str, target_id: str) -> FollowState:
    """Follow a target: its status changes and official updates reach me."""
    return wiring.follows().set_following(ctx.tenant, ctx.principal, kind, target_id, True)


@api_route(bp, FOLLOW, "DELETE", response=FollowState, auth="user", tags=TAGS, errors=(404,))
def unfollow_target(ctx: RequestContext, kind: str, target_id: str) -> FollowState:
    """Stop following; remembered, so commenting again does not follow it again."""
    return wiring.follows().set_following(ctx.tenant, ctx.principal, kind, target_id, False)


@api_route(
    bp,
    "/me/follows",
    query=NotificationPageQuery,
    response=Page[NotificationTarget],
    auth="user",
    tags=TAGS,
)
def list_my_follows(ctx: RequestContext, query: NotificationPageQuery) -> Page[NotificationTarget]:
    """The targets I follow."""
    return wiring.follows().my_follows(ctx.tenant, ctx.principal, query.cursor, query.limit)


@api_route(
    bp,
    "/me/notifications",
    query=NotificationPageQuery,
    response=Page[Notification],
    auth="user",
    tags=TAGS,
)
def list_my_notifications(ctx: RequestContext, query: NotificationPageQuery) -> Page[Notification]:
    """My notifications, newest first."""
    return wiring.inbox().notifications(ctx.tenant, ctx.principal, query.cursor, query.limit)


@api_route(bp, "/me/notifications/unread-count", response=UnreadCount, auth="user", tags=TAGS)
def count_unread_notifications(ctx: RequestContext) -> UnreadCount:
    """How many of my notifications are unread (up to 100)."""
    return wiring.inbox().unread_count(ctx.tenant, ctx.principal)


@api_route(
    bp,
    "/me/notifications/{notification_id}/read",
    "POST",
    status=204,
    auth="user",
    tags=TAGS,
    errors=(404,),
)
def mark_notification_read(ctx: RequestContext, notification_id: str) -> None:
    """Mark one of my notifications read."""
    wiring.inbox().mark_read(ctx.tenant, ctx.principal, notification_id)


@api_route(bp, "/me/notifications/read-all", "POST", response=UnreadCount, auth="user", tags=TAGS)
def mark_all_notifications_read(ctx: RequestContext) -> UnreadCount:
    """Mark all my notifications read; answers the unread count left (0)."""
    return wiring.inbox().mark_all_read(ctx.tenant, ctx.principal)


@api_route(
    bp,
    "/me/notification-preferences",
    response=NotificationPreferences,
    auth="user",
    tags=TAGS,
)
def get_notification_preferences(ctx: RequestContext) -> NotificationPreferences:
    """Which notifications I also get by email."""
    return wiring.inbox().preferences(ctx.tenant, ctx.principal)


@api_route(
    bp,
    "/me/notification-preferences",
    "PUT",
    body=NotificationPreferences,
    response=NotificationPreferences,
    auth="user",
    tags=TAGS,
)
def update_notification_preferences(
    ctx: RequestContext, body: NotificationPreferences
) -> NotificationPreferences:
    """Turn emails of each notification type on or off."""
    return wiring.inbox().set_preferences(ctx.tenant, ctx.principal, body)


@api_route(
    bp,
    "/notifications/unsubscribe",
    "POST",
    query=UnsubscribeQuery,
    response=UnsubscribeResult,
    tags=TAGS,
    errors=(422,),
)
def unsubscribe(ctx: RequestContext, query: UnsubscribeQuery) -> UnsubscribeResult:
    """One-click unsubscribe (RFC 8058) from one type of notification email."""
    return wiring.inbox().unsubscribe(ctx.tenant, query.token)
