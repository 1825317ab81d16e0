"""Fixtures for moderation unit tests: the tables on moto and a tenant context."""

from __future__ import annotations

from typing import Any

import pytest

from shared.tenancy import TenantContext


@pytest.fixture
def tenant(aws: Any) -> TenantContext:
    """Platform ``alpha``'s context, with every table created on moto."""
    return TenantContext("alpha", "alpha.test")
