"""Base of every tenant-scoped repository.

A repository cannot be constructed without a :class:`TenantContext`, builds
every key through it, and refuses any item whose key lies outside it, so the
data layer has no way to read or write another tenant's data.
"""

from __future__ import annotations

from typing import Any

from shared.tenancy.context import TenantContext


class TenantScopeError(RuntimeError):
    """An item outside the current tenant reached a repository."""


class TenantRepository:
    """Holds the tenant and checks every item against it."""

    def __init__(self, tenant: TenantContext) -> None:
        if not isinstance(tenant, TenantContext):
            raise TypeError("a TenantContext is required for data access")
        self.tenant = tenant

    def key(self, *parts: str) -> str:
        return self.tenant.key(*parts)

    def check(self, item: Any, attribute: str = "pk") -> Any:
        """Return ``item`` if its key belongs to this tenant; raise otherwise."""
        if item is not None and not self.tenant.owns(getattr(item, attribute)):
            raise TenantScopeError(f"item outside tenant {self.tenant.tenant_id}")
        return item
