"""Comments on targets: threads, replies, edits, soft deletion, likes and mentions.

Every operation resolves the comment's target through the target registry,
asks the permission policy (``COMMENT_POST`` to write or like, ``COMMENT_EDIT``
for the author, ``COMMENT_DELETE`` for the author or a moderator), writes
through :class:`DiscussionRepository` and then publishes its event. A reply
to a reply joins its root's thread and names its parent, so threads are
as deep as residents answer but render in two levels.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from pynamodb.expressions.update import Action as UpdateAction

from shared.db.pagination import Page
from shared.discussion.access import DELETED, comment_resource, permission, visible_target
from shared.discussion.mentions import check_mentions, mentioned_ids
from shared.discussion.models import CommentRecord
from shared.discussion.ports import People, TargetLookup
from shared.discussion.repository import DiscussionRepository, is_ref
from shared.discussion.schemas import (
    Comment,
    CommentCreate,
    CommentLikeState,
    CommentListQuery,
    CommentPermissions,
    CommentThread,
    CommentUpdate,
    MentionCandidates,
)
from shared.errors import (
    AuthenticationError,
    ConflictError,
    FieldIssue,
    NotFoundError,
    ValidationError,
)
from shared.events import DomainEvent, EventPublisher
from shared.participation.screening import NoScreening, TextScreen
from shared.participation.targets import TargetInfo
from shared.permissions import Action, Principal, authorize, can
from shared.tenancy.context import TenantContext

MENTION_SUGGESTIONS = 8


def _utcnow() -> datetime:
    return datetime.now(UTC)


class CommentDeletedError(ConflictError):
    code = "comment_deleted"
    title = "This comment was deleted: it can no longer be changed, answered or liked."


class CommentService:
    """Comments of any target kind, for one deployment."""

    def __init__(
        self,
        targets: TargetLookup,
        people: People,
        publisher: EventPublisher,
        clock: Callable[[], datetime] = _utcnow,
        screen: TextScreen | None = None,
    ) -> None:
        self._screen: TextScreen = screen or NoScreening()
        self._targets = targets
        self._people = people
        self._publisher = publisher
        self._clock = clock

    # ---- reading ---------------------------------------------------------------------

    def list_threads(
        self,
        tenant: TenantContext,
        principal: Principal,
        kind: str,
        target_id: str,
        query: CommentListQuery,
    ) -> Page[CommentThread]:
        """One page of a target's threads (newest or most liked), replies inline oldest first."""
        target = visible_target(self._targets, tenant, principal, kind, target_id)
        repo = DiscussionRepository(tenant)
        roots, next_cursor = repo.threads(kind, target_id, query.sort, query.cursor, query.limit)
        replies = {
            root.comment_id: repo.replies(root.comment_id, kind, target_id) for root in roots
        }
        everything = [*roots, *(reply for rows in replies.values() for reply in rows)]
        view = _View(self._people, tenant, principal, target, everything)
        items = [
            CommentThread(
                **view.comment(root).model_dump(),
                replies=[view.comment(reply) for reply in replies[root.comment_id]],
            )
            for root in roots
        ]
        return Page[CommentThread](items=items, next_cursor=next_cursor)

    def mention_candidates(
        self, tenant: TenantContext, principal: Principal, text: str
    ) -> MentionCandidates:
        """People of this platform whose first or last name starts with ``text``."""
        if not principal.is_authenticated:
            raise AuthenticationError()
        return MentionCandidates(items=self._people.search(tenant, text, limit=MENTION_SUGGESTIONS))

    # ---- writing ---------------------------------------------------------------------

    def post_comment(
        self,
        tenant: TenantContext,
        principal: Principal,
        kind: str,
        target_id: str,
        body: CommentCreate,
    ) -> Comment:
        """Start a thread or answer a comment (its thread is the parent's thread)."""
        target = visible_target(self._targets, tenant, principal, kind, target_id)
        authorize(principal, Action.COMMENT_POST, target.resource)
        self._screen.screen(tenant, {"body": body.body})
        repo = DiscussionRepository(tenant)
        parent = self._parent(repo, target, body.parent_id) if body.parent_id else None
        mentions = mentioned_ids(body.body)
        check_mentions(mentions, self._people.recipients(tenant, mentions))
        comment_id = uuid.uuid4().hex
        record = CommentRecord(
            repo.comment_pk(comment_id),
            "COMMENT",
            comment_id=comment_id,
            target_kind=kind,
            target_id=target_id,
            project_id=target.project_id,
            root_id=parent.root_id if parent else comment_id,
            parent_id=parent.comment_id if parent else None,
            author_id=principal.user_id,
            body=body.body,
            mention_ids=mentions,
            likes=0,
            deleted=False,
            hidden=False,
            created_at=self._clock(),
        )
        repo.add_comment(record)
        self._emit(
            tenant,
            principal,
            "discussion.comment.posted",
            **_about(record),
            parent_id=record.parent_id,
            parent_author_id=parent.author_id if parent else None,
            target_owner_id=target.owner_id,
            mentioned_ids=[i for i in mentions if i != principal.user_id],
        )
        return _View(self._people, tenant, principal, target, [record]).comment(record)

    def edit_comment(
        self, tenant: TenantContext, principal: Principal, comment_id: str, body: CommentUpdate
    ) -> Comment:
        """Change one's own comment; the edit is dated and new mentions are announced."""
        repo = DiscussionRepository(tenant)
        record, target = self._load(repo, principal, comment_id)
        authorize(principal, Action.COMMENT_EDIT, comment_resource(target, record))
        if record.deleted:
            raise CommentDeletedError()
        self._screen.screen(tenant, {"body": body.body})
        before = list(record.mention_ids or [])
        mentions = mentioned_ids(body.body)
        fresh = [i for i in mentions if i not in before]
        check_mentions(mentions, self._people.recipients(tenant, fresh), already=before)
        now = self._clock()
        edit: list[UpdateAction] = [
            CommentRecord.body.set(body.body),
            CommentRecord.mention_ids.set(mentions),
            CommentRecord.edited_at.set(now),
        ]
        # A deletion between our read and this write wins: its text must not come back.
        if not repo.update_live_comment(record, edit):
            raise CommentDeletedError()
        record.body, record.mention_ids, record.edited_at = body.body, mentions, now
        self._emit(
            tenant,
            principal,
            "discussion.comment.updated",
            **_about(record),
            new_mentioned_ids=[i for i in fresh if i != record.author_id],
        )
        return _View(self._people, tenant, principal, target, [record]).comment(record)

    def delete_comment(self, tenant: TenantContext, principal: Principal, comment_id: str) -> None:
        """Soft-delete: body, mentions and author go; the place in the thread and replies stay."""
        repo = DiscussionRepository(tenant)
        record, target = self._load(repo, principal, comment_id)
        authorize(principal, Action.COMMENT_DELETE, comment_resource(target, record))
        erase: list[UpdateAction] = [
            CommentRecord.body.set(""),
            CommentRecord.mention_ids.set([]),
            CommentRecord.deleted.set(True),
            CommentRecord.deleted_at.set(self._clock()),
        ]
        # Only the deletion that finds the comment alive announces it.
        if record.deleted or not repo.update_live_comment(record, erase):
            return
        self._emit(tenant, principal, "discussion.comment.deleted", **_about(record))

    def like_comment(
        self, tenant: TenantContext, principal: Principal, comment_id: str
    ) -> CommentLikeState:
        """Like a comment once; liking again changes nothing."""
        return self._set_like(tenant, principal, comment_id, liked=True)

    def unlike_comment(
        self, tenant: TenantContext, principal: Principal, comment_id: str
    ) -> CommentLikeState:
        """Take one's like back; without a like, nothing changes."""
        return self._set_like(tenant, principal, comment_id, liked=False)

    # ---- steps -----------------------------------------------------------------------

    def _set_like(
        self, tenant: TenantContext, principal: Principal, comment_id: str, liked: bool
    ) -> CommentLikeState:
        repo = DiscussionRepository(tenant)
        record, target = self._load(repo, principal, comment_id)
        authorize(principal, Action.COMMENT_POST, target.resource)
        if record.deleted or record.hidden:
            raise CommentDeletedError()
        user_id = str(principal.user_id)
        if liked:
            changed = repo.add_like(comment_id, user_id, self._clock())
        else:
            changed = repo.remove_like(comment_id, user_id)
        if changed:
            self._emit(
                tenant,
                principal,
                "discussion.comment_like.changed",
                comment_id=comment_id,
                target_kind=record.target_kind,
                target_id=record.target_id,
                user_id=user_id,
                liked=liked,
            )
        return CommentLikeState(liked=liked, likes=repo.count_likes(comment_id))

    def _load(
        self, repo: DiscussionRepository, principal: Principal, comment_id: str
    ) -> tuple[CommentRecord, TargetInfo]:
        """The comment and its target, if the viewer may see the target (else 404)."""
        record = repo.get_comment(comment_id, consistent=True)
        if record is None:
            raise NotFoundError()
        target = visible_target(
            self._targets, repo.tenant, principal, record.target_kind, record.target_id
        )
        return record, target

    def _parent(
        self, repo: DiscussionRepository, target: TargetInfo, parent_id: str
    ) -> CommentRecord:
        parent = repo.get_comment(parent_id, consistent=True) if is_ref(parent_id) else None
        if parent is None or (parent.target_kind, parent.target_id) != (target.kind, target.id):
            raise ValidationError(
                issues=[
                    FieldIssue(
                        "parent_id",
                        "unknown_parent",
                        "The comment you are answering is not part of this discussion.",
                    )
                ]
            )
        if parent.deleted or parent.hidden:
            raise CommentDeletedError()
        return parent

    def _emit(self, tenant: TenantContext, principal: Principal, type_: str, **data: Any) -> None:
        self._publisher.publish(
            DomainEvent(
                type=type_, tenant_id=tenant.tenant_id, data=data, actor_id=principal.user_id
            )
        )


