"""Identity verification's routes (Blueprint ``bp``).

Importing the route modules registers their operations on ``bp``; importing
the models registers the ``verification`` table.
"""

from chalicelib.verification import admin_routes, routes
from chalicelib.verification.blueprint import bp
from shared.verification import models

__all__ = ["admin_routes", "bp", "models", "routes"]
