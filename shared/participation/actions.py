"""What a resident can do in a phase, whatever method runs it.

Methods declare the subset they support; per-phase permissions (who may
post, comment, vote...) will be keyed by these same values, so a new method
reuses them instead of inventing its own vocabulary.
"""

from __future__ import annotations

from enum import StrEnum


class ParticipationAction(StrEnum):
    POST_INPUT = "post_input"
    COMMENT = "comment"
    REACT = "react"
    VOTE = "vote"
    BUDGET = "budget"
    TAKE_SURVEY = "take_survey"
    TAKE_POLL = "take_poll"
    ANSWER = "answer"
    PIN_ON_MAP = "pin_on_map"
    VOLUNTEER = "volunteer"
    ATTEND = "attend"
    SIGN = "sign"
