"""The registry of participation methods, by id.

Phases store a method id; the registry turns it back into the method and
validates the phase's configuration against the method's model. Adding a
method means writing its module and adding one line to :func:`default_registry`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pydantic

from shared.errors import FieldIssue, ValidationError
from shared.participation.methods.base import MethodConfig, ParticipationMethod
from shared.participation.methods.ideation import IdeationMethod
from shared.participation.methods.information import InformationMethod
from shared.participation.methods.proposals import ProposalsMethod


class UnknownMethodError(ValidationError):
    code = "unknown_participation_method"
    title = "This participation method does not exist."


class MethodRegistry:
    """Participation methods by id; registration order is the listing order."""

    def __init__(self) -> None:
        self._methods: dict[str, ParticipationMethod] = {}

    def register(self, method: ParticipationMethod) -> ParticipationMethod:
        if method.id in self._methods:
            raise ValueError(f"participation method {method.id!r} is already registered")
        self._methods[method.id] = method
        return method

    def get(self, method_id: str) -> ParticipationMethod:
        """The method called ``method_id``; an unknown id is the caller's input error."""
        try:
            return self._methods[method_id]
        except KeyError as error:
            known = ", ".join(self._methods)
            raise UnknownMethodError(
                issues=[
                    FieldIssue(
                        "method",
                        "unknown_participation_method",
                        f"Choose one of the available methods: {known}.",
                    )
                ]
            ) from error

    def __iter__(self) -> Iterator[ParticipationMethod]:
        return iter(list(self._methods.values()))

    def __contains__(self, method_id: object) -> bool:
        return method_id in self._methods

    def validate_config(
        self, method_id: str, raw: dict[str, Any] | None, field: str = "method_config"
    ) -> MethodConfig:
        """Validate ``raw`` against the method's config model; issues name ``field``."""
        method = self.get(method_id)
        try:
            config = method.config_model.model_validate(raw or {})
        except pydantic.ValidationError as error:
            issues = [
                FieldIssue(
                    ".".join([field, *(str(p) for p in item["loc"])]),
                    item["type"],
                    str(item.get("ctx", {}).get("error", item["msg"])),
                )
                for item in error.errors(include_url=False)
            ]
            raise ValidationError(
                f"The settings do not fit the {method_id!r} method.", issues=issues
            ) from error
        return method.normalize_config(config)


def default_registry() -> MethodRegistry:
    """Every participation method Townhall ships."""
    registry = MethodRegistry()
    registry.register(InformationMethod())
    registry.register(IdeationMethod())
    registry.register(ProposalsMethod())
    return registry


REGISTRY = default_registry()
