"""The methods whose phases collect inputs (ideas, proposals) through the shared input machinery.

Their phases share the ideas table, the input form, comments, reactions,
moderation, the input manager, exports and personal data; their settings
answer the same questions (posting, commenting and reacting switched on,
dislikes, a cap on likes), see ``IdeationConfig`` and ``ProposalsConfig``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from shared.participation.methods.base import ParticipationMethod
from shared.participation.methods.ideation import IdeationConfig, IdeationMethod
from shared.participation.methods.proposals import ProposalsConfig, ProposalsMethod

InputConfig = IdeationConfig | ProposalsConfig

_METHODS: dict[str, ParticipationMethod] = {
    IdeationMethod.id: IdeationMethod(),
    ProposalsMethod.id: ProposalsMethod(),
}
INPUT_METHODS = frozenset(_METHODS)


def input_method(method_id: str | None) -> ParticipationMethod | None:
    """The method if it collects inputs, else None."""
    return _METHODS.get(method_id or "")


def input_config(method_id: str | None, raw: Mapping[str, Any] | None) -> InputConfig | None:
    """A stored phase's settings if its method collects inputs, else None."""
    if method_id == ProposalsMethod.id:
        return ProposalsConfig.model_validate(raw or {})
    if method_id == IdeationMethod.id:
        return IdeationConfig.model_validate(raw or {})
    return None
