"""The projects domain's routes and event handlers (Blueprint ``bp``).

Importing the route modules registers their operations on ``bp``.
"""

from chalicelib.projects import (
    attachment_routes,
    folder_routes,
    method_routes,
    phase_routes,
    project_routes,
)
from chalicelib.projects.blueprint import bp

__all__ = [
    "attachment_routes",
    "bp",
    "folder_routes",
    "method_routes",
    "phase_routes",
    "project_routes",
]
