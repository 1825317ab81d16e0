"""Short-lived access tokens: HS256 JWTs bound to one platform.

Claims: ``iss`` "townhall", ``aud`` the tenant id (a token of platform A is
refused on platform B), ``sub`` the user id, ``typ`` "access", ``iat``,
``exp`` and ``ver`` (the user's token version: bumping it ends every token).
Decoding allows HS256 only, so ``none`` and algorithm-confusion tokens fail.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import jwt

from shared.errors import AuthenticationError

ISSUER = "townhall"
ALGORITHM = "HS256"
ACCESS_TYPE = "access"
REQUIRED_CLAIMS = ("exp", "iat", "aud", "iss", "sub")


@dataclass(frozen=True)
class AccessClaims:
    """What a verified access token says."""

    tenant_id: str
    user_id: str
    version: int
    expires_at: int


@dataclass(frozen=True)
class IssuedToken:
    token: str
    expires_in: int


class AccessTokens:
    """Issues and verifies access tokens with one signing key."""

    def __init__(
        self, key: bytes, ttl_seconds: int, clock: Callable[[], float] = time.time
    ) -> None:
        self._key = key
        self._ttl = ttl_seconds
        self._clock = clock

    def issue(self, tenant_id: str, user_id: str, version: int) -> IssuedToken:
        now = int(self._clock())
        claims = {
            "iss": ISSUER,
            "aud": tenant_id,
            "sub": user_id,
            "typ": ACCESS_TYPE,
            "iat": now,
            "exp": now + self._ttl,
            "ver": version,
        }
        return IssuedToken(jwt.encode(claims, self._key, algorithm=ALGORITHM), self._ttl)

    def verify(self, token: str, tenant_id: str) -> AccessClaims:
        """Claims of a valid token for ``tenant_id``, else ``invalid_token``/``token_expired``."""
        try:
            claims = jwt.decode(
                token,
                self._key,
                algorithms=[ALGORITHM],
                audience=tenant_id,
                issuer=ISSUER,
                options={"require": list(REQUIRED_CLAIMS)},
                leeway=0,
            )
        except jwt.ExpiredSignatureError as error:
            raise AuthenticationError(
                "Your session has expired. Please sign in again.", code="token_expired"
            ) from error
        except jwt.InvalidTokenError as error:
            raise AuthenticationError(
                "Your session is not valid. Please sign in again.", code="invalid_token"
            ) from error
        version = claims.get("ver")
        subject = claims.get("sub")
        if claims.get("typ") != ACCESS_TYPE or not isinstance(version, int) or not subject:
            raise AuthenticationError(
                "Your session is not valid. Please sign in again.", code="invalid_token"
            )
        return AccessClaims(tenant_id, str(subject), version, int(claims["exp"]))
