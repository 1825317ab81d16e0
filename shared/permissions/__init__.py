"""The one permission policy: every action in Townhall is decided here."""

from shared.permissions.policy import Action, Decision, Resource, authorize, can
from shared.permissions.principal import ANONYMOUS, Principal, Role, RoleGrant

__all__ = [
    "ANONYMOUS",
    "Action",
    "Decision",
    "Principal",
    "Resource",
    "Role",
    "RoleGrant",
    "authorize",
    "can",
]
