"""The envelope every domain event travels in.

``type`` is ``<domain>.<entity>.<verb-past>`` (e.g. ``identity.user.registered``)
and becomes EventBridge's ``detail-type``; ``event_id`` makes consumers
idempotent; ``tenant_id`` scopes the consumer's data access.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, Field

EVENT_SOURCE = "townhall"


def _now() -> datetime:
    return datetime.now(UTC)


class DomainEvent(BaseModel):
    """A fact that happened in one tenant."""

    type: str = Field(pattern=r"^[a-z_]+(\.[a-z_]+){2}$")
    tenant_id: str
    data: dict[str, Any] = Field(default_factory=dict)
    actor_id: str | None = None
    event_id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    occurred_at: datetime = Field(default_factory=_now)

    @property
    def domain(self) -> str:
        return self.type.split(".", 1)[0]
