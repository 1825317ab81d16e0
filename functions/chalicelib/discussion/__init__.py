"""The discussion domain's routes and its worker (Blueprint ``bp``).

Importing the route modules registers their operations on ``bp``.
"""

from chalicelib.discussion import comment_routes, official_update_routes, worker
from chalicelib.discussion.blueprint import bp

__all__ = ["bp", "comment_routes", "official_update_routes", "worker"]
