"""A user's facts as smart-group rules see them (identity's record plus participation)."""

from __future__ import annotations

from shared.groups.models import ParticipationRecord
from shared.groups.rules import Person
from shared.identity.models import UserRecord


def person_of(user: UserRecord, participation: ParticipationRecord | None) -> Person:
    """Everything a rule may look at about ``user`` now."""
    roles = frozenset(grant.role for grant in user.roles or [])
    return Person(
        email=user.email,
        roles=roles,
        verified=user.verified_at is not None,
        registered_at=user.created_at,
        answers=dict(user.profile or {}),
        project_ids=frozenset(participation.project_ids or ()) if participation else frozenset(),
        topic_ids=frozenset(participation.topic_ids or ()) if participation else frozenset(),
        status_ids=frozenset(participation.status_ids or ()) if participation else frozenset(),
    )
