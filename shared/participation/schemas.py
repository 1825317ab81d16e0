"""API shapes describing the participation methods to the admin UI."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from shared.participation.actions import ParticipationAction
from shared.participation.methods.base import ParticipationMethod, config_schema
from shared.participation.methods.registry import MethodRegistry


class MethodInfo(BaseModel):
    """One participation method: what residents can do and how it is configured."""

    id: str
    actions: list[ParticipationAction]
    anonymous_actions: list[ParticipationAction] = Field(
        description="Actions a phase may open to everyone, signed-out visitors too."
    )
    config_schema: dict[str, Any] = Field(
        description="JSON schema of `method_config` for phases running this method."
    )

    @classmethod
    def of(cls, method: ParticipationMethod) -> MethodInfo:
        return cls(
            id=method.id,
            actions=sorted(method.actions),
            anonymous_actions=sorted(method.anonymous_actions),
            config_schema=config_schema(method),
        )


class MethodList(BaseModel):
    items: list[MethodInfo]

    @classmethod
    def of(cls, registry: MethodRegistry) -> MethodList:
        return cls(items=[MethodInfo.of(method) for method in registry])
