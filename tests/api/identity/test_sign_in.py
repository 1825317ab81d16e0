"""Sign-in: credentials, never revealing accounts, and brute-force limits."""

from __future__ import annotations

from tests.api.identity.helpers import PASSWORD, register, session_of, sign_in
from tests.conftest import HOST_B, body_of


def test_sign_in_returns_a_session_and_sets_cookies(api):
    register("ada@example.org")
    response = sign_in(api, "ADA@example.org")
    session = session_of(response)
    assert session.body["token_type"] == "Bearer"
    assert session.body["expires_in"] == 900
    assert session.body["user"]["email"] == "ada@example.org"
    assert body_of(api.get("/me", token=session.access_token))["email"] == "ada@example.org"


def test_the_session_cookies_are_locked_down(api):
    from tests.api.identity.helpers import set_cookies

    register("ada@example.org")
    refresh, csrf = sorted(set_cookies(sign_in(api, "ada@example.org")), reverse=True)
    assert refresh.startswith("th_refresh=")
    for attribute in ("HttpOnly", "Secure", "SameSite=Strict", "Path=/api/v1/auth"):
        assert attribute in refresh
    assert "Max-Age=2592000" in refresh
    assert csrf.startswith("th_csrf=")
    assert "HttpOnly" not in csrf
    for attribute in ("Secure", "SameSite=Strict", "Path=/"):
        assert attribute in csrf


def test_unknown_email_and_wrong_password_look_the_same(api):
    register("ada@example.org")
    wrong = sign_in(api, "ada@example.org", "not the password")
    unknown = sign_in(api, "nobody@example.org")
    assert wrong.status_code == unknown.status_code == 401
    assert body_of(wrong) == body_of(unknown)
    assert body_of(wrong)["code"] == "invalid_credentials"


def test_an_account_of_platform_a_cannot_sign_in_on_b(api):
    register("ada@example.org")
    response = sign_in(api, "ada@example.org", host=HOST_B)
    assert response.status_code == 401
    assert body_of(response)["code"] == "invalid_credentials"


def test_five_failures_for_one_email_lock_it_for_the_window(api):
    # GIVEN five wrong passwords for one account
    register("ada@example.org")
    for _ in range(5):
        assert sign_in(api, "ada@example.org", "wrong password").status_code == 401
    # WHEN even the right password is tried
    response = sign_in(api, "ada@example.org", PASSWORD)
    # THEN it is refused until the window ends, and says when to retry
    assert response.status_code == 429
    assert body_of(response)["code"] == "rate_limited"
    retry_after = int(response.headers["Retry-After"])
    assert 0 < retry_after <= 900
    # AND other accounts and other platforms are not affected
    register("grace@example.org")
    assert sign_in(api, "grace@example.org").status_code == 200
    register("ada@example.org", "beta", HOST_B)
    assert sign_in(api, "ada@example.org", host=HOST_B).status_code == 200


def test_twenty_failures_from_one_address_lock_that_address(api):
    for number in range(20):
        assert sign_in(api, f"user{number}@example.org", "wrong password").status_code == 401
    register("ada@example.org")
    response = sign_in(api, "ada@example.org")
    assert response.status_code == 429
    assert body_of(response)["code"] == "rate_limited"


def test_a_rehash_happens_when_the_hash_parameters_change(api):
    from argon2 import PasswordHasher, Type

    from chalicelib import runtime
    from shared.identity import Passwords
    from shared.identity.models import UserRecord
    from shared.identity.passwords import hasher_for
    from shared.identity.users import UserRepository
    from shared.tenancy import TenantContext

    # GIVEN a user whose hash was made with other, older parameters
    user = register("ada@example.org")
    weak = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1, type=Type.ID)
    old_hash = weak.hash(PASSWORD)
    user.update(actions=[UserRecord.password_hash.set(old_hash)])
    # WHEN they sign in
    assert sign_in(api, "ada@example.org").status_code == 200
    # THEN their hash now uses the current parameters
    stored = UserRepository(TenantContext("alpha", "alpha.test")).require(user.user_id)
    assert stored.password_hash != old_hash
    current = Passwords(hasher_for(runtime.settings().password_hashing))
    assert not current.needs_rehash(stored.password_hash)
    assert sign_in(api, "ada@example.org").status_code == 200
