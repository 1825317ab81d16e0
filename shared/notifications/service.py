"""Follows, the inbox and email preferences, as the API offers them to residents."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from shared.db.pagination import Page
from shared.errors import NotFoundError
from shared.identity.directory import PublicProfile, UserDirectory
from shared.mail.contract import NotificationType
from shared.notifications.models import NotificationRecord
from shared.notifications.repository import NotificationsRepository
from shared.notifications.schemas import (
    EmailPreferences,
    FollowState,
    Notification,
    NotificationPreferences,
    NotificationTarget,
    UnreadCount,
    UnsubscribeResult,
)
from shared.notifications.tokens import UnsubscribeTokens
from shared.participation.targets import Targets
from shared.permissions import AccessRule, Action, Principal, Reason, Resource, authorize, can
from shared.tenancy.context import TenantContext

Clock = Callable[[], datetime]
_NOTIFICATION_ID = re.compile(r"^[0-9a-f]{32}$")


_NOT_YET = frozenset({Reason.NOT_SIGNED_IN, Reason.EMAIL_NOT_CONFIRMED, Reason.NOT_VERIFIED})


def _now() -> datetime:
    return datetime.now(UTC)


def _user(principal: Principal) -> str:
    assert principal.user_id is not None  # authorize() refused anonymous callers already
    return principal.user_id


class FollowService:
    """Follow and unfollow targets of any registered kind (policy ``FOLLOW``)."""

    def __init__(
        self,
        targets: Targets,
        clock: Clock = _now,
        rule: Callable[[TenantContext], AccessRule] | None = None,
    ) -> None:
        self._targets = targets
        self._clock = clock
        self._rule = rule

    def _resource(self, tenant: TenantContext, resource: Resource) -> Resource:
        """The target as the policy sees it, with the platform's rule on who may follow."""
        return replace(resource, rule=self._rule(tenant)) if self._rule else resource

    def _authorized(
        self, tenant: TenantContext, principal: Principal, kind: str, target_id: str
    ) -> str:
        target = self._targets.resolve(tenant, kind, target_id)
        authorize(principal, Action.FOLLOW, self._resource(tenant, target.resource))
        return _user(principal)

    def state(
        self, tenant: TenantContext, principal: Principal, kind: str, target_id: str
    ) -> FollowState:
        """Whether the caller follows the target; visitors follow nothing (but 404 stays 404)."""
        target = self._targets.resolve(tenant, kind, target_id)
        resource = self._resource(tenant, target.resource)
        decision = can(principal, Action.FOLLOW, resource)
        if not decision and decision.reason in _NOT_YET:
            # Visitors, and residents the platform's rule does not admit yet, follow nothing.
            return FollowState(following=False)
        authorize(principal, Action.FOLLOW, resource)
        record = NotificationsRepository(tenant).get_follow(_user(principal), kind, target_id)
        return FollowState(following=bool(record and record.following))

    def set_following(
        self,
        tenant: TenantContext,
        principal: Principal,
        kind: str,
        target_id: str,
        following: bool,
    ) -> FollowState:
        """Follow, or unfollow for good: an explicit unfollow is remembered and wins."""
        user_id = self._authorized(tenant, principal, kind, target_id)
        NotificationsRepository(tenant).set_follow(
            user_id, kind, target_id, following, self._clock()
        )
        return FollowState(following=following)

    def my_follows(
        self, tenant: TenantContext, principal: Principal, cursor: str | None, limit: int
    ) -> Page[NotificationTarget]:
        """The targets the caller follows that still exist."""
        authorize(principal, Action.NOTIFICATIONS_READ, _own(tenant, principal))
        records, next_cursor = NotificationsRepository(tenant).follows_page(
            _user(principal), cursor, limit
        )
        items = []
        for record in records:
            target = self._targets.find(tenant, record.target_kind, record.target_id)
            if target is not None and can(principal, Action.FOLLOW, target.resource):
                items.append(
                    NotificationTarget(
                        kind=target.kind, id=target.id, title=target.title, path=target.path
                    )
                )
        return Page[NotificationTarget](items=items, next_cursor=next_cursor)


def _own(tenant: TenantContext, principal: Principal) -> Resource:
    return Resource(tenant_id=tenant.tenant_id, owner_id=principal.user_id)


