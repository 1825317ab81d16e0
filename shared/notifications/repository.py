"""Data access of the ``notifications`` table, one method per access pattern."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from typing import Any

from pynamodb.exceptions import PutError, UpdateError

from shared.db.pagination import decode_cursor, encode_cursor
from shared.db.repository import TenantRepository
from shared.errors import FieldIssue, ValidationError
from shared.notifications.models import (
    KEEP_DAYS,
    FollowRecord,
    NotificationRecord,
    NotificationsItem,
    PreferencesRecord,
)

UNREAD_COUNT_CAP = 100
_CONDITION_FAILED = "ConditionalCheckFailedException"


def _condition_failed(error: Exception) -> bool:
    return getattr(error, "cause_response_code", None) == _CONDITION_FAILED


def _invalid_cursor() -> ValidationError:
    return ValidationError(
        issues=[FieldIssue("cursor", "invalid_cursor", "This page link is not valid any more.")]
    )


class NotificationsRepository(TenantRepository):
    """Follows, notifications and preferences of one platform."""

    # ---- keys --------------------------------------------------------------------------

    def user_pk(self, user_id: str) -> str:
        return self.key("USER", user_id)

    def followers_pk(self, kind: str, target_id: str) -> str:
        return self.key("FOLLOWERS", kind, target_id)

    def unread_pk(self, user_id: str) -> str:
        return self.key("UNREAD", user_id)

    @staticmethod
    def follow_sk(kind: str, target_id: str) -> str:
        return f"FOLLOW#{kind}#{target_id}"

    # ---- follows -----------------------------------------------------------------------

    def get_follow(self, user_id: str, kind: str, target_id: str) -> FollowRecord | None:
        try:
            item = NotificationsItem.get(self.user_pk(user_id), self.follow_sk(kind, target_id))
        except NotificationsItem.DoesNotExist:
            return None
        return self.check(item) if isinstance(item, FollowRecord) else None

    def _follow(
        self, user_id: str, kind: str, target_id: str, following: bool, source: str, now: datetime
    ) -> FollowRecord:
        record = FollowRecord(
            self.user_pk(user_id),
            self.follow_sk(kind, target_id),
            user_id=user_id,
            target_kind=kind,
            target_id=target_id,
            following=following,
            source=source,
            updated_at=now,
        )
        if following:
            record.gsi1pk = self.followers_pk(kind, target_id)
            record.gsi1sk = f"USER#{user_id}"
        return record

    def set_follow(
        self, user_id: str, kind: str, target_id: str, following: bool, now: datetime
    ) -> None:
        """The person's own choice: follow, or unfollow and remember it."""
        self._follow(user_id, kind, target_id, following, "user", now).save()

    def auto_follow(self, user_id: str, kind: str, target_id: str, now: datetime) -> bool:
        """Follow unless any follow item exists (an explicit unfollow wins); True if new."""
        record = self._follow(user_id, kind, target_id, True, "auto", now)
        try:
            record.save(condition=NotificationsItem.pk.does_not_exist())
        except PutError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def followers(self, kind: str, target_id: str) -> list[str]:
        """Ids of the active followers of a target."""
        return [
            self.check(item).user_id
            for item in NotificationsItem.followers.query(self.followers_pk(kind, target_id))
        ]

    def follows_page(
        self, user_id: str, cursor: str | None, limit: int
    ) -> tuple[list[FollowRecord], str | None]:
        """A page of the targets a user actively follows."""
        rows, next_cursor = self._user_page(
            user_id,
            "FOLLOW#",
            cursor,
            limit,
            filter_condition=FollowRecord.following == True,  # noqa: E712 - a DynamoDB condition
        )
        return [r for r in rows if isinstance(r, FollowRecord)], next_cursor

    # ---- notifications -----------------------------------------------------------------

    def add_notification(self, record: NotificationRecord) -> bool:
        """Store a new notification; False when this (event, recipient) exists already."""
        self.check(record)
        record.gsi2pk = self.unread_pk(record.user_id)
        record.gsi2sk = record.notification_id
        if record.actor_id:
            record.gsi3pk = self.key("ACTOR", record.actor_id)
            record.gsi3sk = record.notification_id
        record.read = False
        record.expires = record.created_at + timedelta(days=KEEP_DAYS)
        try:
            record.save(condition=NotificationsItem.pk.does_not_exist())
        except PutError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def new_notification(
        self, user_id: str, notification_id: str, **fields: Any
    ) -> NotificationRecord:
        return NotificationRecord(
            self.user_pk(user_id),
            f"NOTIF#{notification_id}",
            user_id=user_id,
            notification_id=notification_id,
            **fields,
        )

    def notifications_page(
        self, user_id: str, cursor: str | None, limit: int
    ) -> tuple[list[NotificationRecord], str | None]:
        """Newest first."""
        rows, next_cursor = self._user_page(user_id, "NOTIF#", cursor, limit, forward=False)
        return [r for r in rows if isinstance(r, NotificationRecord)], next_cursor

    def unread_count(self, user_id: str, cap: int = UNREAD_COUNT_CAP) -> int:
        """Unread notifications, counted up to ``cap`` (the bell shows "99+")."""
        return min(NotificationsItem.unread.count(self.unread_pk(user_id), limit=cap), cap)

    def mark_read(self, user_id: str, notification_id: str) -> bool:
        """Mark one notification read; False when the user has no such notification."""
        item = NotificationRecord(self.user_pk(user_id), f"NOTIF#{notification_id}")
        try:
            item.update(
                actions=[
                    NotificationRecord.read.set(True),
                    NotificationRecord.gsi2pk.remove(),
                    NotificationRecord.gsi2sk.remove(),
                ],
                condition=NotificationsItem.pk.exists(),
            )
        except UpdateError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def unread_ids(self, user_id: str) -> Iterator[str]:
        for item in NotificationsItem.unread.query(self.unread_pk(user_id)):
            yield self.check(item).sk.removeprefix("NOTIF#")

    # ---- preferences -------------------------------------------------------------------

    def get_preferences(self, user_id: str) -> PreferencesRecord | None:
        try:
            item = NotificationsItem.get(self.user_pk(user_id), "PREFS")
        except NotificationsItem.DoesNotExist:
            return None
        return self.check(item) if isinstance(item, PreferencesRecord) else None

    def preferences_of(self, user_ids: Iterable[str]) -> dict[str, PreferencesRecord]:
        keys = [(self.user_pk(u), "PREFS") for u in sorted(set(user_ids))]
        found: dict[str, PreferencesRecord] = {}
        for start in range(0, len(keys), 100):
            for item in NotificationsItem.batch_get(keys[start : start + 100]):
                if isinstance(item, PreferencesRecord):
                    found[self.check(item).user_id] = item
        return found

    def save_preferences(
        self, user_id: str, email_off: list[str], now: datetime
    ) -> PreferencesRecord:
        record = PreferencesRecord(
            self.user_pk(user_id), "PREFS", user_id=user_id, email_off=email_off, updated_at=now
        )
        record.save()
        return record

    def turn_off_email(self, user_id: str, kind: str, now: datetime) -> None:
        """Add one type to the turned-off list (idempotent: a second call changes nothing)."""
        current = self.get_preferences(user_id)
        off = list(current.email_off) if current else []
        if kind not in off:
            self.save_preferences(user_id, sorted([*off, kind]), now)

    # ---- paging ------------------------------------------------------------------------

    def every_item(self, user_id: str) -> list[NotificationsItem]:
        """Everything of one user: follows, notifications and preferences (their partition)."""
        return [self.check(item) for item in NotificationsItem.query(self.user_pk(user_id))]

    def erase_user(self, user_id: str) -> int:
        """Delete the user's whole partition (account erasure); return how many items went."""
        items = self.every_item(user_id)
        with NotificationsItem.batch_write() as batch:
            for item in items:
                batch.delete(item)
        return len(items)

    def caused_by(self, actor_id: str) -> list[NotificationRecord]:
        """The notifications ``actor_id`` caused, in anyone's inbox."""
        return [
            self.check(item)
            for item in NotificationsItem.by_actor.query(self.key("ACTOR", actor_id))
            if isinstance(item, NotificationRecord)
        ]

    def forget_actor(self, record: NotificationRecord, *, keep_text: bool) -> None:
        """Cut a notification from the (deleted) person who caused it; without
        ``keep_text`` also drop what it quoted (their words, the title of their idea)."""
        actions: list[Any] = [
            NotificationRecord.actor_id.remove(),
            NotificationRecord.gsi3pk.remove(),
            NotificationRecord.gsi3sk.remove(),
        ]
        if not keep_text:
            actions += [
                NotificationRecord.excerpt.remove(),
                NotificationRecord.target_title.set({}),
            ]
        try:
            record.update(actions=actions, condition=NotificationRecord.pk.exists())
        except UpdateError as error:
            if not _condition_failed(error):
                raise

    def _user_page(
        self,
        user_id: str,
        prefix: str,
        cursor: str | None,
        limit: int,
        *,
        forward: bool = True,
        filter_condition: Any = None,
    ) -> tuple[list[NotificationsItem], str | None]:
        pk = self.user_pk(user_id)
        start = decode_cursor(cursor, self.tenant)
        if start is not None and (
            set(start) != {"pk", "sk"}
            or start["pk"] != {"S": pk}
            or not str(start["sk"].get("S", "")).startswith(prefix)
        ):
            raise _invalid_cursor()
        rows: list[NotificationsItem] = []
        results = NotificationsItem.query(
            pk,
            NotificationsItem.sk.startswith(prefix),
            filter_condition=filter_condition,
            scan_index_forward=forward,
            last_evaluated_key=start,
            page_size=limit + 1,
        )
        for item in results:
            rows.append(self.check(item))
            if len(rows) > limit:
                break
        if len(rows) <= limit:
            return rows, None
        last = rows[limit - 1]
        return rows[:limit], encode_cursor({"pk": {"S": last.pk}, "sk": {"S": last.sk}})
