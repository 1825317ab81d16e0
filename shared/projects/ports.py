"""What the projects domain needs from the outside, as protocols it can be given."""

from __future__ import annotations

from typing import Protocol

from shared.permissions import Principal
from shared.tenancy.context import TenantContext
from shared.uploads import StoredFile, UploadPurpose


class FileStore(Protocol):
    """Confirmed uploads and their links (``shared.uploads.UploadService`` fits)."""

    def confirm(
        self, tenant: TenantContext, principal: Principal, key: str, purpose: UploadPurpose
    ) -> StoredFile: ...

    def download_url(self, key: str, filename: str | None = None) -> str: ...

    def delete(self, key: str) -> None: ...
