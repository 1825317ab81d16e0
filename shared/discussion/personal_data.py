"""Discussion's personal data: a resident's comments and comment likes (``shared.privacy``).

Only the person's own comments are exported (never the thread around them).
Erasure: a comment keeps its place in its thread (replies hang off it) but
loses its author; with "delete" it is also emptied like a resident's own
deletion (``discussion.comment.deleted``), with "anonymise" its text stays
(``discussion.comment.updated``). Likes are taken back
(``discussion.comment_like.changed``), so the discussion worker recounts.
"""

from __future__ import annotations

from typing import Any

from pynamodb.expressions.update import Action

from shared.discussion.models import CommentLikeRecord, CommentRecord
from shared.discussion.repository import DiscussionRepository
from shared.events import DomainEvent
from shared.identity.directory import FORMER_RESIDENT
from shared.privacy.providers import (
    CONTRIBUTIONS,
    ErasureMode,
    Items,
    ProviderBase,
    personal_data_provider,
)
from shared.tenancy.context import TenantContext


def comment_item(record: CommentRecord) -> dict[str, Any]:
    return {
        "id": record.comment_id,
        "target_kind": record.target_kind,
        "target_id": record.target_id,
        "parent_id": record.parent_id,
        "body": record.body,
        "deleted": bool(record.deleted),
        "hidden": bool(record.hidden),
        "created_at": record.created_at,
        "edited_at": record.edited_at,
    }


def like_item(record: CommentLikeRecord) -> dict[str, Any]:
    return {"comment_id": record.comment_id, "created_at": record.created_at}


@personal_data_provider("discussion")
class DiscussionData(ProviderBase):
    name = "discussion"
    kinds = ("comments", "comment_likes")
    stage = CONTRIBUTIONS

    def export(self, tenant: TenantContext, user_id: str) -> dict[str, Items]:
        comments, likes = DiscussionRepository(tenant).of_user(user_id)
        return {
            "comments": [comment_item(c) for c in comments],
            "comment_likes": [like_item(like) for like in likes],
        }

    def _emit(self, tenant: TenantContext, actor: str, type_: str, **data: Any) -> None:
        self._tools.publisher.publish(
            DomainEvent(type=type_, tenant_id=tenant.tenant_id, data=data, actor_id=actor)
        )

    def erase(self, tenant: TenantContext, user_id: str, mode: ErasureMode) -> None:
        repository = DiscussionRepository(tenant)
        comments, likes = repository.of_user(user_id)
        for record in comments:
            emptied = mode is ErasureMode.DELETE and not record.deleted
            actions: list[Action] = []
            if emptied:
                actions = [
                    CommentRecord.body.set(""),
                    CommentRecord.mention_ids.set([]),
                    CommentRecord.deleted.set(True),
                    CommentRecord.deleted_at.set(self._tools.clock()),
                ]
            repository.disown(record, actions)
            about = {
                "comment_id": record.comment_id,
                "target_kind": record.target_kind,
                "target_id": record.target_id,
                "project_id": record.project_id,
                "author_id": FORMER_RESIDENT,
            }
            if emptied:
                self._emit(tenant, user_id, "discussion.comment.deleted", **about)
            else:
                self._emit(
                    tenant, user_id, "discussion.comment.updated", **about, new_mentioned_ids=[]
                )
        for like in likes:
            comment = repository.get_comment(like.comment_id)
            if repository.remove_like(like.comment_id, user_id) and comment is not None:
                self._emit(
                    tenant,
                    user_id,
                    "discussion.comment_like.changed",
                    comment_id=like.comment_id,
                    target_kind=comment.target_kind,
                    target_id=comment.target_id,
                    user_id=user_id,
                    liked=False,
                )
