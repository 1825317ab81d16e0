"""Archives of a person's own data, on the exports machinery (jobs, workflow, links).

:class:`PersonalDataExports` is the API side: a job of source
``personal_data`` in the person's partition of the ``exports`` table and one
``personal_data_export`` execution named by the job id. :class:`DataArchiver`
is the workflow's task: it asks every registered provider for the person's
items and files, streams the zip into the ``exports`` bucket (a multipart
upload tagged for the short retention), marks the job done and emails the
person. It is safe to run again, like the input manager's exports, and its
failures are marked on the job by the same catch.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from shared.errors import NotFoundError
from shared.events import EventPublisher
from shared.exports.errors import ExportJobMissingError, ExportRefusedError, TooManyExportsError
from shared.exports.models import PERSONAL_DATA, ExportJobRecord
from shared.exports.repository import ExportJobRepository, new_job_id
from shared.exports.runner import MISSING, TIMEOUTS, failure_message, summary
from shared.exports.schemas import ExportStatus
from shared.exports.service import STALE_AFTER, STALLED, START_FAILED, FileLinks
from shared.exports.uploader import PART_SIZE, MultipartUpload, abort_upload
from shared.exports.workflow import WorkflowStarter
from shared.identity.users import UserRepository
from shared.mail.contract import EmailRequested, MailTemplate, TemplateParams, email_requested
from shared.observability import logger
from shared.permissions import Action, Principal, Resource, authorize
from shared.privacy.archive import write_archive
from shared.privacy.providers import PersonalDataProvider, PersonalFile, every_kind
from shared.privacy.schemas import DataExport, DataExportList
from shared.tenancy.context import TenantContext

FORMAT = "zip"
CONTENT_TYPE = "application/zip"
# The exports bucket's lifecycle rule deletes objects with this tag after 7 days.
RETENTION_TAG = "retention=personal-data"
ACCOUNT_GONE = "Your account is being deleted, so this archive was not made."
TOO_LONG = "Making your archive took too long. Please ask for it again later."


def _own(tenant: TenantContext, principal: Principal) -> Resource:
    return Resource(tenant_id=tenant.tenant_id, id=principal.user_id, owner_id=principal.user_id)


def archive_name(record: ExportJobRecord) -> str:
    return f"my-data-{record.created_at:%Y-%m-%d}-{record.job_id[-6:]}.zip"


class PersonalDataExports:
    """A person's archives of their own data: ask for one, follow it, download it."""

    def __init__(
        self, starter: WorkflowStarter, links: FileLinks, clock: Callable[[], datetime]
    ) -> None:
        self._starter, self._links, self._clock = starter, links, clock

    def _unfinished(self, record: ExportJobRecord) -> bool:
        active = record.status in (ExportStatus.QUEUED, ExportStatus.RUNNING)
        return active and self._clock() - record.created_at < STALE_AFTER

    def request(self, tenant: TenantContext, principal: Principal) -> DataExport:
        """Queue an archive of everything the platform keeps about me (one at a time)."""
        authorize(principal, Action.PERSONAL_DATA_EXPORT, _own(tenant, principal))
        owner = str(principal.user_id)
        repository = ExportJobRepository(tenant)
        running = [r for r in repository.recent(owner, source=PERSONAL_DATA) if self._unfinished(r)]
        if running:
            raise TooManyExportsError(len(running))
        now = self._clock()
        record = repository.create(
            owner,
            new_job_id(now),
            format=FORMAT,
            query={},
            locale="",
            now=now,
            source=PERSONAL_DATA,
        )
        payload = {"tenant_id": tenant.tenant_id, "owner_id": owner, "job_id": record.job_id}
        try:
            self._starter.start(record.job_id, payload)
        except Exception:
            logger.exception("data export did not start", extra={"job_id": record.job_id})
            repository.fail(record, START_FAILED, self._clock())
        return self.view(record)

    def recent(self, tenant: TenantContext, principal: Principal) -> DataExportList:
        """My latest archives, newest first, each finished one with its link."""
        authorize(principal, Action.PERSONAL_DATA_EXPORT, _own(tenant, principal))
        records = ExportJobRepository(tenant).recent(str(principal.user_id), source=PERSONAL_DATA)
        return DataExportList(items=[self.view(r, with_link=True) for r in records])

    def get(self, tenant: TenantContext, principal: Principal, job_id: str) -> DataExport:
        authorize(principal, Action.PERSONAL_DATA_EXPORT, _own(tenant, principal))
        record = ExportJobRepository(tenant).get(str(principal.user_id), job_id)
        if record is None or record.source != PERSONAL_DATA:
            raise NotFoundError("No archive of yours has this id.", code="export_not_found")
        return self.view(record, with_link=True)

    def view(self, record: ExportJobRecord, *, with_link: bool = False) -> DataExport:
        done = record.status == ExportStatus.DONE and record.object_key is not None
        expires_at = (
            record.finished_at + timedelta(days=record.keep_days)
            if done and record.finished_at
            else None
        )
        link = None
        if done and with_link and record.object_key:
            link = self._links.download_url(record.object_key, archive_name(record))
        status, error = ExportStatus(record.status), record.error
        if status in (ExportStatus.QUEUED, ExportStatus.RUNNING) and not self._unfinished(record):
            status, error = ExportStatus.FAILED, STALLED
        return DataExport(
            id=record.job_id,
            status=status,
            files_written=int(record.rows_written or 0),
            created_at=record.created_at,
            finished_at=record.finished_at,
            download_url=link,
            expires_at=expires_at,
            error=error,
        )


