"""ID token checks of the relying party, against the local provider's published keys."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from joserfc import jwt
from joserfc.jwk import OctKey, RSAKey

from infra.local.oidc_provider import LocalProvider
from shared.verification.oidc import OidcClient, OidcError, ProviderSettings

NONCE = "n-123"


@pytest.fixture(scope="module")
def provider() -> Iterator[LocalProvider]:
    running = LocalProvider().start()
    yield running
    running.stop()


@pytest.fixture
def client() -> OidcClient:
    return OidcClient(allow_http=True)


def _settings(provider: LocalProvider) -> ProviderSettings:
    return ProviderSettings(provider.issuer, "townhall", ("openid",))


def _claims(provider: LocalProvider, **changes: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {
        "iss": provider.issuer,
        "aud": "townhall",
        "sub": "demo-0001",
        "iat": now,
        "exp": now + 300,
        "nonce": NONCE,
    }
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


def _signed(provider: LocalProvider, key: Any = None, alg: str = "RS256", **changes: Any) -> str:
    key = key or provider.key
    header = {"alg": alg, "kid": str(getattr(key, "kid", "") or provider.key.kid)}
    return jwt.encode(header, _claims(provider, **changes), key, algorithms=[alg])


def _check(client: OidcClient, provider: LocalProvider, token: str) -> dict[str, Any]:
    return client.check_id_token(_settings(provider), token, NONCE)


def test_a_token_the_provider_signed_for_us_is_accepted(client, provider) -> None:
    claims = _check(client, provider, _signed(provider))
    assert claims["sub"] == "demo-0001"


@pytest.mark.parametrize(
    "changes",
    [
        {"iss": "http://127.0.0.1:1"},
        {"aud": "someone-else"},
        {"exp": int(time.time()) - 3600},
        {"nonce": "replayed"},
        {"nonce": None},
        {"sub": None},
    ],
    ids=["issuer", "audience", "expired", "nonce", "no nonce", "no subject"],
)
def test_a_token_with_wrong_claims_is_refused(client, provider, changes) -> None:
    with pytest.raises(OidcError) as refused:
        _check(client, provider, _signed(provider, **changes))
    assert refused.value.code == "invalid_id_token"


def test_a_token_signed_by_another_key_is_refused(client, provider) -> None:
    stranger = RSAKey.generate_key(2048, auto_kid=True)
    with pytest.raises(OidcError):
        _check(client, provider, _signed(provider, key=stranger))
    impostor = RSAKey.generate_key(2048, parameters={"kid": str(provider.key.kid)})
    with pytest.raises(OidcError):
        _check(client, provider, _signed(provider, key=impostor))


def test_algorithms_outside_the_allowlist_are_refused(client, provider) -> None:
    # HMAC keyed with something public (a classic confusion attack) and "none"
    hmac = OctKey.import_key(b"x" * 32)
    with pytest.raises(OidcError):
        _check(client, provider, _signed(provider, key=hmac, alg="HS256"))

    def segment(data):
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    unsigned = f"{segment({'alg': 'none'})}.{segment(_claims(provider))}."
    with pytest.raises(OidcError):
        _check(client, provider, unsigned)


def test_a_changed_payload_breaks_the_signature(client, provider) -> None:
    header, _, signature = _signed(provider).split(".")
    forged = base64.urlsafe_b64encode(json.dumps(_claims(provider, sub="admin")).encode())
    with pytest.raises(OidcError):
        _check(client, provider, f"{header}.{forged.rstrip(b'=').decode()}.{signature}")


def test_plain_http_providers_are_refused_outside_local_stages(provider) -> None:
    with pytest.raises(OidcError) as refused:
        OidcClient().metadata(provider.issuer)
    assert refused.value.code == "provider_insecure"
