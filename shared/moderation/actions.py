"""Moderators' actions on inputs and comments: review, unreview, hide, restore, delete.

Each target is decided on its own (MODERATE on its project) and answered
with a result row, so one refusal never undoes the others. The activity
item holds the moderated state; every change is a conditional write on its
``version`` (:meth:`ActivityRepository.write_state`). When two moderators act
at once the loser re-reads and applies its action to the state it finds, so
both actions are applied in some order, both are audited, and the content
mirrors the latest version (the mirror write is conditional on the version
too, see :class:`ContentSource.set_hidden`).
"""

from __future__ import annotations

from dataclasses import dataclass

from shared.errors import DomainError, FieldIssue, ValidationError
from shared.events import DomainEvent, EventPublisher
from shared.moderation.activity import ActivityRepository, ActivityService
from shared.moderation.audit import AuditTrail
from shared.moderation.models import ActivityRecord
from shared.moderation.ports import ContentSource
from shared.moderation.schemas import (
    ActionRequest,
    ActionResult,
    ActionResults,
    ContentState,
    ModerationAction,
    TargetRef,
)
from shared.permissions import Action, Principal, can
from shared.tenancy.context import TenantContext

CONTENT_MODERATED = "moderation.content.moderated"
MAX_ATTEMPTS = 8
NEEDS_REASON = {ModerationAction.HIDE, ModerationAction.DELETE}


@dataclass(frozen=True)
class Outcome:
    ok: bool
    code: str | None = None


def next_state(
    record: ActivityRecord, action: ModerationAction, reason: str | None
) -> tuple[bool, str, str | None] | Outcome:
    """The (reviewed, state, hidden_reason) an action leads to, or why it cannot apply."""
    state, hidden = record.state, record.hidden_reason
    if state == ContentState.DELETED.value:
        return Outcome(False, "content_deleted")
    if action is ModerationAction.REVIEW:
        return True, state, hidden
    if action is ModerationAction.UNREVIEW:
        return False, state, hidden
    if action is ModerationAction.HIDE:
        return True, ContentState.HIDDEN.value, reason
    if action is ModerationAction.RESTORE:
        if state != ContentState.HIDDEN.value:
            return Outcome(False, "not_hidden")
        return True, ContentState.VISIBLE.value, None
    return True, ContentState.DELETED.value, hidden


class ModerationService:
    """Applies moderators' actions, audits them and announces them."""

    def __init__(
        self, activity: ActivityService, content: ContentSource, publisher: EventPublisher
    ) -> None:
        self._activity = activity
        self._content = content
        self._publisher = publisher

    def apply(
        self, tenant: TenantContext, principal: Principal, body: ActionRequest
    ) -> ActionResults:
        """Apply one action to up to 100 targets, each checked and reported on its own."""
        reason = (body.reason or "").strip() or None
        if body.action in NEEDS_REASON and reason is None:
            raise ValidationError(
                issues=[FieldIssue("reason", "reason_required", "Say why: the author will see it.")]
            )
        results = []
        seen: set[tuple[str, str]] = set()
        for target in body.targets:
            key = (target.target_kind.value, target.target_id)
            if key in seen:
                continue
            seen.add(key)
            results.append(self._one(tenant, principal, body.action, reason, target))
        return ActionResults(results=results)

    def _one(
        self,
        tenant: TenantContext,
        principal: Principal,
        action: ModerationAction,
        reason: str | None,
        target: TargetRef,
    ) -> ActionResult:
        kind, target_id = target.target_kind.value, target.target_id
        record = self._activity.ensure(tenant, kind, target_id)
        if record is None:
            return _result(target, False, "not_found", None)
        decision = can(principal, Action.MODERATE, self._activity.resource_of(tenant, record))
        if not decision:
            return _result(target, False, decision.reason.value, None)
        if action is ModerationAction.DELETE:
            refused = self._delete_content(tenant, principal, record)
            if refused is not None:
                return _result(target, False, refused, record)
        applied = self._write(tenant, record, action, reason)
        if isinstance(applied, Outcome):
            return _result(target, False, applied.code, record)
        record, before = applied
        version = int(record.version)  # the version this action wrote
        if action in (ModerationAction.HIDE, ModerationAction.RESTORE):
            self._content.set_hidden(tenant, kind, target_id, record.hidden_reason, version)
        self._record(tenant, principal, action, reason, record, before, version)
        return _result(target, True, None, record)

    def _delete_content(
        self, tenant: TenantContext, principal: Principal, record: ActivityRecord
    ) -> str | None:
        """Delete through the owning domain's path; the problem code if it refuses."""
        if record.state == ContentState.DELETED.value:
            return "content_deleted"
        try:
            self._content.delete(tenant, principal, record.target_kind, record.target_id)
        except DomainError as error:
            return error.code
        return None

    def _write(
        self,
        tenant: TenantContext,
        record: ActivityRecord,
        action: ModerationAction,
        reason: str | None,
    ) -> tuple[ActivityRecord, tuple[bool, str, str | None]] | Outcome:
        """Apply the action to the state as stored, re-reading after a concurrent change."""
        repo = ActivityRepository(tenant)
        for _ in range(MAX_ATTEMPTS):
            before = (bool(record.reviewed), record.state, record.hidden_reason)
            wanted = next_state(record, action, reason)
            if isinstance(wanted, Outcome):
                if action is ModerationAction.DELETE:  # the worker saw the deletion first
                    return record, before
                return wanted
            reviewed, state, hidden = wanted
            if repo.write_state(record, reviewed=reviewed, state=state, hidden_reason=hidden):
                return record, before
            fresh = repo.get(record.target_kind, record.target_id, consistent=True)
            if fresh is None:
                return Outcome(False, "not_found")
            record = fresh
        return Outcome(False, "concurrent_change")

    def _record(
        self,
        tenant: TenantContext,
        principal: Principal,
        action: ModerationAction,
        reason: str | None,
        record: ActivityRecord,
        before: tuple[bool, str, str | None],
        version: int,
    ) -> None:
        actor = str(principal.user_id)
        AuditTrail(tenant).record(
            actor,
            action.value,
            target_kind=record.target_kind,
            target_id=record.target_id,
            subject_user_id=record.author_id,
            reason=reason,
            details={
                "project_id": record.project_id,
                "before": {"reviewed": before[0], "state": before[1]},
                "after": {"reviewed": bool(record.reviewed), "state": record.state},
                "version": version,
            },
        )
        self._publisher.publish(
            DomainEvent(
                type=CONTENT_MODERATED,
                tenant_id=tenant.tenant_id,
                actor_id=actor,
                data={
                    "target_kind": record.target_kind,
                    "target_id": record.target_id,
                    "project_id": record.project_id,
                    "author_id": record.author_id,
                    "action": action.value,
                    "reason": reason,
                    "idea_id": record.idea_id,  # the idea itself, or the idea a comment is on
                },
            )
        )


def _result(
    target: TargetRef, ok: bool, code: str | None, record: ActivityRecord | None
) -> ActionResult:
    return ActionResult(
        target_kind=target.target_kind,
        target_id=target.target_id,
        ok=ok,
        code=code,
        state=ContentState(record.state) if record else None,
        reviewed=bool(record.reviewed) if record else None,
    )
