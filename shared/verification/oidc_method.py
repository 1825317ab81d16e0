"""The ``oidc`` method: a platform's OpenID Connect provider, to verify and to sign in.

A round trip starts here: a random state, nonce and PKCE verifier are stored
in the ``auth`` table (TTL :data:`STATE_TTL_SECONDS`) together with the hash of
a random browser token, which the caller puts in an HttpOnly cookie. The
callback must present the same state *and* the same browser, so a link
crafted by someone else cannot attach their identity to your account or sign
you into theirs. The state is deleted on first use.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from shared.tenancy.context import TenantContext
from shared.verification.methods import OidcConfig, PlatformVerification, VerifiedIdentity
from shared.verification.models import OidcStateRecord
from shared.verification.oidc import (
    AuthorizationRequest,
    OidcClient,
    OidcError,
    ProviderSettings,
)
from shared.verification.repository import VerificationRepository
from shared.verification.schemas import MethodOffer, SignInProvider
from shared.verification.secrets import OIDC_CLIENT_SECRET, PlatformSecrets

METHOD = "oidc"
STATE_TTL_SECONDS = 600
Purpose = Literal["sign_in", "verify"]


@dataclass(frozen=True)
class Started:
    """Where to send the browser, and the token its cookie must carry back."""

    authorization_url: str
    browser_token: str


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def _text(claims: dict[str, Any], name: str | None) -> str | None:
    value = claims.get(name) if name else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _provider(config: OidcConfig) -> ProviderSettings:
    return ProviderSettings(config.issuer, config.client_id, config.scopes)


class OidcMethod:
    """Verification and sign-in through the platform's OpenID Connect provider."""

    id = METHOD

    def __init__(
        self,
        client: OidcClient,
        secrets_store: PlatformSecrets,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._client = client
        self._secrets = secrets_store
        self._clock = clock

    @staticmethod
    def _config(settings: PlatformVerification) -> OidcConfig | None:
        return settings.oidc if METHOD in settings.enabled else None

    def offer(self, settings: PlatformVerification) -> MethodOffer | None:
        config = self._config(settings)
        if config is None or not config.verification:
            return None
        return MethodOffer(id="oidc", kind="redirect", name=config.name)

    def sign_in_offer(self, settings: PlatformVerification) -> SignInProvider | None:
        config = self._config(settings)
        return SignInProvider(name=config.name) if config is not None and config.sign_in else None

    def usable(self, settings: PlatformVerification, purpose: Purpose) -> OidcConfig:
        """The provider when it is enabled for ``purpose``; ``oidc_disabled`` otherwise."""
        config = self._config(settings)
        wanted = config is not None and (
            config.sign_in if purpose == "sign_in" else config.verification
        )
        if config is None or not wanted:
            raise OidcError("This sign-in option is not available.", code="oidc_disabled")
        return config

    def start(
        self,
        tenant: TenantContext,
        config: OidcConfig,
        *,
        purpose: Purpose,
        user_id: str | None,
        return_to: str,
        redirect_uri: str,
    ) -> Started:
        """Store a new round trip and build the provider's authorisation URL."""
        request = AuthorizationRequest(
            state=secrets.token_urlsafe(32),
            nonce=secrets.token_urlsafe(32),
            code_verifier=secrets.token_urlsafe(64),
            redirect_uri=redirect_uri,
        )
        url = self._client.authorization_url(_provider(config), request)
        browser = secrets.token_urlsafe(32)
        now = self._clock()
        VerificationRepository(tenant).add_oidc_state(
            request.state,
            now + timedelta(seconds=STATE_TTL_SECONDS),
            purpose=purpose,
            user_id=user_id,
            nonce=request.nonce,
            code_verifier=request.code_verifier,
            browser_hash=_digest(browser),
            return_to=return_to,
            redirect_uri=redirect_uri,
            created_at=now,
        )
        return Started(url, browser)

    def take_state(
        self, tenant: TenantContext, state: str | None, browser_token: str | None
    ) -> OidcStateRecord:
        """The stored round trip of ``state`` if this browser started it; spent either way."""
        record = (
            VerificationRepository(tenant).take_oidc_state(state, self._clock()) if state else None
        )
        if record is None:
            raise OidcError(code="invalid_state")
        if not browser_token or not hmac.compare_digest(
            _digest(browser_token), record.browser_hash
        ):
            raise OidcError(code="invalid_state")
        return record

    def finish(
        self, tenant: TenantContext, config: OidcConfig, record: OidcStateRecord, code: str
    ) -> VerifiedIdentity:
        """Exchange the code and turn the checked ID token into an identity."""
        secret = self._secrets.get(tenant, OIDC_CLIENT_SECRET)
        request = AuthorizationRequest(
            state="",
            nonce=record.nonce,
            code_verifier=record.code_verifier,
            redirect_uri=record.redirect_uri,
        )
        claims = self._client.claims(_provider(config), secret, request, code)
        mapping = config.claims
        subject = claims.get(mapping.subject)
        if not isinstance(subject, str | int) or not str(subject):
            raise OidcError(code="subject_missing")
        email = _text(claims, mapping.email)
        return VerifiedIdentity(
            method=METHOD,
            subject=f"{config.issuer.rstrip('/')}|{subject}",
            email=email.lower() if email else None,
            email_verified=claims.get("email_verified") is True,
            first_name=_text(claims, mapping.first_name),
            last_name=_text(claims, mapping.last_name),
        )
