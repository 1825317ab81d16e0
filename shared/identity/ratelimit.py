"""Brute-force limits on sign-in, and quieter limits on emails we send on request.

Fixed windows of 15 minutes, one counter item per (scope, subject, window),
incremented atomically. A subject is an email or a source IP; both are hashed
before they become part of a key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from shared.errors import RateLimitedError
from shared.identity.auth_repository import AuthRepository
from shared.tenancy.context import TenantContext

WINDOW_SECONDS = 15 * 60


@dataclass(frozen=True)
class Limit:
    scope: str
    max_count: int


SIGN_IN_PER_EMAIL = Limit("signin-email", 5)
SIGN_IN_PER_IP = Limit("signin-ip", 20)
MAIL_PER_EMAIL = Limit("mail-email", 5)


class RateLimiter:
    """Counts failures per window and refuses once a limit is reached."""

    def __init__(self, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._clock = clock

    def _window(self) -> tuple[int, int]:
        now = int(self._clock().timestamp())
        return now // WINDOW_SECONDS, WINDOW_SECONDS - now % WINDOW_SECONDS

    def exceeded(self, tenant: TenantContext, limit: Limit, subject: str) -> bool:
        window, _ = self._window()
        return AuthRepository(tenant).count(limit.scope, subject, window) >= limit.max_count

    def check(self, tenant: TenantContext, checks: list[tuple[Limit, str]]) -> None:
        """Raise ``rate_limited`` (with Retry-After) when any subject is over its limit."""
        window, retry_after = self._window()
        repository = AuthRepository(tenant)
        for limit, subject in checks:
            if repository.count(limit.scope, subject, window) >= limit.max_count:
                raise RateLimitedError(retry_after)

    def record(self, tenant: TenantContext, checks: list[tuple[Limit, str]]) -> None:
        """Count one more attempt for every subject."""
        window, _ = self._window()
        expires = datetime.fromtimestamp((window + 1) * WINDOW_SECONDS, UTC)
        repository = AuthRepository(tenant)
        for limit, subject in checks:
            repository.increment(limit.scope, subject, window, expires)
