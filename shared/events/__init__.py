"""Domain events: the envelope and the publisher to the EventBridge bus."""

from shared.events.envelope import DomainEvent
from shared.events.publisher import EventBridgePublisher, EventPublisher, RecordingPublisher

__all__ = ["DomainEvent", "EventBridgePublisher", "EventPublisher", "RecordingPublisher"]
