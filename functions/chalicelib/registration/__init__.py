"""The registration domain's routes (Blueprint ``bp``).

Importing the route module registers its operations on ``bp``; importing the
models registers the ``registration`` table.
"""

from chalicelib.registration import routes
from chalicelib.registration.blueprint import bp
from shared.registration import models

__all__ = ["bp", "models", "routes"]
