"""The state each moderation action leads to, from each state."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from shared.moderation.actions import Outcome, next_state
from shared.moderation.activity import clip
from shared.moderation.models import ActivityRecord
from shared.moderation.schemas import ModerationAction as A


def _item(
    state: str = "visible", reviewed: bool = False, reason: str | None = None
) -> ActivityRecord:
    return ActivityRecord(
        "T#alpha#ACTIVITY#idea#i1",
        "ACTIVITY",
        target_kind="idea",
        target_id="i1",
        project_id="p1",
        author_id="u1",
        created_at=datetime(2026, 5, 1, tzinfo=UTC),
        state=state,
        reviewed=reviewed,
        hidden_reason=reason,
    )


@pytest.mark.parametrize(
    ("start", "action", "expected"),
    [
        (("visible", False, None), A.REVIEW, (True, "visible", None)),
        (("hidden", True, "Spam"), A.UNREVIEW, (False, "hidden", "Spam")),
        (("visible", False, None), A.HIDE, (True, "hidden", "Why")),
        (("hidden", True, "Spam"), A.HIDE, (True, "hidden", "Why")),
        (("hidden", True, "Spam"), A.RESTORE, (True, "visible", None)),
        (("visible", True, None), A.RESTORE, Outcome(False, "not_hidden")),
        (("visible", False, None), A.DELETE, (True, "deleted", None)),
        (("deleted", True, None), A.REVIEW, Outcome(False, "content_deleted")),
        (("deleted", True, None), A.RESTORE, Outcome(False, "content_deleted")),
    ],
)
def test_each_action_leads_to_its_state(
    start: tuple[str, bool, str | None], action: A, expected: object
) -> None:
    # GIVEN an item in a state; WHEN an action is decided; THEN it leads where the rules say
    assert next_state(_item(*start), action, "Why") == expected


def test_excerpts_are_single_spaced_and_cut_at_280_characters() -> None:
    assert clip("a  b\n c") == "a b c"
    cut = clip("x" * 300)
    assert len(cut) == 280 and cut.endswith("…")
