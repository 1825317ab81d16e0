"""Uploads' personal data: every file a resident uploaded (``shared.privacy``).

Residents' files live under ``<tenant>/<purpose>/<user>/`` for the avatar and
ideas' images and attachments. The archive gets each original (resized
variants are derived) and ``uploads.json`` lists them; erasure deletes every
version of everything under those prefixes, including uploads that were
never attached to anything. Files uploaded for the platform itself (logo,
project images and attachments) belong to the platform and stay.
"""

from __future__ import annotations

import re

from shared.privacy.providers import (
    BELONGINGS,
    ErasureMode,
    Items,
    PersonalFile,
    ProviderBase,
    personal_data_provider,
    upload_path,
)
from shared.tenancy.context import TenantContext
from shared.uploads.policies import UploadPurpose

RESIDENT_PURPOSES = (UploadPurpose.AVATAR, UploadPurpose.IDEA_IMAGE, UploadPurpose.IDEA_ATTACHMENT)
_VARIANT = re.compile(r"\.w\d+\.webp$")


@personal_data_provider("uploads")
class UploadsData(ProviderBase):
    name = "uploads"
    kinds = ("uploads",)
    stage = BELONGINGS

    def _prefixes(self, tenant: TenantContext, user_id: str) -> list[str]:
        return [f"{tenant.tenant_id}/{purpose.value}/{user_id}/" for purpose in RESIDENT_PURPOSES]

    def files(self, tenant: TenantContext, user_id: str) -> list[PersonalFile]:
        found = []
        for prefix in self._prefixes(tenant, user_id):
            for key in self._tools.uploads.keys(prefix):
                if not _VARIANT.search(key):
                    found.append(PersonalFile(key=key, path=upload_path(key)))
        return found

    def export(self, tenant: TenantContext, user_id: str) -> dict[str, Items]:
        return {
            "uploads": [
                {"file": item.path, "purpose": item.key.split("/")[1]}
                for item in self.files(tenant, user_id)
            ]
        }

    def erase(self, tenant: TenantContext, user_id: str, mode: ErasureMode) -> None:
        for prefix in self._prefixes(tenant, user_id):
            self._tools.uploads.erase_prefix(prefix)
