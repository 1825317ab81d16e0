"""Asking for exports and reading them back: the API side of the export workflow.

A request creates a queued job in its owner's partition and starts one
``input_export`` execution named by the job id; the workflow's task
(:class:`~shared.exports.runner.ExportRunner`) does the work. Reading a job
is possible for its owner only (the key names the owner), and a finished
job carries a presigned link that lasts 15 minutes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol

from shared.errors import NotFoundError
from shared.exports.errors import TooManyExportsError
from shared.exports.models import KEEP_DAYS, ExportJobRecord
from shared.exports.repository import ExportJobRepository, new_job_id
from shared.exports.schemas import (
    ExportFormat,
    ExportJob,
    ExportJobList,
    ExportQuery,
    ExportRequest,
    ExportStatus,
)
from shared.exports.workflow import WorkflowStarter
from shared.observability import logger
from shared.permissions import Action, Principal, authorize
from shared.tenancy.context import TenantContext

MAX_UNFINISHED = 3
START_FAILED = "The export could not be started. Please try again in a minute."
# Longer than any attempt can run (Lambda stops at 15 minutes, plus retries): a job still
# unfinished after this lost its workflow, so it neither blocks new exports nor spins forever.
STALE_AFTER = timedelta(hours=1)
STALLED = "The export stopped unexpectedly. Please ask for it again."


class FileLinks(Protocol):
    def download_url(self, key: str, filename: str) -> str: ...


# Refuses, with the listing's own error, a query the person could not list (a project
# they do not handle, an unknown phase): the mistake is reported now, not by a failed job.
Preflight = Callable[[TenantContext, Principal, ExportQuery], None]


def _no_preflight(tenant: TenantContext, principal: Principal, query: ExportQuery) -> None:
    return None


def file_name(record: ExportJobRecord) -> str:
    """``inputs-<date>-<id tail>.<ext>``: distinct per job, sortable by day."""
    return f"inputs-{record.created_at:%Y-%m-%d}-{record.job_id[-6:]}.{record.format}"


class ExportService:
    """Export jobs of the input manager, for the person who asked."""

    def __init__(
        self,
        starter: WorkflowStarter,
        links: FileLinks,
        default_locale: Callable[[TenantContext], str],
        clock: Callable[[], datetime],
        preflight: Preflight = _no_preflight,
    ) -> None:
        self._starter, self._links = starter, links
        self._default_locale, self._clock = default_locale, clock
        self._preflight = preflight

    def request(
        self, tenant: TenantContext, principal: Principal, body: ExportRequest
    ) -> ExportJob:
        """Queue an export of the rows ``body.query`` selects and start its workflow."""
        authorize(principal, Action.TEAM_VIEW)
        owner = str(principal.user_id)
        repo = ExportJobRepository(tenant)
        unfinished = [r for r in repo.recent(owner) if self._unfinished(r)]
        if len(unfinished) >= MAX_UNFINISHED:
            raise TooManyExportsError(len(unfinished))
        self._preflight(tenant, principal, body.query)
        now = self._clock()
        record = repo.create(
            owner,
            new_job_id(now),
            format=body.format.value,
            query=body.query.filters(),
            locale=self._default_locale(tenant),
            now=now,
        )
        payload = {"tenant_id": tenant.tenant_id, "owner_id": owner, "job_id": record.job_id}
        try:
            self._starter.start(record.job_id, payload)
        except Exception:
            logger.exception("export workflow did not start", extra={"job_id": record.job_id})
            repo.fail(record, START_FAILED, self._clock())
        return self.view(record)

    def get(self, tenant: TenantContext, principal: Principal, job_id: str) -> ExportJob:
        """One of my exports, with its download link once it is done."""
        authorize(principal, Action.TEAM_VIEW)
        record = ExportJobRepository(tenant).get(str(principal.user_id), job_id)
        if record is None:
            raise NotFoundError("No export of yours has this id.", code="export_not_found")
        return self.view(record, with_link=True)

    def recent(self, tenant: TenantContext, principal: Principal) -> ExportJobList:
        """My latest exports, newest first (without links: open one to download it)."""
        authorize(principal, Action.TEAM_VIEW)
        records = ExportJobRepository(tenant).recent(str(principal.user_id))
        return ExportJobList(items=[self.view(r) for r in records])

    def _unfinished(self, record: ExportJobRecord) -> bool:
        active = record.status in (ExportStatus.QUEUED, ExportStatus.RUNNING)
        return active and self._clock() - record.created_at < STALE_AFTER

    def view(self, record: ExportJobRecord, *, with_link: bool = False) -> ExportJob:
        done = record.status == ExportStatus.DONE and record.object_key is not None
        expires_at = (
            record.finished_at + timedelta(days=KEEP_DAYS) if done and record.finished_at else None
        )
        link = None
        if done and with_link and record.object_key:
            link = self._links.download_url(record.object_key, file_name(record))
        status, error = ExportStatus(record.status), record.error
        if status in (ExportStatus.QUEUED, ExportStatus.RUNNING) and not self._unfinished(record):
            status, error = ExportStatus.FAILED, STALLED
        return ExportJob(
            id=record.job_id,
            format=ExportFormat(record.format),
            status=status,
            rows_written=int(record.rows_written or 0),
            created_at=record.created_at,
            finished_at=record.finished_at,
            download_url=link,
            expires_at=expires_at,
            error=error,
        )
