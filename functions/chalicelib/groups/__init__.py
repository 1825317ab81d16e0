"""The groups domain's routes and its worker (Blueprint ``bp``).

Importing the route modules registers their operations on ``bp``; importing
the models registers the ``groups`` table.
"""

from chalicelib.groups import routes, worker
from chalicelib.groups.blueprint import bp
from shared.groups import models

__all__ = ["bp", "models", "routes", "worker"]
