"""Data access of the discussion aggregate; one method per access pattern.

Every key is built through the repository's :class:`TenantContext`. Storage
outcomes that mean something to a resident (a like that already exists)
become return values, never exceptions matched by text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from pynamodb.exceptions import DeleteError, PutError, UpdateError
from pynamodb.expressions.update import Action

from shared.db.pagination import decode_cursor, encode_cursor
from shared.db.repository import TenantRepository
from shared.discussion.models import (
    CommentLikeRecord,
    CommentRecord,
    DiscussionItem,
    OfficialUpdateRecord,
)
from shared.errors import FieldIssue, ValidationError
from shared.identity.directory import FORMER_RESIDENT

_REF = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_INDEX_KEYS = {"by_target": "gsi1", "by_likes": "gsi2"}
LIKE_PREFIX = "LIKE#"


def is_ref(value: str | None) -> bool:
    """Ids are short tokens; anything else names no item (and never reaches a key)."""
    return bool(value) and bool(_REF.match(value or ""))


def sortable(moment: datetime) -> str:
    """A fixed-width UTC timestamp that sorts like the time it names."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def likes_key(likes: int, created_at: datetime, comment_id: str) -> str:
    return f"{likes:010d}#{sortable(created_at)}#{comment_id}"


def _condition_failed(error: Exception) -> bool:
    return getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException"


def _invalid_cursor() -> ValidationError:
    return ValidationError(
        issues=[FieldIssue("cursor", "invalid_cursor", "This page link is not valid any more.")]
    )


