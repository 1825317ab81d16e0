"""Participation: the actions residents take and the methods a phase can run.

A phase of a project's timeline runs exactly one participation method
(information, ideation, voting, ...). Each method lives in its own module under
:mod:`shared.participation.methods`, declares the actions it supports and the
pydantic model of its configuration, and is registered in the method registry.
"""

from shared.participation.actions import ParticipationAction
from shared.participation.methods import REGISTRY, MethodRegistry, ParticipationMethod

__all__ = ["REGISTRY", "MethodRegistry", "ParticipationAction", "ParticipationMethod"]
