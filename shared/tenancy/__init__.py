"""Tenancy: platforms (tenants), host resolution and the tenant context."""

from shared.tenancy.context import TenantContext

__all__ = ["TenantContext"]
