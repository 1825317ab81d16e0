"""Turning stored users into principals and API views."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from shared.identity.models import UserRecord
from shared.identity.schemas import BlockNotice, Me, RoleGrantModel, UserSummary
from shared.permissions import NO_FACTS, Principal, Role, RoleGrant, UserFacts


def grants_of(record: UserRecord) -> frozenset[RoleGrant]:
    """The role grants stored on a user (residents have none)."""
    return frozenset(
        RoleGrant(Role(item.role), frozenset(item.scope or ())) for item in record.roles or []
    )


def principal_of(record: UserRecord, tenant_id: str, facts: UserFacts = NO_FACTS) -> Principal:
    return Principal(
        user_id=record.user_id,
        tenant_id=tenant_id,
        grants=grants_of(record),
        email_confirmed=bool(record.email_confirmed),
        blocked_until=record.blocked_until,
        block_reason=record.block_reason,
        verified=record.verified_at is not None,
        facts=facts,
    )


def block_of(record: UserRecord, now: datetime | None = None) -> BlockNotice | None:
    """The user's block while it lasts (a block that ran out is no block)."""
    until = record.blocked_until
    if until is None or until <= (now or datetime.now(UTC)):
        return None
    return BlockNotice(until=until, reason=record.block_reason)


def _fields(record: UserRecord, avatar_url: Callable[[str], str]) -> dict[str, object]:
    roles = sorted(grants_of(record), key=lambda g: (g.role.value, sorted(g.scope)))
    return {
        "id": record.user_id,
        "email": record.email,
        "first_name": record.first_name,
        "last_name": record.last_name,
        "locale": record.locale,
        "avatar_url": avatar_url(record.avatar_key) if record.avatar_key else None,
        "email_confirmed": bool(record.email_confirmed),
        "roles": [RoleGrantModel(role=g.role, scope=sorted(g.scope)) for g in roles],
        "created_at": record.created_at,
    }


def me_of(record: UserRecord, avatar_url: Callable[[str], str]) -> Me:
    return Me.model_validate(
        {
            **_fields(record, avatar_url),
            "blocked": block_of(record),
            "verified": record.verified_at is not None,
            "answers": dict(record.profile or {}),
            "accepted_policies": {
                document: int(consent["version"])
                for document, consent in (record.consents or {}).items()
            },
            "has_password": record.password_set is not False,
        }
    )


def summary_of(record: UserRecord, avatar_url: Callable[[str], str]) -> UserSummary:
    return UserSummary.model_validate(_fields(record, avatar_url))
