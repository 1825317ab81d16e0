"""Fixtures for the uploads API: the projects API's test tokens (``resident-a``, ``admin-a``)."""

from __future__ import annotations

from tests.api.projects import conftest as projects_fixtures

tokens = projects_fixtures.tokens
