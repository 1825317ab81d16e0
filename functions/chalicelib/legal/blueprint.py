"""The legal pages' Blueprint; the route module registers on it."""

from __future__ import annotations

from chalice.app import Blueprint

bp = Blueprint(__name__)
