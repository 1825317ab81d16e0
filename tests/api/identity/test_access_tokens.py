"""Access tokens: bound to their platform, HS256 only, every claim checked."""

from __future__ import annotations

import time

import jwt
import pytest

from tests.api.identity.helpers import register, session_of, sign_in
from tests.conftest import HOST_B, body_of


@pytest.fixture
def user(api):
    return register("ada@example.org")


def _key() -> bytes:
    from chalicelib.identity import wiring

    return wiring.signing_key()


def _claims(user, **changes):
    now = int(time.time())
    claims = {
        "iss": "townhall",
        "aud": "alpha",
        "sub": user.user_id,
        "typ": "access",
        "iat": now,
        "exp": now + 300,
        "ver": 1,
    }
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


def _me(api, token, host="alpha.test"):
    return api.get("/me", token=token, host=host)


def _refused(response, code="invalid_token"):
    assert response.status_code == 401
    assert body_of(response)["code"] == code
    return True


def test_a_well_formed_token_is_accepted(api, user):
    token = jwt.encode(_claims(user), _key(), algorithm="HS256")
    assert _me(api, token).status_code == 200


def test_a_token_of_platform_a_is_refused_on_platform_b(api, user):
    session = session_of(sign_in(api, "ada@example.org"))
    register("ada@example.org", "beta", HOST_B)
    assert _refused(_me(api, session.access_token, host=HOST_B))


def test_alg_none_is_refused(api, user):
    token = jwt.encode(_claims(user), None, algorithm="none")
    assert _refused(_me(api, token))


def test_another_hmac_algorithm_with_the_right_key_is_refused(api, user):
    token = jwt.encode(_claims(user), _key(), algorithm="HS512")
    assert _refused(_me(api, token))


def test_an_rs256_token_is_refused(api, user):
    from cryptography.hazmat.primitives.asymmetric import rsa

    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    token = jwt.encode(_claims(user), private, algorithm="RS256")
    assert _refused(_me(api, token))


def test_a_token_signed_with_another_key_is_refused(api, user):
    token = jwt.encode(_claims(user), b"k" * 64, algorithm="HS256")
    assert _refused(_me(api, token))


def test_a_tampered_token_is_refused(api, user):
    header, payload, signature = jwt.encode(_claims(user), _key(), algorithm="HS256").split(".")
    forged_payload = jwt.utils.base64url_encode(
        jwt.api_jws.json.dumps(_claims(user, sub="someone-else")).encode()
    ).decode()
    assert _refused(_me(api, f"{header}.{forged_payload}.{signature}"))
    flipped = signature[:-2] + ("AA" if not signature.endswith("AA") else "BB")
    assert _refused(_me(api, f"{header}.{payload}.{flipped}"))


def test_an_expired_token_says_so(api, user):
    past = int(time.time()) - 3600
    token = jwt.encode(_claims(user, iat=past, exp=past + 900), _key(), algorithm="HS256")
    assert _refused(_me(api, token), "token_expired")


@pytest.mark.parametrize(
    "changes",
    [
        {"typ": "refresh"},
        {"typ": None},
        {"iss": "elsewhere"},
        {"aud": "beta"},
        {"exp": None},
        {"iat": None},
        {"ver": None},
        {"ver": 2},
        {"sub": "no-such-user"},
    ],
    ids=lambda c: ",".join(f"{k}={v}" for k, v in c.items()),
)
def test_tokens_with_wrong_or_missing_claims_are_refused(api, user, changes):
    token = jwt.encode(_claims(user, **changes), _key(), algorithm="HS256")
    assert _refused(_me(api, token))


def test_garbage_is_refused(api, user):
    assert _refused(_me(api, "not.a.token"))


def test_without_a_token_protected_routes_ask_to_sign_in(api, user):
    response = api.get("/me")
    assert response.status_code == 401
    assert body_of(response)["code"] == "not_authenticated"
