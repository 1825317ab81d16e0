"""Tenancy: platforms (tenants), host resolution and the tenant context."""

from shared.tenancy.context import TenantContext, TenantId, TenantRequest

__all__ = ["TenantContext", "TenantId", "TenantRequest"]
