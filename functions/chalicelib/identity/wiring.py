"""The identity services of this process, built once from the settings.

The signing key is read only from ``settings.signing_key_source``; key files
are accepted on local stages only.
"""

from __future__ import annotations

from chalicelib import runtime
from chalicelib.legal.wiring import legal
from chalicelib.registration.wiring import registration
from shared.groups import GroupMembership
from shared.identity import (
    AccessTokens,
    IdentityService,
    Passwords,
    ProfileService,
    SessionService,
    UserAdminService,
    load_signing_key,
)
from shared.identity.directory import UserDirectory
from shared.identity.facts import UserFacts
from shared.identity.models import UserRecord
from shared.identity.passwords import hasher_for
from shared.registration import PlatformRequirements
from shared.tenancy.context import TenantContext


@runtime.cached
def signing_key() -> bytes:
    settings = runtime.settings()
    return load_signing_key(
        settings.signing_key_source,
        lambda: runtime.client("secretsmanager"),
        allow_file=settings.is_local,
    )


@runtime.cached
def sessions() -> SessionService:
    settings = runtime.settings()
    return SessionService(
        AccessTokens(signing_key(), settings.access_token_ttl_seconds),
        settings.refresh_token_ttl_seconds,
        facts=_facts,
    )


def _facts(tenant: TenantContext, user: UserRecord) -> UserFacts:
    """What permission rules ask of a signed-in user: groups now, fields still to answer.

    Built per request, so the platform's fields are read at most once per request.
    """
    return UserFacts(
        tenant, user, GroupMembership(tenant, user), PlatformRequirements(registration())
    )


@runtime.cached
def accounts() -> IdentityService:
    hasher = hasher_for(runtime.settings().password_hashing)
    return IdentityService(
        Passwords(hasher), sessions(), runtime.publisher(), answers=registration(), policies=legal()
    )


@runtime.cached
def profiles() -> ProfileService:
    return ProfileService(runtime.uploads(), runtime.publisher(), answers=registration())


@runtime.cached
def user_admin() -> UserAdminService:
    return UserAdminService(runtime.uploads().download_url, runtime.publisher())


@runtime.cached
def directory() -> UserDirectory:
    """Public profiles and notification recipients, for the other domains."""
    return UserDirectory(runtime.uploads().download_url)
