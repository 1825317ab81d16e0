"""How the API layer turns a bearer token into a principal.

The identity domain registers its authenticator at import time; the routing
layer only knows this protocol, so it does not depend on identity's internals.
"""

from __future__ import annotations

from typing import Protocol

from shared.permissions import ANONYMOUS, Principal
from shared.tenancy import TenantContext


class Authenticator(Protocol):
    def __call__(self, tenant: TenantContext, token: str) -> Principal: ...


def _no_authenticator(tenant: TenantContext, token: str) -> Principal:
    return ANONYMOUS


_current: list[Authenticator] = [_no_authenticator]


def register_authenticator(authenticator: Authenticator) -> None:
    _current[0] = authenticator


def authenticate(tenant: TenantContext, authorization: str | None) -> Principal:
    """The principal for an ``Authorization: Bearer`` header, or anonymous."""
    if not authorization or not authorization.lower().startswith("bearer "):
        return ANONYMOUS
    return _current[0](tenant, authorization[7:].strip())
