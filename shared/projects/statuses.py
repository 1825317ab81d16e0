"""Lifecycle statuses and visibility of projects and folders, and their transitions.

``draft -> published <-> draft`` (unpublishing returns a project to draft) and
``draft | published -> archived``. Archived items stay readable by residents,
marked as archived; drafts are invisible to them.
"""

from __future__ import annotations

from enum import StrEnum

from shared.errors import ConflictError


class Status(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class Visibility(StrEnum):
    """Who may see a published project: everyone, the team only, or members of given groups."""

    PUBLIC = "public"
    ADMINS = "admins"
    GROUPS = "groups"


class Transition(StrEnum):
    PUBLISH = "publish"
    UNPUBLISH = "unpublish"
    ARCHIVE = "archive"


# transition -> (statuses it may start from, status it leads to)
TRANSITIONS: dict[Transition, tuple[frozenset[Status], Status]] = {
    Transition.PUBLISH: (frozenset({Status.DRAFT}), Status.PUBLISHED),
    Transition.UNPUBLISH: (frozenset({Status.PUBLISHED}), Status.DRAFT),
    Transition.ARCHIVE: (frozenset({Status.DRAFT, Status.PUBLISHED}), Status.ARCHIVED),
}

LISTED = frozenset({Status.PUBLISHED, Status.ARCHIVED})
"""Statuses residents can see."""


class StatusTransitionError(ConflictError):
    code = "invalid_status_transition"
    title = "This change of status is not possible."


def next_status(current: Status, transition: Transition) -> Status:
    """The status ``transition`` leads to from ``current``; refuse impossible moves."""
    allowed_from, target = TRANSITIONS[transition]
    if current not in allowed_from:
        raise StatusTransitionError(
            f"A {current.value} item cannot be {transition.value}ed.",
            extra={"from": current.value, "transition": transition.value},
        )
    return target


def is_listed(status: Status) -> bool:
    return status in LISTED
