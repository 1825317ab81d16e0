"""Published versions of the legal pages, one method per access pattern (keys: ``models``)."""

from __future__ import annotations

from datetime import datetime

from pynamodb.exceptions import PutError

from shared.db.repository import TenantRepository
from shared.errors import ConflictError
from shared.legal.models import LegalVersionRecord


def _sk(version: int) -> str:
    return f"V#{version:06d}"


class LegalRepository(TenantRepository):
    """Versions of one platform's legal documents."""

    def pk(self, document: str) -> str:
        return self.key("LEGAL", document)

    def latest(self, document: str) -> LegalVersionRecord | None:
        """The current (highest) version, or None before the first publication."""
        for record in LegalVersionRecord.query(
            self.pk(document),
            LegalVersionRecord.sk.startswith("V#"),
            scan_index_forward=False,
            limit=1,
            consistent_read=True,
        ):
            checked: LegalVersionRecord = self.check(record)
            return checked
        return None

    def versions(self, document: str) -> list[LegalVersionRecord]:
        """Every version, newest first."""
        return [
            self.check(record)
            for record in LegalVersionRecord.query(
                self.pk(document), LegalVersionRecord.sk.startswith("V#"), scan_index_forward=False
            )
        ]

    def publish(
        self, document: str, version: int, content: dict[str, str], by: str, now: datetime
    ) -> LegalVersionRecord:
        """Write version ``version``; another admin's publication of it first is a conflict."""
        record = LegalVersionRecord(
            self.pk(document),
            _sk(version),
            document=document,
            version=version,
            content=content,
            published_at=now,
            published_by=by,
        )
        try:
            record.save(condition=LegalVersionRecord.pk.does_not_exist())
        except PutError as error:
            if getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException":
                raise ConflictError(
                    "Someone published this document at the same moment. Reload and try again.",
                    code="legal_version_taken",
                ) from error
            raise
        return record
