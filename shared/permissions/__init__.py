"""The one permission policy: every action in Townhall is decided here."""

from shared.permissions.policy import (
    Action,
    Decision,
    PhaseFacts,
    Reason,
    Resource,
    authorize,
    can,
)
from shared.permissions.principal import ANONYMOUS, Principal, Role, RoleGrant

__all__ = [
    "ANONYMOUS",
    "Action",
    "Decision",
    "PhaseFacts",
    "Principal",
    "Reason",
    "Resource",
    "Role",
    "RoleGrant",
    "authorize",
    "can",
]
