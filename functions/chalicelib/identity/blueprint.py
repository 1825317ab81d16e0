"""The identity Blueprint, shared by its route modules."""

from __future__ import annotations

from chalice.app import Blueprint

bp = Blueprint("chalicelib.identity")
