"""Identity verification's Blueprint; the route modules register on it."""

from __future__ import annotations

from chalice.app import Blueprint

bp = Blueprint(__name__)
