"""The identity domain's routes (Blueprint ``bp``) and the API's authenticator."""

from __future__ import annotations

from chalicelib.api.auth import register_authenticator
from chalicelib.identity import admin_routes, auth_routes, me_routes, wiring, words_worker
from chalicelib.identity.blueprint import bp
from shared.permissions import Principal
from shared.tenancy import TenantContext


def authenticate_access_token(tenant: TenantContext, token: str) -> Principal:
    """Verify a bearer token for ``tenant`` and load its user (one read)."""
    return wiring.sessions().authenticate(tenant, token)


register_authenticator(authenticate_access_token)

__all__ = [
    "admin_routes",
    "auth_routes",
    "authenticate_access_token",
    "bp",
    "me_routes",
    "words_worker",
]
