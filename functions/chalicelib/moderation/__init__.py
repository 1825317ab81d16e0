"""The moderation domain's routes and its worker (Blueprint ``bp``).

Importing the route modules registers their operations on ``bp``; importing
the models registers the ``moderation`` table.
"""

from chalicelib.moderation import (
    activity_routes,
    audit_routes,
    block_routes,
    profanity_routes,
    report_routes,
    worker,
)
from chalicelib.moderation.blueprint import bp
from shared.moderation import models

__all__ = ["activity_routes", "audit_routes", "bp", "models", "report_routes", "worker"]
__all__ += ["block_routes", "profanity_routes"]
