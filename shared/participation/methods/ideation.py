"""The ``ideation`` method: residents post ideas, comment on them and react to them.

Each of the three actions can be switched off per phase; dislikes are off
unless asked for; a phase may cap the likes one resident gives in it; the
ideas are presented as cards or on a map.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from shared.participation.actions import ParticipationAction
from shared.participation.methods.base import MethodConfig, switched_on


class Presentation(StrEnum):
    CARDS = "cards"
    MAP = "map"


class IdeationConfig(MethodConfig):
    """Configuration of an ideation phase."""

    posting_enabled: bool = True
    commenting_enabled: bool = True
    reacting_enabled: bool = True
    dislikes_enabled: bool = False
    max_likes_per_resident: int | None = Field(
        default=None, ge=1, le=10_000, description="Null: residents may like every idea."
    )
    presentation: Presentation = Presentation.CARDS

    def enabled_actions(self) -> frozenset[str]:
        """The participation actions these settings switch on (the policy's PhaseFacts)."""
        return switched_on(
            {
                ParticipationAction.POST_INPUT: self.posting_enabled,
                ParticipationAction.COMMENT: self.commenting_enabled,
                ParticipationAction.REACT: self.reacting_enabled,
            }
        )


class IdeationMethod:
    """Ideation: post, comment and react."""

    id = "ideation"
    actions: frozenset[ParticipationAction] = frozenset(
        {ParticipationAction.POST_INPUT, ParticipationAction.COMMENT, ParticipationAction.REACT}
    )
    # Every ideation action has an author: none is open to signed-out visitors.
    anonymous_actions: frozenset[ParticipationAction] = frozenset()
    config_model = IdeationConfig

    def normalize_config(self, config: MethodConfig) -> MethodConfig:
        return config
