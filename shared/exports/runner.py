"""The export itself: the task the ``input_export`` workflow runs.

:meth:`ExportRunner.export` streams the owner's rows (re-checked against the
policy at run time) through a writer into an S3 multipart upload, reporting
``rows_written`` as it goes, and marks the job done. It is safe to run
again: a finished job is left alone, and a retried attempt aborts the
upload the interrupted one left open before starting afresh.
:meth:`ExportRunner.fail` is the workflow's catch: it marks the job failed
with a message its owner can act on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any, Protocol

from shared.errors import DomainError
from shared.exports.errors import (
    USER_FACING_ERRORS,
    ExportJobMissingError,
    ExportRefusedError,
    ExportSourceError,
)
from shared.exports.models import ExportJobRecord
from shared.exports.repository import ExportJobRepository
from shared.exports.rows import ExportRow, RowSource, labels_for
from shared.exports.schemas import ExportFormat, ExportQuery, ExportStatus
from shared.exports.uploader import PART_SIZE, MultipartUpload, abort_upload
from shared.exports.writers import PROGRESS_EVERY, writer_for
from shared.permissions import Action, Principal, can
from shared.tenancy.context import TenantContext

TIMED_OUT = (
    "The export took too long. Narrow the filters (a project, a phase or a date range) "
    "and try again."
)
NO_ACCESS = "You no longer have access to the input manager, so this export was stopped."
MISSING = "This export does not exist any more."
# The workflow's own task timeout, and Lambda's when the function runs out of time.
TIMEOUTS = frozenset({"States.Timeout", "Sandbox.Timedout"})


def unexpected(job_id: str) -> str:
    return (
        "The export could not be completed. Please try again; if it fails again, "
        f"contact support and mention export {job_id}."
    )


class Principals(Protocol):
    def principal(self, tenant: TenantContext, user_id: str) -> Principal | None:
        """The user's current principal (current roles), or None if the account is gone."""


def summary(record: ExportJobRecord) -> dict[str, Any]:
    """What the workflow's task returns (the execution output)."""
    return {
        "job_id": record.job_id,
        "status": record.status,
        "rows_written": int(record.rows_written or 0),
        "error": record.error,
    }


class ExportRunner:
    """Runs one export job from its stored query to a file in the ``exports`` bucket."""

    def __init__(
        self,
        source: RowSource,
        principals: Principals,
        s3: Any,
        bucket: str,
        clock: Callable[[], datetime],
        *,
        part_size: int = PART_SIZE,
        tmpdir: str | None = None,
    ) -> None:
        self._source, self._principals = source, principals
        self._s3, self._bucket, self._clock = s3, bucket, clock
        self._part_size, self._tmpdir = part_size, tmpdir

    def _job(self, repo: ExportJobRepository, owner_id: str, job_id: str) -> ExportJobRecord:
        record = repo.get(owner_id, job_id)
        if record is None:
            raise ExportJobMissingError(MISSING)
        return record

    def export(self, tenant: TenantContext, owner_id: str, job_id: str) -> dict[str, Any]:
        """Write the job's file; return the job's summary."""
        repo = ExportJobRepository(tenant)
        record = self._job(repo, owner_id, job_id)
        if record.status in (ExportStatus.DONE, ExportStatus.FAILED):
            return summary(record)
        format = ExportFormat(record.format)
        key = f"{tenant.tenant_id}/exports/{job_id}.{format.value}"
        if record.upload_id:
            abort_upload(self._s3, self._bucket, key, record.upload_id)
        if not repo.start(record, key, self._clock()):
            return summary(self._job(repo, owner_id, job_id))
        principal = self._principals.principal(tenant, owner_id)
        if principal is None or not can(principal, Action.TEAM_VIEW):
            raise ExportRefusedError(NO_ACCESS)
        query = ExportQuery.model_validate(record.filters)
        writer = writer_for(format, self._tmpdir)
        rows = _explained(self._source.rows(tenant, principal, query, record.locale))
        with MultipartUpload(
            self._s3,
            self._bucket,
            key,
            content_type=writer.content_type,
            part_size=self._part_size,
            on_start=lambda upload_id: repo.set_upload(record, upload_id),
        ) as upload:
            count = writer.write(
                rows, upload, lambda n: self._progress(repo, record, n), labels_for(record.locale)
            )
            upload.complete()
        repo.finish(record, count, self._clock())
        return summary(record)

    @staticmethod
    def _progress(repo: ExportJobRepository, record: ExportJobRecord, rows: int) -> None:
        # One write per few thousand rows: visible progress, negligible cost.
        if rows % (5 * PROGRESS_EVERY) == 0:
            repo.progress(record, rows)

    def fail(
        self, tenant: TenantContext, owner_id: str, job_id: str, error: str, cause: str | None
    ) -> dict[str, Any]:
        """Mark the job failed with a message for its owner (the workflow's catch)."""
        repo = ExportJobRepository(tenant)
        record = repo.get(owner_id, job_id)
        if record is None:
            return {"job_id": job_id, "status": ExportStatus.FAILED.value, "rows_written": 0}
        repo.fail(record, failure_message(job_id, error, cause), self._clock())
        return summary(self._job(repo, owner_id, job_id))


def _explained(rows: Iterable[ExportRow]) -> Iterator[ExportRow]:
    """The rows; a domain error on the way (access changed, a project gone) keeps its words."""
    try:
        yield from rows
    except DomainError as error:
        raise ExportSourceError(error.detail) from error


def failure_message(job_id: str, error: str, cause: str | None) -> str:
    """What the owner reads: our own errors' message, a timeout's advice, else a reference."""
    if error in TIMEOUTS:
        return TIMED_OUT
    if error in USER_FACING_ERRORS and cause:
        try:
            message = json.loads(cause).get("errorMessage")
        except (ValueError, AttributeError):
            message = None
        if isinstance(message, str) and message:
            return message[:500]
    return unexpected(job_id)
