"""The OpenID Connect relying party: discovery, authorisation URL, code exchange, ID token.

Authlib's OAuth 2.0 client builds the authorisation request (PKCE S256,
state, nonce) and exchanges the code; the ID token is then checked here with
joserfc (Authlib's JOSE implementation) and Authlib's ``CodeIDToken`` rules:
signature against the provider's published keys (one re-fetch when a key id
is unknown, for rotation), an asymmetric algorithm from :data:`ALGORITHMS`
(never ``none``, never HMAC), ``iss`` equal to the configured issuer, ``aud``
holding our client id (``azp`` when there are several), ``exp``/``iat`` with
a small leeway, and ``nonce`` equal to the one stored for this round trip.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import requests
from authlib.integrations.requests_client import OAuth2Session
from authlib.oidc.core import CodeIDToken
from joserfc import jwt
from joserfc.errors import InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet
from joserfc.jws import JWSRegistry

from shared.errors import DomainError

ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512")
METADATA_SECONDS = 600.0
HTTP_TIMEOUT_SECONDS = 10
LEEWAY_SECONDS = 60


class OidcError(DomainError):
    """The round trip with the provider failed; ``code`` says where."""

    status = 400
    code = "oidc_failed"
    title = "Signing in with the provider did not work. Please try again."


@dataclass(frozen=True)
class ProviderSettings:
    """One platform's provider, as the relying party needs it."""

    issuer: str
    client_id: str
    scopes: tuple[str, ...]


@dataclass(frozen=True)
class AuthorizationRequest:
    state: str
    nonce: str
    code_verifier: str
    redirect_uri: str


def _issuer(url: str) -> str:
    return url.rstrip("/")


class OidcClient:
    """Talks to providers; discovery documents and key sets are cached per issuer."""

    def __init__(
        self,
        session_factory: Callable[[], requests.Session] = requests.Session,
        *,
        allow_http: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._session_factory = session_factory
        self._allow_http = allow_http
        self._clock = clock
        self._metadata: dict[str, tuple[float, dict[str, Any]]] = {}
        self._keys: dict[str, KeySet] = {}
        self._lock = threading.Lock()

    # Discovery -------------------------------------------------------------

    def _get_json(self, url: str) -> dict[str, Any]:
        if not (url.startswith("https://") or (self._allow_http and url.startswith("http://"))):
            raise OidcError("The provider must be reached over HTTPS.", code="provider_insecure")
        try:
            with self._session_factory() as http:
                response = http.get(url, timeout=HTTP_TIMEOUT_SECONDS, allow_redirects=False)
            response.raise_for_status()
            document = response.json()
        except (requests.RequestException, ValueError) as error:
            raise OidcError(code="provider_unavailable") from error
        if not isinstance(document, dict):
            raise OidcError(code="provider_unavailable")
        return document

    def metadata(self, issuer: str) -> dict[str, Any]:
        """The provider's discovery document, whose ``issuer`` must be the configured one."""
        issuer = _issuer(issuer)
        with self._lock:
            cached = self._metadata.get(issuer)
        if cached and self._clock() - cached[0] < METADATA_SECONDS:
            return cached[1]
        document = self._get_json(f"{issuer}/.well-known/openid-configuration")
        if _issuer(str(document.get("issuer", ""))) != issuer:
            raise OidcError(code="provider_issuer_mismatch")
        for endpoint in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
            if not isinstance(document.get(endpoint), str):
                raise OidcError(code="provider_unavailable")
        with self._lock:
            self._metadata[issuer] = (self._clock(), document)
            self._keys.pop(issuer, None)
        return document

    def _key_set(self, issuer: str, metadata: Mapping[str, Any], refresh: bool) -> KeySet:
        with self._lock:
            keys = None if refresh else self._keys.get(issuer)
        if keys is None:
            document: Any = self._get_json(str(metadata["jwks_uri"]))
            keys = KeySet.import_key_set(document)
            with self._lock:
                self._keys[issuer] = keys
        return keys

    # The round trip --------------------------------------------------------

    def _session(
        self, provider: ProviderSettings, secret: str | None, redirect_uri: str
    ) -> OAuth2Session:
        metadata = self.metadata(provider.issuer)
        supported = metadata.get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
        method = (
            "client_secret_basic" if "client_secret_basic" in supported else "client_secret_post"
        )
        return OAuth2Session(
            client_id=provider.client_id,
            client_secret=secret,
            scope=" ".join(provider.scopes),
            redirect_uri=redirect_uri,
            code_challenge_method="S256",
            token_endpoint_auth_method=method,
        )

    def authorization_url(self, provider: ProviderSettings, request: AuthorizationRequest) -> str:
        """Where to send the browser: PKCE S256 challenge, state and nonce included."""
        metadata = self.metadata(provider.issuer)
        with self._session(provider, None, request.redirect_uri) as session:
            url, _ = session.create_authorization_url(
                metadata["authorization_endpoint"],
                state=request.state,
                nonce=request.nonce,
                code_verifier=request.code_verifier,
            )
        return str(url)

    def claims(
        self,
        provider: ProviderSettings,
        secret: str | None,
        request: AuthorizationRequest,
        code: str,
    ) -> dict[str, Any]:
        """Exchange the code (with the PKCE verifier) and return the checked ID token's claims."""
        metadata = self.metadata(provider.issuer)
        with self._session(provider, secret, request.redirect_uri) as session:
            try:
                token = session.fetch_token(
                    metadata["token_endpoint"],
                    code=code,
                    code_verifier=request.code_verifier,
                    timeout=HTTP_TIMEOUT_SECONDS,
                )
            except Exception as error:  # authlib raises its own and requests' errors
                raise OidcError(code="provider_refused") from error
        id_token = token.get("id_token")
        if not isinstance(id_token, str):
            raise OidcError(code="invalid_id_token")
        return self.check_id_token(provider, id_token, request.nonce, token.get("access_token"))

    def check_id_token(
        self,
        provider: ProviderSettings,
        id_token: str,
        nonce: str,
        access_token: str | None = None,
    ) -> dict[str, Any]:
        """Verify signature, algorithm, issuer, audience, expiry and nonce; return the claims."""
        issuer = _issuer(provider.issuer)
        metadata = self.metadata(issuer)
        offered = metadata.get("id_token_signing_alg_values_supported") or ["RS256"]
        algorithms = [a for a in ALGORITHMS if a in offered]
        if not algorithms:
            raise OidcError(code="invalid_id_token")
        registry = JWSRegistry(algorithms=algorithms)
        try:
            try:
                decoded = jwt.decode(
                    id_token, self._key_set(issuer, metadata, False), registry=registry
                )
            except InvalidKeyIdError:
                decoded = jwt.decode(
                    id_token, self._key_set(issuer, metadata, True), registry=registry
                )
            claims = CodeIDToken(
                decoded.claims,
                decoded.header,
                {
                    "iss": {"essential": True, "value": str(metadata["issuer"])},
                    "aud": {"essential": True, "value": provider.client_id},
                    "nonce": {"essential": True, "value": nonce},
                },
                {"nonce": nonce, "client_id": provider.client_id, "access_token": access_token},
            )
            claims.validate(now=int(time.time()), leeway=LEEWAY_SECONDS)
        except (JoseError, ValueError) as error:
            raise OidcError(code="invalid_id_token") from error
        return dict(claims)
