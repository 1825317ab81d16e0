"""The input manager's Blueprint; route modules register their operations on it."""

from __future__ import annotations

from chalice.app import Blueprint

bp = Blueprint(__name__)
