"""The notifications Blueprint, shared by its route modules and the worker."""

from __future__ import annotations

from chalice.app import Blueprint

bp = Blueprint("chalicelib.notifications")
