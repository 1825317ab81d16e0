"""The one permission policy: every action in Townhall is decided here."""

from shared.permissions.access import (
    DEFAULT_RULE,
    NO_FACTS,
    AccessRule,
    Audience,
    NoFacts,
    UserFacts,
)
from shared.permissions.policy import (
    PHASE_ACTIONS,
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
    "DEFAULT_RULE",
    "NO_FACTS",
    "PHASE_ACTIONS",
    "AccessRule",
    "Action",
    "Audience",
    "Decision",
    "NoFacts",
    "PhaseFacts",
    "Principal",
    "Reason",
    "Resource",
    "Role",
    "RoleGrant",
    "UserFacts",
    "authorize",
    "can",
]
