"""The one module that owns every resource name.

The dev runner, the functions and the CDK app all derive names from here, so
a table, bucket, queue or workflow is called the same everywhere. A name can
be overridden per resource (CDK passes each real name as an environment
variable ``TOWNHALL_RESOURCE_<KIND>_<LOGICAL>``, e.g.
``TOWNHALL_RESOURCE_TABLE_USERS``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

BUCKETS = ("uploads", "exports")


@dataclass(frozen=True)
class ResourceNames:
    """Physical names for one deployment (stage + region), from its prefix."""

    prefix: str
    overrides: Mapping[str, str] = field(default_factory=dict)

    def _name(self, kind: str, logical: str, suffix: str = "") -> str:
        key = f"{kind}_{logical}".lower()
        default = f"{self.prefix}-{logical}{suffix}".replace("_", "-")
        return self.overrides.get(key, default)

    def table(self, logical: str) -> str:
        return self._name("table", logical)

    def bucket(self, logical: str) -> str:
        return self._name("bucket", logical)

    def queue(self, logical: str) -> str:
        return self._name("queue", logical)

    def dead_letter_queue(self, logical: str) -> str:
        return self._name("dlq", logical, "-dlq")

    def state_machine(self, logical: str) -> str:
        return self._name("state_machine", logical)

    @property
    def event_bus(self) -> str:
        return self._name("bus", "events")

    def env(self, kind: str, logical: str) -> tuple[str, str]:
        """The environment variable CDK sets for one resource, and its value."""
        value = getattr(self, kind)(logical)
        return f"TOWNHALL_RESOURCE_{kind}_{logical}".upper(), value
