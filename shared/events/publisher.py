"""Publishers of domain events.

Services depend on the :class:`EventPublisher` protocol; the functions wire
the EventBridge publisher, tests may pass a :class:`RecordingPublisher`.
"""

from __future__ import annotations

from typing import Any, Protocol

from shared.errors import DomainError
from shared.events.envelope import EVENT_SOURCE, DomainEvent


class EventPublishError(DomainError):
    status = 503
    code = "event_publish_failed"
    title = "The change was saved but its follow-up could not be scheduled. Please retry."


class EventPublisher(Protocol):
    def publish(self, *events: DomainEvent) -> None: ...


class EventBridgePublisher:
    """Puts events on the platform's custom bus, ten per call."""

    def __init__(self, client: Any, bus_name: str) -> None:
        self._client = client
        self._bus_name = bus_name

    def publish(self, *events: DomainEvent) -> None:
        for start in range(0, len(events), 10):
            batch = events[start : start + 10]
            response = self._client.put_events(
                Entries=[
                    {
                        "Source": f"{EVENT_SOURCE}.{event.domain}",
                        "DetailType": event.type,
                        "Detail": event.model_dump_json(),
                        "EventBusName": self._bus_name,
                    }
                    for event in batch
                ]
            )
            if response.get("FailedEntryCount"):
                raise EventPublishError(extra={"failed": response["FailedEntryCount"]})


class RecordingPublisher:
    """Keeps published events in memory (tests, scripts)."""

    def __init__(self) -> None:
        self.events: list[DomainEvent] = []

    def publish(self, *events: DomainEvent) -> None:
        self.events.extend(events)
