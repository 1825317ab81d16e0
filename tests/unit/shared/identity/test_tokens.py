"""Access tokens: issue, verify, and every way a token must fail."""

from __future__ import annotations

import time

import jwt
import pytest

from shared.errors import AuthenticationError
from shared.identity.tokens import AccessTokens

KEY = b"k" * 64


def _code(tokens: AccessTokens, token: str, tenant: str = "alpha") -> str:
    with pytest.raises(AuthenticationError) as caught:
        tokens.verify(token, tenant)
    return caught.value.code


def test_an_issued_token_verifies_for_its_platform():
    tokens = AccessTokens(KEY, 900)
    issued = tokens.issue("alpha", "u1", 3)
    claims = tokens.verify(issued.token, "alpha")
    assert (claims.tenant_id, claims.user_id, claims.version) == ("alpha", "u1", 3)
    assert issued.expires_in == 900
    header = jwt.get_unverified_header(issued.token)
    assert header["alg"] == "HS256"


def test_a_token_is_refused_by_another_platform():
    tokens = AccessTokens(KEY, 900)
    assert _code(tokens, tokens.issue("alpha", "u1", 1).token, "beta") == "invalid_token"


def test_an_expired_token_is_token_expired():
    tokens = AccessTokens(KEY, 60, clock=lambda: time.time() - 120)
    assert _code(tokens, tokens.issue("alpha", "u1", 1).token) == "token_expired"


def test_another_key_or_algorithm_is_refused():
    tokens = AccessTokens(KEY, 900)
    claims = jwt.decode(
        tokens.issue("alpha", "u1", 1).token, KEY, algorithms=["HS256"], audience="alpha"
    )
    assert _code(tokens, jwt.encode(claims, b"x" * 64, algorithm="HS256")) == "invalid_token"
    assert _code(tokens, jwt.encode(claims, KEY, algorithm="HS384")) == "invalid_token"
    assert _code(tokens, jwt.encode(claims, None, algorithm="none")) == "invalid_token"


def test_a_token_of_another_type_is_refused():
    now = int(time.time())
    claims = {"iss": "townhall", "aud": "alpha", "sub": "u1", "iat": now, "exp": now + 60}
    tokens = AccessTokens(KEY, 900)
    for typ in ("refresh", None):
        token = jwt.encode({**claims, "ver": 1, "typ": typ}, KEY, algorithm="HS256")
        assert _code(tokens, token) == "invalid_token"
