"""Residents' reports of inputs and comments: one per reporter and target.

The report's key encodes reporter and target, so filing twice is refused by
the conditional put itself (409 ``already_reported``), even when two
requests race. A filed report is announced (``moderation.report.filed``);
the moderation worker then recounts the target's reports into its activity
item and onto the content.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from pynamodb.exceptions import PutError

from shared.db.repository import TenantRepository
from shared.errors import ConflictError, FieldIssue, NotFoundError, ValidationError
from shared.events import DomainEvent, EventPublisher
from shared.moderation.models import ReportRecord
from shared.moderation.ports import ContentInfo, ContentSource
from shared.moderation.schemas import Report, ReportCreate, ReportReason
from shared.permissions import Action, Principal, authorize, can
from shared.tenancy.context import TenantContext

REPORT_FILED = "moderation.report.filed"
REPORT_PREFIX = "REPORT#"


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _condition_failed(error: Exception) -> bool:
    return getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException"


class AlreadyReportedError(ConflictError):
    code = "already_reported"
    title = "You have already reported this."


class ReportRepository(TenantRepository):
    """The reports of one tenant, partitioned by target."""

    def target_pk(self, kind: str, target_id: str) -> str:
        return self.key("REPORTS", kind, target_id)

    def reporter_pk(self, user_id: str) -> str:
        return self.key("REPORTER", user_id)

    def add(self, record: ReportRecord) -> bool:
        """Store a new report; False if this reporter already reported the target."""
        record.gsi3pk = self.reporter_pk(record.reporter_id)
        record.gsi3sk = f"{record.created_at.isoformat()}#{record.report_id}"
        try:
            self.check(record).save(condition=ReportRecord.pk.does_not_exist())
        except PutError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def of_target(self, kind: str, target_id: str) -> list[ReportRecord]:
        """Every report of one target, oldest first (strongly consistent: recounts read it)."""
        rows = ReportRecord.query(
            self.target_pk(kind, target_id),
            ReportRecord.sk.startswith(REPORT_PREFIX),
            consistent_read=True,
        )
        return [self.check(r) for r in rows if isinstance(r, ReportRecord)]

    def by_reporter(self, user_id: str) -> list[ReportRecord]:
        """Every report a person filed, oldest first (gsi3)."""
        rows = ReportRecord.gsi3.query(self.reporter_pk(user_id))
        return [self.check(r) for r in rows if isinstance(r, ReportRecord)]

    def remove(self, record: ReportRecord) -> None:
        self.check(record).delete()


def visible_content(
    content: ContentSource, tenant: TenantContext, principal: Principal, kind: str, target_id: str
) -> ContentInfo:
    """The content if this viewer may see it; hidden content only for its author and team."""
    info = content.find(tenant, kind, target_id)
    if info is None:
        raise NotFoundError()
    authorize(principal, Action.PROJECT_VIEW, info.resource)
    hidden_from_viewer = info.hidden_reason is not None and not (
        info.author_id == principal.user_id or can(principal, Action.MODERATE, info.resource)
    )
    if hidden_from_viewer:
        raise NotFoundError()
    return info


class ReportService:
    """Filing reports (residents)."""

    def __init__(
        self,
        content: ContentSource,
        publisher: EventPublisher,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self._content = content
        self._publisher = publisher
        self._clock = clock

    def file(self, tenant: TenantContext, principal: Principal, body: ReportCreate) -> Report:
        """Report an input or comment once (INPUT_REPORT on the content's project)."""
        info = visible_content(self._content, tenant, principal, body.target_kind, body.target_id)
        authorize(principal, Action.INPUT_REPORT, info.resource)
        note = (body.note or "").strip() or None
        if body.reason is ReportReason.OTHER and note is None:
            raise ValidationError(
                issues=[
                    FieldIssue(
                        "note", "note_required", 'Say what is wrong when you choose "other".'
                    )
                ]
            )
        assert principal.user_id is not None  # INPUT_REPORT needs a signed-in resident
        repo = ReportRepository(tenant)
        report_id = uuid.uuid4().hex
        record = ReportRecord(
            repo.target_pk(info.kind, info.id),
            f"{REPORT_PREFIX}{principal.user_id}",
            report_id=report_id,
            target_kind=info.kind,
            target_id=info.id,
            project_id=info.project_id,
            reporter_id=principal.user_id,
            reason=body.reason.value,
            note=note,
            created_at=self._clock(),
        )
        if not repo.add(record):
            raise AlreadyReportedError()
        self._publisher.publish(
            DomainEvent(
                type=REPORT_FILED,
                tenant_id=tenant.tenant_id,
                actor_id=principal.user_id,
                data={
                    "report_id": report_id,
                    "target_kind": info.kind,
                    "target_id": info.id,
                    "project_id": info.project_id,
                    "reporter_id": principal.user_id,
                    "reason": body.reason.value,
                },
            )
        )
        return Report(
            target_kind=body.target_kind,
            target_id=info.id,
            reason=body.reason,
            note=note,
            created_at=record.created_at,
        )
