"""The groups domain's Blueprint; route modules and the worker register on it."""

from __future__ import annotations

from chalice.app import Blueprint

bp = Blueprint(__name__)
