"""Sessions: access tokens for requests, rotating refresh tokens for staying signed in.

A sign-in starts a refresh *family*. Every refresh marks the presented token
used (a conditional update) and issues the next token of the same family.
Presenting a token that was already used means it was copied: the whole
family is revoked and the caller is told ``refresh_token_reused``. Each
refresh token is bound to the CSRF token issued with it, and the family to
the user's token version, so a password reset ends every session.
"""

from __future__ import annotations

import hmac
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from shared.errors import AuthenticationError, ForbiddenError
from shared.identity.auth_repository import AuthRepository, digest
from shared.identity.models import UserRecord
from shared.identity.tokens import AccessTokens, IssuedToken
from shared.identity.users import UserRepository
from shared.identity.views import principal_of
from shared.permissions import NO_FACTS, Principal, UserFacts
from shared.tenancy.context import TenantContext

FactsSource = Callable[[TenantContext, UserRecord], UserFacts]
"""Builds what rules ask of a user beyond the token (groups, profile), lazily."""


@dataclass(frozen=True)
class IssuedSession:
    """What a sign-in or refresh hands to the client."""

    access: IssuedToken
    refresh_token: str
    csrf_token: str
    refresh_ttl_seconds: int
    user: UserRecord


def invalid_session(detail: str = "Your session is not valid. Please sign in again.") -> Exception:
    return AuthenticationError(detail, code="invalid_token")


def csrf_failed() -> ForbiddenError:
    return ForbiddenError(
        "The request is missing its security token. Reload the page and try again.",
        code="csrf_failed",
    )


class SessionService:
    """Issues, rotates, revokes and verifies sessions."""

    def __init__(
        self,
        tokens: AccessTokens,
        refresh_ttl_seconds: int,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        facts: FactsSource | None = None,
    ) -> None:
        self._facts = facts
        self._tokens = tokens
        self._refresh_ttl = refresh_ttl_seconds
        self._clock = clock

    def _issue(
        self, tenant: TenantContext, user: UserRecord, family_id: str, now: datetime
    ) -> IssuedSession:
        refresh, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
        expires = now + timedelta(seconds=self._refresh_ttl)
        AuthRepository(tenant).add_refresh_token(
            refresh, csrf, user.user_id, family_id, now, expires
        )
        access = self._tokens.issue(tenant.tenant_id, user.user_id, int(user.token_version))
        return IssuedSession(access, refresh, csrf, self._refresh_ttl, user)

    def start(self, tenant: TenantContext, user: UserRecord) -> IssuedSession:
        """A new session (new family) for a user who just proved who they are."""
        now = self._clock()
        family_id = uuid.uuid4().hex
        AuthRepository(tenant).start_family(
            family_id,
            user.user_id,
            int(user.token_version),
            now,
            now + timedelta(seconds=self._refresh_ttl),
        )
        return self._issue(tenant, user, family_id, now)

    def rotate(self, tenant: TenantContext, refresh_token: str, csrf_token: str) -> IssuedSession:
        """Exchange a refresh token for a new session of the same family."""
        now = self._clock()
        repository = AuthRepository(tenant)
        record = repository.get_refresh_token(refresh_token)
        if record is None or record.expires is None or record.expires <= now:
            raise invalid_session()
        if not hmac.compare_digest(digest(csrf_token), record.csrf_hash):
            raise csrf_failed()
        family = repository.get_family(record.family_id)
        if family is None or family.revoked:
            raise invalid_session()
        if record.used or not repository.mark_used(record):
            repository.revoke_family(record.family_id)
            raise AuthenticationError(
                "This session was used from somewhere else and has been ended for your "
                "safety. Please sign in again.",
                code="refresh_token_reused",
            )
        user = UserRepository(tenant).get(record.user_id)
        if user is None or int(user.token_version) != int(family.version):
            repository.revoke_family(record.family_id)
            raise invalid_session()
        repository.extend_family(family, now + timedelta(seconds=self._refresh_ttl))
        return self._issue(tenant, user, record.family_id, now)

    def end(self, tenant: TenantContext, refresh_token: str, csrf_token: str) -> None:
        """Sign out: revoke the family of ``refresh_token`` (unknown tokens are ignored)."""
        repository = AuthRepository(tenant)
        record = repository.get_refresh_token(refresh_token)
        if record is None:
            return
        if not hmac.compare_digest(digest(csrf_token), record.csrf_hash):
            raise csrf_failed()
        repository.revoke_family(record.family_id)

    def authenticate(self, tenant: TenantContext, access_token: str) -> Principal:
        """The principal of a valid access token of this platform (one user read)."""
        claims = self._tokens.verify(access_token, tenant.tenant_id)
        user = UserRepository(tenant).get(claims.user_id)
        if user is None or int(user.token_version) != claims.version:
            raise invalid_session()
        facts = self._facts(tenant, user) if self._facts is not None else NO_FACTS
        return principal_of(user, tenant.tenant_id, facts)