def preferences_from(email_off: list[str] | set[str]) -> EmailPreferences:
    return EmailPreferences(
        **{kind.value: kind.value not in email_off for kind in NotificationType}
    )


class InboxService:
    """A resident's notifications, unread count, read marks and email preferences."""

    def __init__(
        self, directory: UserDirectory, tokens: UnsubscribeTokens, clock: Clock = _now
    ) -> None:
        self._directory = directory
        self._tokens = tokens
        self._clock = clock

    def _reader(self, tenant: TenantContext, principal: Principal) -> str:
        authorize(principal, Action.NOTIFICATIONS_READ, _own(tenant, principal))
        return _user(principal)

    def notifications(
        self, tenant: TenantContext, principal: Principal, cursor: str | None, limit: int
    ) -> Page[Notification]:
        """The caller's notifications, newest first."""
        user_id = self._reader(tenant, principal)
        records, next_cursor = NotificationsRepository(tenant).notifications_page(
            user_id, cursor, limit
        )
        actors = self._directory.profiles(tenant, [r.actor_id for r in records if r.actor_id])
        items = [self._notification(r, actors) for r in records]
        return Page[Notification](items=items, next_cursor=next_cursor)

    @staticmethod
    def _notification(record: NotificationRecord, actors: dict[str, PublicProfile]) -> Notification:
        actor = actors.get(record.actor_id) if record.actor_id else None
        return Notification.model_validate(
            {
                "id": record.notification_id,
                "type": record.type,
                "read": bool(record.read),
                "created_at": record.created_at,
                "actor": actor,
                "target": {
                    "kind": record.target_kind,
                    "id": record.target_id,
                    "title": record.target_title or {},
                    "path": record.target_path,
                },
                "excerpt": record.excerpt,
            }
        )

    def unread_count(self, tenant: TenantContext, principal: Principal) -> UnreadCount:
        user_id = self._reader(tenant, principal)
        return UnreadCount(count=NotificationsRepository(tenant).unread_count(user_id))

    def mark_read(self, tenant: TenantContext, principal: Principal, notification_id: str) -> None:
        """Mark one of the caller's notifications read (404 for anyone else's)."""
        user_id = self._reader(tenant, principal)
        if not _NOTIFICATION_ID.match(notification_id) or not NotificationsRepository(
            tenant
        ).mark_read(user_id, notification_id):
            raise NotFoundError(code="notification_not_found")

    def mark_all_read(self, tenant: TenantContext, principal: Principal) -> UnreadCount:
        user_id = self._reader(tenant, principal)
        repository = NotificationsRepository(tenant)
        for notification_id in list(repository.unread_ids(user_id)):
            repository.mark_read(user_id, notification_id)
        return UnreadCount(count=repository.unread_count(user_id))

    def preferences(self, tenant: TenantContext, principal: Principal) -> NotificationPreferences:
        authorize(principal, Action.PROFILE_READ, _own(tenant, principal))
        record = NotificationsRepository(tenant).get_preferences(_user(principal))
        return NotificationPreferences(email=preferences_from(record.email_off if record else []))

    def set_preferences(
        self, tenant: TenantContext, principal: Principal, change: NotificationPreferences
    ) -> NotificationPreferences:
        authorize(principal, Action.PROFILE_UPDATE, _own(tenant, principal))
        email = change.email.model_dump()
        off = sorted(kind for kind, enabled in email.items() if not enabled)
        NotificationsRepository(tenant).save_preferences(_user(principal), off, self._clock())
        return NotificationPreferences(email=preferences_from(off))

    def unsubscribe(self, tenant: TenantContext, token: str) -> UnsubscribeResult:
        """Turn off the emails of the token's type for its user (public, idempotent)."""
        grant = self._tokens.verify(token, tenant.tenant_id)
        repository = NotificationsRepository(tenant)
        if self._directory.recipients(tenant, [grant.user_id]):  # a deleted account keeps nothing
            repository.turn_off_email(grant.user_id, grant.type.value, self._clock())
        record = repository.get_preferences(grant.user_id)
        return UnsubscribeResult(
            type=grant.type, email=preferences_from(record.email_off if record else [])
        )
