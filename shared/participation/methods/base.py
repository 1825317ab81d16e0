"""What every participation method declares.

A method is a small, stateless object: an ``id`` stored on the phase, the
actions it supports, and the pydantic model its per-phase configuration must
satisfy. The projects domain only talks to this protocol, so adding a method
is one new module plus its registration, never a change to phases.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict

from shared.participation.actions import ParticipationAction


class MethodConfig(BaseModel):
    """Base of every method's configuration: unknown keys are refused, not dropped."""

    model_config = ConfigDict(extra="forbid")

    def enabled_actions(self) -> frozenset[str]:
        """The participation actions these settings switch on (none unless a method says)."""
        return frozenset()


def switched_on(switches: Mapping[ParticipationAction, bool]) -> frozenset[str]:
    """The actions (as the policy names them) whose switch is on."""
    return frozenset(action.value for action, on in switches.items() if on)


class ParticipationMethod(Protocol):
    """The contract a participation method module fulfils."""

    @property
    def id(self) -> str: ...

    @property
    def actions(self) -> frozenset[ParticipationAction]: ...

    @property
    def anonymous_actions(self) -> frozenset[ParticipationAction]:
        """The actions signed-out visitors may take when a phase admits everyone."""
        ...

    @property
    def config_model(self) -> type[MethodConfig]: ...

    def normalize_config(self, config: MethodConfig) -> MethodConfig:
        """Method-specific clean-up after validation (e.g. sanitising rich text)."""
        ...


def config_schema(method: ParticipationMethod) -> dict[str, Any]:
    """The JSON schema of a method's configuration, for the admin UI's forms."""
    return method.config_model.model_json_schema()
