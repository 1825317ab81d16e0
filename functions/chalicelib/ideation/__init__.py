"""The ideation domain's routes and event handlers (Blueprint ``bp``).

Importing the route modules registers their operations on ``bp``.
"""

from chalicelib.ideation import idea_routes, reaction_routes, taxonomy_routes, worker
from chalicelib.ideation.blueprint import bp

__all__ = ["bp", "idea_routes", "taxonomy_routes"]
__all__ += ["reaction_routes", "worker"]
