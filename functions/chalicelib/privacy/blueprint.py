"""The privacy domain's Blueprint; the route and worker modules register on it."""

from __future__ import annotations

from chalice.app import Blueprint

bp = Blueprint(__name__)
