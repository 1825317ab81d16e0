"""The input manager's routes (Blueprint ``bp``).

Importing the route modules registers their operations on ``bp``.
"""

from chalicelib.inputs import input_routes, note_routes
from chalicelib.inputs.blueprint import bp

__all__ = ["bp", "input_routes", "note_routes"]