ProviderSource = Callable[[], list[PersonalDataProvider]]
SiteOrigin = Callable[[TenantContext], str]
PlatformName = Callable[[TenantContext], str]


class DataArchiver:
    """The ``personal_data_export`` workflow's task: one person's archive, start to end."""

    def __init__(
        self,
        providers: ProviderSource,
        read_upload: Callable[[str], bytes],
        s3: Any,
        bucket: str,
        publisher: EventPublisher,
        origin: SiteOrigin,
        platform_name: PlatformName,
        clock: Callable[[], datetime],
        *,
        part_size: int = PART_SIZE,
    ) -> None:
        self._providers, self._read = providers, read_upload
        self._s3, self._bucket, self._publisher = s3, bucket, publisher
        self._origin, self._platform_name, self._clock = origin, platform_name, clock
        self._part_size = part_size

    def _job(self, repo: ExportJobRepository, owner_id: str, job_id: str) -> ExportJobRecord:
        record = repo.get(owner_id, job_id)
        if record is None or record.source != PERSONAL_DATA:
            raise ExportJobMissingError(MISSING)
        return record

    def collect(
        self, tenant: TenantContext, user_id: str
    ) -> tuple[dict[str, list[dict[str, Any]]], list[PersonalFile]]:
        """Every provider's items (one list per kind, empty ones included) and files."""
        built = self._providers()
        kinds: dict[str, list[dict[str, Any]]] = {kind: [] for kind in every_kind(built)}
        files: list[PersonalFile] = []
        for provider in built:
            for kind, items in provider.export(tenant, user_id).items():
                kinds[kind] = items
            files += provider.files(tenant, user_id)
        return kinds, files

    def export(self, tenant: TenantContext, owner_id: str, job_id: str) -> dict[str, Any]:
        """Write the archive; return the job's summary."""
        repo = ExportJobRepository(tenant)
        record = self._job(repo, owner_id, job_id)
        if record.status in (ExportStatus.DONE, ExportStatus.FAILED):
            return summary(record)
        key = f"{tenant.tenant_id}/exports/{job_id}.{FORMAT}"
        if record.upload_id:
            abort_upload(self._s3, self._bucket, key, record.upload_id)
        if not repo.start(record, key, self._clock()):
            return summary(self._job(repo, owner_id, job_id))
        user = UserRepository(tenant).get(owner_id)
        if user is None or user.deleting_at is not None:
            raise ExportRefusedError(ACCOUNT_GONE)
        kinds, files = self.collect(tenant, owner_id)
        with MultipartUpload(
            self._s3,
            self._bucket,
            key,
            content_type=CONTENT_TYPE,
            part_size=self._part_size,
            on_start=lambda upload_id: repo.set_upload(record, upload_id),
            tagging=RETENTION_TAG,
        ) as upload:
            count = write_archive(upload, kinds, files, self._read, self._platform_name(tenant))
            upload.complete()
        repo.finish(record, count, self._clock())
        self._tell(tenant, user.email, user.first_name, user.locale, owner_id, record.keep_days)
        return summary(record)

    def _tell(
        self,
        tenant: TenantContext,
        email: str,
        first_name: str,
        locale: str,
        user_id: str,
        days: int,
    ) -> None:
        request = EmailRequested(
            template=MailTemplate.DATA_EXPORT_READY,
            to=email,
            locale=locale,
            params=TemplateParams(
                first_name=first_name,
                link=f"{self._origin(tenant)}/profile#my-data",
                expires_hours=days * 24,
            ),
        )
        self._publisher.publish(email_requested(tenant.tenant_id, request, user_id))

    def fail(
        self, tenant: TenantContext, owner_id: str, job_id: str, error: str, cause: str | None
    ) -> dict[str, Any]:
        """Mark the job failed with a message for its owner (the workflow's catch)."""
        repo = ExportJobRepository(tenant)
        record = repo.get(owner_id, job_id)
        if record is None:
            return {"job_id": job_id, "status": ExportStatus.FAILED.value, "rows_written": 0}
        message = TOO_LONG if error in TIMEOUTS else failure_message(job_id, error, cause)
        repo.fail(record, message, self._clock())
        return summary(self._job(repo, owner_id, job_id))
