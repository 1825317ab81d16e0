"""Export jobs in the ``exports`` table, one method per access pattern (keys: ``models``)."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from pynamodb.exceptions import DoesNotExist, UpdateError
from pynamodb.expressions.condition import Condition

from shared.db.repository import TenantRepository
from shared.exports.models import INPUTS, ExportJobRecord
from shared.exports.schemas import ExportStatus

RECENT_LIMIT = 20
_UNFINISHED = (ExportStatus.QUEUED.value, ExportStatus.RUNNING.value)


def new_job_id(now: datetime) -> str:
    """Time-ordered: 14 hex digits of the creation time in µs, then 10 random hex digits."""
    return f"{int(now.timestamp() * 1_000_000):014x}{secrets.token_hex(5)}"


class ExportJobRepository(TenantRepository):
    """Jobs in their owner's partition: an id alone never reaches someone else's job."""

    def pk(self, owner_id: str) -> str:
        return self.key("USER", owner_id)

    @staticmethod
    def sk(job_id: str) -> str:
        return f"EXPORT#{job_id}"

    def create(
        self,
        owner_id: str,
        job_id: str,
        *,
        format: str,
        query: dict[str, Any],
        locale: str,
        now: datetime,
        source: str = INPUTS,
    ) -> ExportJobRecord:
        record = ExportJobRecord(
            self.pk(owner_id),
            self.sk(job_id),
            job_id=job_id,
            owner_id=owner_id,
            format=format,
            status=ExportStatus.QUEUED.value,
            filters=query,
            locale=locale,
            rows_written=0,
            created_at=now,
            source=source,
        )
        record.expires = now + timedelta(days=record.keep_days)
        record.save(condition=ExportJobRecord.pk.does_not_exist())
        return record

    def get(self, owner_id: str, job_id: str) -> ExportJobRecord | None:
        try:
            record = ExportJobRecord.get(self.pk(owner_id), self.sk(job_id))
        except DoesNotExist:
            return None
        return self.check(record) if isinstance(record, ExportJobRecord) else None

    def recent(
        self, owner_id: str, limit: int = RECENT_LIMIT, source: str = INPUTS
    ) -> list[ExportJobRecord]:
        """The owner's latest jobs of ``source``, newest first."""
        query = ExportJobRecord.query(
            self.pk(owner_id),
            ExportJobRecord.sk.startswith("EXPORT#"),
            scan_index_forward=False,
        )
        found = []
        for record in query:
            if isinstance(record, ExportJobRecord) and (record.source or INPUTS) == source:
                found.append(self.check(record))
                if len(found) == limit:
                    break
        return found

    def every_job(self, owner_id: str) -> list[ExportJobRecord]:
        """Every job of the owner, whatever it exports (erasure of the account)."""
        query = ExportJobRecord.query(self.pk(owner_id), ExportJobRecord.sk.startswith("EXPORT#"))
        return [self.check(r) for r in query if isinstance(r, ExportJobRecord)]

    def delete(self, record: ExportJobRecord) -> None:
        self.check(record).delete()

    def _update(self, record: ExportJobRecord, actions: list[Any], condition: Condition) -> bool:
        """One conditional update; False when the job is not in the expected state."""
        try:
            record.update(actions=actions, condition=condition)
        except UpdateError as error:
            if error.cause_response_code == "ConditionalCheckFailedException":
                return False
            raise
        return True

    def start(self, record: ExportJobRecord, object_key: str, now: datetime) -> bool:
        """Queued (or running, on a retried attempt) → running, from zero rows."""
        return self._update(
            record,
            [
                ExportJobRecord.status.set(ExportStatus.RUNNING.value),
                ExportJobRecord.started_at.set(now),
                ExportJobRecord.rows_written.set(0),
                ExportJobRecord.object_key.set(object_key),
                ExportJobRecord.attempts.add(1),
            ],
            ExportJobRecord.status.is_in(*_UNFINISHED),
        )

    def set_upload(self, record: ExportJobRecord, upload_id: str | None) -> bool:
        """Remember the open multipart upload, so a retried attempt can abort it."""
        action = (
            ExportJobRecord.upload_id.set(upload_id)
            if upload_id
            else ExportJobRecord.upload_id.remove()
        )
        return self._update(record, [action], ExportJobRecord.status == ExportStatus.RUNNING.value)

    def progress(self, record: ExportJobRecord, rows_written: int) -> bool:
        return self._update(
            record,
            [ExportJobRecord.rows_written.set(rows_written)],
            ExportJobRecord.status == ExportStatus.RUNNING.value,
        )

    def finish(self, record: ExportJobRecord, rows_written: int, now: datetime) -> bool:
        """Running → done; the file's expiry is counted from now."""
        return self._update(
            record,
            [
                ExportJobRecord.status.set(ExportStatus.DONE.value),
                ExportJobRecord.rows_written.set(rows_written),
                ExportJobRecord.finished_at.set(now),
                ExportJobRecord.upload_id.remove(),
                ExportJobRecord.expires.set(now + timedelta(days=record.keep_days)),
            ],
            ExportJobRecord.status == ExportStatus.RUNNING.value,
        )

    def fail(self, record: ExportJobRecord, message: str, now: datetime) -> bool:
        """Queued or running → failed with a message for the person who asked."""
        return self._update(
            record,
            [
                ExportJobRecord.status.set(ExportStatus.FAILED.value),
                ExportJobRecord.error.set(message),
                ExportJobRecord.finished_at.set(now),
            ],
            ExportJobRecord.status.is_in(*_UNFINISHED),
        )
