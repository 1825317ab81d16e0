"""Status transitions of projects and folders."""

from __future__ import annotations

import pytest

from shared.projects.statuses import (
    Status,
    StatusTransitionError,
    Transition,
    is_listed,
    next_status,
)


@pytest.mark.parametrize(
    ("current", "move", "target"),
    [
        (Status.DRAFT, Transition.PUBLISH, Status.PUBLISHED),
        (Status.PUBLISHED, Transition.UNPUBLISH, Status.DRAFT),
        (Status.DRAFT, Transition.ARCHIVE, Status.ARCHIVED),
        (Status.PUBLISHED, Transition.ARCHIVE, Status.ARCHIVED),
    ],
)
def test_allowed_transitions(current, move, target):
    assert next_status(current, move) is target


@pytest.mark.parametrize(
    ("current", "move"),
    [
        (Status.PUBLISHED, Transition.PUBLISH),
        (Status.DRAFT, Transition.UNPUBLISH),
        (Status.ARCHIVED, Transition.PUBLISH),
        (Status.ARCHIVED, Transition.UNPUBLISH),
        (Status.ARCHIVED, Transition.ARCHIVE),
    ],
)
def test_refused_transitions_say_from_where(current, move):
    with pytest.raises(StatusTransitionError) as caught:
        next_status(current, move)
    assert caught.value.status == 409
    assert caught.value.extra == {"from": current.value, "transition": move.value}


def test_residents_see_published_and_archived():
    assert [s for s in Status if is_listed(s)] == [Status.PUBLISHED, Status.ARCHIVED]
