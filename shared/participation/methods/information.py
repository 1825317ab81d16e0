"""The ``information`` method: the phase only informs, residents take no action.

Its configuration optionally describes one event (in person or online) the
phase announces; registration and calendar files come with the events
feature, which will reuse this shape.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import AnyHttpUrl, Field, model_validator

from shared.i18n import LocalizedText
from shared.participation.actions import ParticipationAction
from shared.participation.methods.base import MethodConfig


class EventInfo(MethodConfig):
    """An event the information phase announces."""

    title: LocalizedText | None = None
    starts_at: datetime
    ends_at: datetime | None = None
    location: str | None = Field(default=None, max_length=300)
    online_url: AnyHttpUrl | None = None

    @model_validator(mode="after")
    def _ends_after_start(self) -> EventInfo:
        if self.ends_at is not None and self.ends_at < self.starts_at:
            raise ValueError("the event must end after it starts")
        return self


class InformationConfig(MethodConfig):
    """Configuration of an information phase: nothing, or one announced event."""

    event: EventInfo | None = None


class InformationMethod:
    """Information: supports no participation action."""

    id = "information"
    actions: frozenset[ParticipationAction] = frozenset()
    anonymous_actions: frozenset[ParticipationAction] = frozenset()
    config_model = InformationConfig

    def normalize_config(self, config: MethodConfig) -> MethodConfig:
        return config
