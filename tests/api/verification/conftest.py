"""Importing the app registers every table model before ``aws`` creates the tables."""

from __future__ import annotations

import app  # noqa: F401
