"""The ``proposals`` method: citizen initiatives that collect signatures.

Residents submit proposals; each proposal collects signatures for
``signing_days`` days from its publication and reaches its goal at
``signature_threshold`` signatures, when the city takes the step the phase
states in ``commitment`` (e.g. "the council debates it"). Proposals are
inputs of the phase like ideas (the same form, comments, moderation, input
manager, exports and personal data); a signature is a like, and proposals
take no dislikes and no cap on signatures per resident.

Who may sign is the phase's ``react`` rule (e.g. verified residents only);
who may comment is the phase's ``comment`` rule *and* the platform's rule
for commenting on proposals, which applies to every proposals phase.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum

from pydantic import BaseModel, Field

from shared.i18n import OptionalLocalizedPlainText
from shared.participation.actions import ParticipationAction
from shared.participation.methods.base import MethodConfig, switched_on


class ProposalsConfig(MethodConfig):
    """Configuration of a proposals phase."""

    posting_enabled: bool = True
    commenting_enabled: bool = True
    signing_enabled: bool = True
    signature_threshold: int = Field(
        default=100, ge=1, le=1_000_000, description="Signatures a proposal needs."
    )
    signing_days: int = Field(
        default=90,
        ge=1,
        le=730,
        description="Days a proposal collects signatures, from the day it is published.",
    )
    commitment: OptionalLocalizedPlainText = Field(
        default_factory=dict,
        description="What the city does with a proposal that reaches its signatures, "
        'e.g. "The city council debates it within three months."',
    )

    # What the shared input machinery asks of a phase's settings (``IdeationConfig`` names).
    @property
    def reacting_enabled(self) -> bool:
        return self.signing_enabled

    @property
    def dislikes_enabled(self) -> bool:
        return False

    @property
    def max_likes_per_resident(self) -> int | None:
        return None

    def enabled_actions(self) -> frozenset[str]:
        return switched_on(
            {
                ParticipationAction.POST_INPUT: self.posting_enabled,
                ParticipationAction.COMMENT: self.commenting_enabled,
                ParticipationAction.REACT: self.signing_enabled,
            }
        )


class ProposalState(StrEnum):
    COLLECTING = "collecting"  # within its signing days, short of the threshold
    REACHED = "reached"  # had the signatures it needs (signing stays open until the deadline)
    EXPIRED = "expired"  # the deadline passed short of the threshold


class ProposalProgress(BaseModel):
    """Where one proposal stands: signatures against the threshold, and its deadline."""

    signatures: int
    threshold: int
    deadline: date = Field(description="The last day the proposal can be signed.")
    state: ProposalState


def deadline(config: ProposalsConfig, published_at: datetime) -> date:
    """The last day a proposal published at ``published_at`` collects signatures."""
    return published_at.date() + timedelta(days=config.signing_days - 1)


def progress(
    config: ProposalsConfig,
    published_at: datetime,
    signatures: int,
    today: date,
    reached: bool = False,
) -> ProposalProgress:
    """A proposal's state on ``today``: reached once it had its signatures (``reached``, even if
    some were withdrawn since) or has them now; expired once the deadline passed short of them."""
    last_day = deadline(config, published_at)
    if reached or signatures >= config.signature_threshold:
        state = ProposalState.REACHED
    elif today > last_day:
        state = ProposalState.EXPIRED
    else:
        state = ProposalState.COLLECTING
    return ProposalProgress(
        signatures=signatures,
        threshold=config.signature_threshold,
        deadline=last_day,
        state=state,
    )


class ProposalsMethod:
    """Proposals: submit, comment and sign."""

    id = "proposals"
    actions: frozenset[ParticipationAction] = frozenset(
        {ParticipationAction.POST_INPUT, ParticipationAction.COMMENT, ParticipationAction.REACT}
    )
    # A signature counts a person: none is open to signed-out visitors.
    anonymous_actions: frozenset[ParticipationAction] = frozenset()
    config_model = ProposalsConfig

    def normalize_config(self, config: MethodConfig) -> MethodConfig:
        return config
