"""Participation methods: the base, the registry and one module per method."""

from shared.participation.methods.base import MethodConfig, ParticipationMethod
from shared.participation.methods.information import InformationConfig, InformationMethod
from shared.participation.methods.registry import (
    REGISTRY,
    MethodRegistry,
    UnknownMethodError,
)

__all__ = [
    "REGISTRY",
    "InformationConfig",
    "InformationMethod",
    "MethodConfig",
    "MethodRegistry",
    "ParticipationMethod",
    "UnknownMethodError",
]
