"""The tenant context every data access needs.

Every tenant-scoped key starts with the tenant id; repositories are built
with a ``TenantContext`` and cannot be built without one, so a request for
platform B cannot address platform A's items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import BaseModel, Field

TENANT_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{1,62}$"
_ID = re.compile(TENANT_ID_PATTERN)
# A tenant id in a worker's or workflow's input, checked at the boundary.
TenantId = Annotated[str, Field(pattern=TENANT_ID_PATTERN)]


class TenantRequest(BaseModel):
    """A direct invocation of a worker for one platform: ``{"tenant_id": ...}``."""

    tenant_id: TenantId


@dataclass(frozen=True)
class TenantContext:
    """The platform a request belongs to."""

    tenant_id: str
    host: str

    def __post_init__(self) -> None:
        if not _ID.match(self.tenant_id):
            raise ValueError(f"invalid tenant id {self.tenant_id!r}")

    @property
    def prefix(self) -> str:
        return f"T#{self.tenant_id}#"

    def key(self, *parts: str) -> str:
        """A partition or sort key inside this tenant: ``T#<tenant>#<parts...>``."""
        return self.prefix + "#".join(parts)

    def owns(self, key: str) -> bool:
        return key.startswith(self.prefix)
