"""The process-wide target registry: one resolver per domain that owns a target kind.

Discussion, follows and notifications resolve targets through this registry;
each owning domain adds its kind in :func:`targets` (one line per kind).
"""

from __future__ import annotations

from chalicelib import runtime
from chalicelib.ideation.wiring import ideas
from shared.participation.targets import Targets


@runtime.cached
def targets() -> Targets:
    registry = Targets()
    registry.register("idea", lambda tenant, idea_id: ideas().target_info(tenant, idea_id))
    return registry
