"""Exports' personal data: the person's own export jobs and files (``shared.privacy``).

Nothing to export (the archive would describe itself); erasure deletes the
jobs and every version of their files in the ``exports`` bucket.
"""

from __future__ import annotations

from shared.exports.repository import ExportJobRepository
from shared.privacy.providers import (
    BELONGINGS,
    ErasureMode,
    ProviderBase,
    personal_data_provider,
)
from shared.tenancy.context import TenantContext


@personal_data_provider("exports")
class ExportsData(ProviderBase):
    name = "exports"
    stage = BELONGINGS

    def erase(self, tenant: TenantContext, user_id: str, mode: ErasureMode) -> None:
        repository = ExportJobRepository(tenant)
        for record in repository.every_job(user_id):
            if record.object_key:
                self._tools.exports.erase(record.object_key)
            repository.delete(record)