def _about(record: CommentRecord) -> dict[str, Any]:
    """The fields every comment event carries."""
    return {
        "comment_id": record.comment_id,
        "target_kind": record.target_kind,
        "target_id": record.target_id,
        "project_id": record.project_id,
        "author_id": record.author_id,
    }


class _View:
    """Renders comments for one viewer: profiles, likes and permissions looked up in batches."""

    def __init__(
        self,
        people: People,
        tenant: TenantContext,
        principal: Principal,
        target: TargetInfo,
        records: Iterable[CommentRecord],
    ) -> None:
        rows = list(records)
        visible = [r for r in rows if not (r.deleted or r.hidden)]
        authors = {r.author_id for r in visible} | {i for r in visible for i in r.mention_ids or []}
        self._profiles = people.profiles(tenant, authors) if authors else {}
        self._liked = (
            DiscussionRepository(tenant).liked_by([r.comment_id for r in rows], principal.user_id)
            if principal.user_id and rows
            else set()
        )
        self._principal = principal
        self._target = target
        self._reply = permission(can(principal, Action.COMMENT_POST, target.resource))

    def comment(self, record: CommentRecord) -> Comment:
        removed = bool(record.deleted or record.hidden)
        return Comment(
            id=record.comment_id,
            parent_id=record.parent_id,
            body="" if removed else record.body,
            mentions=[]
            if removed
            else [self._profiles[i] for i in record.mention_ids or [] if i in self._profiles],
            author=None if removed else self._profiles.get(record.author_id),
            likes=int(record.likes),
            liked_by_me=record.comment_id in self._liked,
            deleted=bool(record.deleted),
            hidden=bool(record.hidden) and not record.deleted,
            hidden_reason=self._hidden_reason(record),
            edited_at=record.edited_at,
            created_at=record.created_at,
            permissions=self._permissions(record, removed),
        )

    def _permissions(self, record: CommentRecord, removed: bool) -> CommentPermissions:
        if removed:
            return CommentPermissions(edit=DELETED, delete=DELETED, reply=DELETED)
        resource = comment_resource(self._target, record)
        return CommentPermissions(
            edit=permission(can(self._principal, Action.COMMENT_EDIT, resource)),
            delete=permission(can(self._principal, Action.COMMENT_DELETE, resource)),
            reply=self._reply,
        )

    def _hidden_reason(self, record: CommentRecord) -> str | None:
        """Why moderation hid the comment, for its author and the team alone."""
        if not record.hidden:
            return None
        author = record.author_id == self._principal.user_id
        team = can(self._principal, Action.MODERATE, self._target.resource)
        return record.hidden_reason if author or team else None
