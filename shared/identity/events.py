"""Identity's domain events: a user's data changed, or the user is gone.

``identity.user.changed`` follows every change other domains derive data
from (sign-up, confirmed email, profile and registration answers, roles,
verification); consumers re-read the user, so the event carries only ids.
"""

from __future__ import annotations

from shared.events import DomainEvent

USER_CHANGED = "identity.user.changed"
USER_DELETED = "identity.user.deleted"


def user_changed(tenant_id: str, user_id: str, actor_id: str | None = None) -> DomainEvent:
    return DomainEvent(
        type=USER_CHANGED,
        tenant_id=tenant_id,
        actor_id=actor_id or user_id,
        data={"user_id": user_id},
    )


def user_deleted(tenant_id: str, user_id: str) -> DomainEvent:
    """The account and everything it held are gone (the erasure workflow's last step)."""
    return DomainEvent(
        type=USER_DELETED, tenant_id=tenant_id, actor_id=user_id, data={"user_id": user_id}
    )