class DiscussionRepository(TenantRepository):
    """Comments, comment likes and official updates of one tenant."""

    # ---- keys ------------------------------------------------------------------------

    def comment_pk(self, comment_id: str) -> str:
        return self.key("COMMENT", comment_id)

    def comments_of(self, target_kind: str, target_id: str) -> str:
        return self.key("COMMENTS", target_kind, target_id)

    def update_pk(self, update_id: str) -> str:
        return self.key("UPDATE", update_id)

    def updates_of(self, target_kind: str, target_id: str) -> str:
        return self.key("UPDATES", target_kind, target_id)

    def index_comment(self, record: CommentRecord) -> None:
        """Set the index keys a comment's target, thread, time and likes imply."""
        stamp = f"{sortable(record.created_at)}#{record.comment_id}"
        record.gsi1pk = self.comments_of(record.target_kind, record.target_id)
        if record.is_root:
            record.gsi1sk = f"ROOT#{stamp}"
            record.gsi2pk = record.gsi1pk
            record.gsi2sk = likes_key(int(record.likes), record.created_at, record.comment_id)
        else:
            record.gsi1sk = f"REPLY#{record.root_id}#{stamp}"
            record.gsi2pk = record.gsi2sk = None
        if record.author_id == FORMER_RESIDENT:
            record.gsi3pk = record.gsi3sk = None
        else:
            record.gsi3pk = self.user_pk(record.author_id)
            record.gsi3sk = f"COMMENT#{stamp}"

    def user_pk(self, user_id: str) -> str:
        return self.key("USER", user_id)

    # ---- comments --------------------------------------------------------------------

    def get_comment(self, comment_id: str, consistent: bool = False) -> CommentRecord | None:
        if not is_ref(comment_id):
            return None
        try:
            record = CommentRecord.get(
                self.comment_pk(comment_id), "COMMENT", consistent_read=consistent
            )
        except CommentRecord.DoesNotExist:
            return None
        return self.check(record)

    def add_comment(self, record: CommentRecord) -> None:
        """Write a new comment (its id is fresh: the condition guards against a clash)."""
        self.index_comment(record)
        self.check(record).save(condition=CommentRecord.pk.does_not_exist())

    def update_comment(self, record: CommentRecord, actions: list[Action]) -> None:
        """Change named attributes of an existing comment (never its derived counts)."""
        self.check(record).update(actions=actions, condition=CommentRecord.pk.exists())

    def update_live_comment(self, record: CommentRecord, actions: list[Action]) -> bool:
        """Change a comment unless it has been deleted meanwhile; False if it has."""
        condition = CommentRecord.pk.exists() & (CommentRecord.deleted == False)  # noqa: E712
        try:
            self.check(record).update(actions=actions, condition=condition)
        except UpdateError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def threads(
        self, target_kind: str, target_id: str, sort: str, cursor: str | None, limit: int
    ) -> tuple[list[CommentRecord], str | None]:
        """One page of a target's thread roots, newest or most liked first."""
        hash_key = self.comments_of(target_kind, target_id)
        if sort == "most_liked":
            return self._page("by_likes", hash_key, None, cursor, limit)
        return self._page("by_target", hash_key, "ROOT#", cursor, limit)

    def replies(self, root_id: str, target_kind: str, target_id: str) -> list[CommentRecord]:
        """Every reply in one thread, oldest first."""
        rows = CommentRecord.by_target.query(
            self.comments_of(target_kind, target_id),
            CommentRecord.gsi1sk.startswith(f"REPLY#{root_id}#"),
        )
        return [self.check(r) for r in rows if isinstance(r, CommentRecord)]

    def count_visible(self, target_kind: str, target_id: str) -> int:
        """Comments of a target that are neither deleted nor hidden (one COUNT Query)."""
        condition = (CommentRecord.deleted == False) & (CommentRecord.hidden == False)  # noqa: E712
        return int(
            CommentRecord.by_target.count(
                self.comments_of(target_kind, target_id), filter_condition=condition
            )
        )

    # ---- likes -----------------------------------------------------------------------

    def like_key(self, comment_id: str, user_id: str) -> tuple[str, str]:
        return self.comment_pk(comment_id), f"{LIKE_PREFIX}{user_id}"

    def add_like(self, comment_id: str, user_id: str, now: datetime) -> bool:
        """Record one like; False if this resident already likes the comment."""
        pk, sk = self.like_key(comment_id, user_id)
        like = CommentLikeRecord(
            pk,
            sk,
            comment_id=comment_id,
            user_id=user_id,
            created_at=now,
            gsi3pk=self.user_pk(user_id),
            gsi3sk=f"{LIKE_PREFIX}{comment_id}",
        )
        try:
            self.check(like).save(condition=CommentLikeRecord.pk.does_not_exist())
        except PutError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def remove_like(self, comment_id: str, user_id: str) -> bool:
        """Remove a like; False if there was none."""
        pk, sk = self.like_key(comment_id, user_id)
        try:
            CommentLikeRecord(pk, sk).delete(condition=CommentLikeRecord.pk.exists())
        except DeleteError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def count_likes(self, comment_id: str) -> int:
        """The likes of a comment, counted from the like items (strongly consistent)."""
        return int(
            CommentLikeRecord.count(
                self.comment_pk(comment_id),
                CommentLikeRecord.sk.startswith(LIKE_PREFIX),
                consistent_read=True,
            )
        )

    def liked_by(self, comment_ids: Iterable[str], user_id: str) -> set[str]:
        """Which of ``comment_ids`` the resident likes (batched gets)."""
        keys = [self.like_key(c, user_id) for c in sorted(set(comment_ids))]
        found: set[str] = set()
        for start in range(0, len(keys), 100):
            for item in CommentLikeRecord.batch_get(keys[start : start + 100]):
                if isinstance(item, CommentLikeRecord) and self.tenant.owns(item.pk):
                    found.add(item.comment_id)
        return found

    def store_likes(self, record: CommentRecord, likes: int) -> bool:
        """Write a derived like count (and the root's sort key); False if the comment is gone."""
        actions: list[Action] = [CommentRecord.likes.set(likes)]
        if record.is_root:
            key = likes_key(likes, record.created_at, record.comment_id)
            actions.append(CommentRecord.gsi2sk.set(key))
        try:
            self.update_comment(record, actions)
        except UpdateError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    # ---- a person's comments and likes (export, erasure) -----------------------------

    def of_user(self, user_id: str) -> tuple[list[CommentRecord], list[CommentLikeRecord]]:
        """The comments a resident wrote (oldest first) and the likes they gave."""
        comments: list[CommentRecord] = []
        likes: list[CommentLikeRecord] = []
        for item in DiscussionItem.by_user.query(self.user_pk(user_id)):
            if isinstance(item, CommentRecord):
                comments.append(self.check(item))
            elif isinstance(item, CommentLikeRecord):
                likes.append(self.check(item))
        return comments, likes

    def disown(self, record: CommentRecord, actions: list[Action]) -> None:
        """Cut a comment from its author (with ``actions``): author gone, out of by_user."""
        self.update_comment(
            record,
            [
                *actions,
                CommentRecord.author_id.set(FORMER_RESIDENT),
                CommentRecord.gsi3pk.remove(),
                CommentRecord.gsi3sk.remove(),
            ],
        )

    # ---- official updates ------------------------------------------------------------

    def get_update(self, update_id: str) -> OfficialUpdateRecord | None:
        if not is_ref(update_id):
            return None
        try:
            record = OfficialUpdateRecord.get(self.update_pk(update_id), "UPDATE")
        except OfficialUpdateRecord.DoesNotExist:
            return None
        return self.check(record)

    def save_update(self, record: OfficialUpdateRecord) -> None:
        record.gsi1pk = self.updates_of(record.target_kind, record.target_id)
        record.gsi1sk = f"{sortable(record.created_at)}#{record.update_id}"
        self.check(record).save()

    def delete_update(self, record: OfficialUpdateRecord) -> None:
        self.check(record).delete()

    def updates(self, target_kind: str, target_id: str) -> list[OfficialUpdateRecord]:
        """Every official update of a target, newest first."""
        rows = OfficialUpdateRecord.by_target.query(
            self.updates_of(target_kind, target_id), scan_index_forward=False
        )
        return [self.check(r) for r in rows if isinstance(r, OfficialUpdateRecord)]

    # ---- pages -----------------------------------------------------------------------

    def _page(
        self, index_name: str, hash_key: str, prefix: str | None, cursor: str | None, limit: int
    ) -> tuple[list[CommentRecord], str | None]:
        """One page read backwards; reads one extra item to know whether another page exists."""
        gsi = _INDEX_KEYS[index_name]
        names = ("pk", "sk", f"{gsi}pk", f"{gsi}sk")
        start = decode_cursor(cursor, self.tenant)
        if start is not None and (set(start) != set(names) or start[f"{gsi}pk"] != {"S": hash_key}):
            raise _invalid_cursor()
        index = getattr(DiscussionItem, index_name)
        range_condition = getattr(DiscussionItem, f"{gsi}sk").startswith(prefix) if prefix else None
        rows = list(
            index.query(
                hash_key,
                range_condition,
                scan_index_forward=False,
                limit=limit + 1,
                last_evaluated_key=start,
            )
        )
        records = [self.check(r) for r in rows if isinstance(r, CommentRecord)]
        items = records[:limit]
        if len(records) <= limit:
            return items, None
        last = items[-1]
        key: dict[str, Any] = {name: {"S": getattr(last, name)} for name in names}
        return items, encode_cursor(key)

    # ---- moderation ------------------------------------------------------------------

    def set_moderation(self, comment_id: str, hidden_reason: str | None, version: int) -> bool:
        """Hide (a reason) or show (None) a comment unless a newer moderation version is there."""
        if not is_ref(comment_id):
            return False
        newer = CommentRecord.moderation_version.does_not_exist() | (
            CommentRecord.moderation_version < version
        )
        actions: list[Action] = [
            CommentRecord.hidden.set(hidden_reason is not None),
            CommentRecord.hidden_reason.set(hidden_reason)
            if hidden_reason is not None
            else CommentRecord.hidden_reason.remove(),
            CommentRecord.moderation_version.set(version),
        ]
        try:
            CommentRecord(self.comment_pk(comment_id), "COMMENT").update(
                actions=actions, condition=CommentRecord.pk.exists() & newer
            )
        except UpdateError as error:
            if _condition_failed(error):
                return False
            raise
        return True
