"""OpenID Connect end to end against the local provider: sign-in, verification, refusals."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from typing import Any

import pytest

from infra.local.oidc_provider import LocalProvider
from tests.api.identity.helpers import (
    Session,
    admin_session,
    cookies_of,
    register,
    session_of,
    sign_in,
)
from tests.api.verification.oidc_helpers import (
    BASE,
    callback,
    configure,
    consent,
    location,
    round_trip,
    start,
)
from tests.conftest import body_of

SIGN_IN = "/auth/oidc/start"
VERIFY = "/verification/oidc/start"


@pytest.fixture(scope="module")
def provider() -> Iterator[LocalProvider]:
    running = LocalProvider().start()
    yield running
    running.stop()


@pytest.fixture
def admin(api: Any) -> str:
    return admin_session(api).access_token


@pytest.fixture
def secret(api: Any, admin: str, provider: LocalProvider) -> str:
    return configure(api, admin, provider)


def resident(api: Any, email: str = "ada@example.org") -> str:
    register(email)
    return session_of(sign_in(api, email)).access_token


def refreshed(api: Any, response: Any) -> dict[str, Any]:
    """What the site's session bootstrap gets with the cookies the callback set."""
    cookies = cookies_of(response)
    session = Session("", cookies["th_refresh"].value, cookies["th_csrf"].value, {})
    answer = api.post("/auth/refresh", headers=session.refresh_headers())
    assert answer.status_code == 200, answer.body
    return body_of(answer)


def my_verification(api: Any, token: str) -> dict[str, Any]:
    return body_of(api.get("/verification/me", token=token))


def test_the_provider_is_offered_for_sign_in_and_verification(api: Any, secret: str) -> None:
    assert body_of(api.get("/verification/methods")) == {
        "methods": [{"id": "oidc", "kind": "redirect", "name": "Local ID"}],
        "sign_in": [{"id": "oidc", "name": "Local ID"}],
    }


def test_sign_in_creates_the_account_then_finds_it(api: Any, secret: str) -> None:
    # WHEN someone signs in with the provider for the first time
    first = round_trip(api, SIGN_IN)
    # THEN they come back where they started, signed in to a new, verified account
    assert location(first) == ("/projects/park", {})
    me = refreshed(api, first)["user"]
    assert (me["email"], me["first_name"], me["last_name"]) == (
        "amelie.dupont@example.org",
        "Amélie",
        "Dupont",
    )
    assert me["email_confirmed"] is True
    token = refreshed(api, round_trip(api, SIGN_IN))["access_token"]
    assert my_verification(api, token)["method"] == "oidc"
    # AND signing in again finds the same account
    again = refreshed(api, round_trip(api, SIGN_IN))["user"]
    assert again["id"] == me["id"]


def test_sign_in_links_an_account_whose_email_the_provider_vouches_for(
    api: Any, secret: str
) -> None:
    register("jonas.peeters@example.org")
    linked = refreshed(api, round_trip(api, SIGN_IN, identity="demo-0002"))["user"]
    assert linked["first_name"] == "Grace"  # the existing account, not a new one
    # BUT an unverified email of an existing account is not taken over
    register("lucia.garcia@example.org")
    refused = round_trip(api, SIGN_IN, identity="demo-0004")
    assert location(refused) == ("/sign-in", {"oidc_error": "email_in_use"})
    assert "th_refresh" not in cookies_of(refused)


def test_verification_marks_the_signed_in_account_verified(api: Any, secret: str) -> None:
    ada = resident(api)
    # WHEN a signed-in resident verifies with the provider
    response = round_trip(api, VERIFY, token=ada)
    # THEN they land on the verify page with the outcome and where they came from
    assert location(response) == ("/verify", {"verified": "oidc", "next": "/projects/park"})
    assert "th_refresh" not in cookies_of(response)
    status = my_verification(api, ada)
    assert status["method"] == "oidc" and status["verified_at"]
    # AND verifying again is refused before any round trip
    again = api.post(VERIFY, {"return_to": "/"}, token=ada)
    assert (again.status_code, body_of(again)["code"]) == (409, "already_verified")


def test_a_second_account_with_the_same_identity_is_refused(api: Any, secret: str) -> None:
    assert location(round_trip(api, VERIFY, token=resident(api)))[0] == "/verify"
    grace = resident(api, "grace@example.org")
    refused = round_trip(api, VERIFY, token=grace)
    assert location(refused) == ("/verify", {"oidc_error": "identity_in_use"})
    assert my_verification(api, grace)["verified_at"] is None


def test_a_tampered_or_replayed_state_is_refused(api: Any, secret: str) -> None:
    ada = resident(api)
    url, browser = start(api, VERIFY, ada)
    path = consent(url)
    # WHEN the state is changed, or another browser brings the callback
    forged = path.replace("state=", "state=x")
    assert location(callback(api, forged, browser)) == ("/sign-in", {"oidc_error": "invalid_state"})
    url, browser = start(api, VERIFY, ada)
    path = consent(url)
    stranger = callback(api, path, "someone-elses-browser")
    assert location(stranger)[1] == {"oidc_error": "invalid_state"}
    # THEN the round trip is spent: the right browser cannot replay it either
    assert location(callback(api, path, browser))[1] == {"oidc_error": "invalid_state"}
    assert my_verification(api, ada)["verified_at"] is None


def test_a_tampered_nonce_is_refused(api: Any, secret: str) -> None:
    from chalicelib import runtime

    ada = resident(api)
    url, browser = start(api, VERIFY, ada)
    path = consent(url)
    # GIVEN the stored nonce no longer matches the one the ID token carries
    dynamodb = runtime.client("dynamodb")
    table = runtime.settings().names.table("auth")
    [item] = [i for i in dynamodb.scan(TableName=table)["Items"] if i["kind"]["S"] == "oidc_state"]
    item["nonce"] = {"S": "another-nonce"}
    dynamodb.put_item(TableName=table, Item=item)
    # THEN the ID token is refused
    refused = callback(api, path, browser)
    assert location(refused) == ("/verify", {"oidc_error": "invalid_id_token"})
    assert my_verification(api, ada)["verified_at"] is None


def test_a_cancelled_sign_in_says_so(api: Any, secret: str) -> None:
    url, browser = start(api, SIGN_IN)
    refused = callback(api, consent(url, action="deny"), browser)
    assert location(refused) == ("/sign-in", {"oidc_error": "provider_refused"})


def test_a_wrong_client_secret_is_refused_by_the_provider(
    api: Any, admin: str, provider: LocalProvider, secret: str
) -> None:
    provider.clients["townhall-alpha.test"].client_secret = "rotated"
    refused = round_trip(api, SIGN_IN)
    assert location(refused) == ("/sign-in", {"oidc_error": "provider_refused"})


def test_the_provider_only_where_enabled(api: Any, admin: str, provider: LocalProvider) -> None:
    configure(api, admin, provider, sign_in=False)
    refused = api.post(SIGN_IN, {"return_to": "/"})
    assert (refused.status_code, body_of(refused)["code"]) == (400, "oidc_disabled")
    assert body_of(api.get("/verification/methods"))["sign_in"] == []
    outside = api.post(SIGN_IN, {"return_to": "//evil.example/"})
    assert outside.status_code == 422


def test_the_client_secret_never_leaves_secrets_manager(
    api: Any, admin: str, provider: LocalProvider, secret: str
) -> None:
    from chalicelib import runtime

    # GIVEN every answer a browser or an admin gets in the flows
    answers = [api.get(BASE, token=admin), api.get("/verification/methods")]
    answers.append(api.put(f"{BASE}/methods", {"enabled_methods": ["oidc"]}, token=admin))
    keep = {
        "name": "Local ID",
        "issuer": provider.issuer,
        "client_id": "townhall-alpha.test",
        "sign_in": True,
    }
    answers.append(api.put(f"{BASE}/oidc", keep, token=admin))
    url, browser = start(api, SIGN_IN)
    answers.append(callback(api, consent(url), browser))
    texts = [repr(a.headers) + (a.body or b"").decode() for a in answers]
    # THEN none holds the secret, the admin view only says that one is set
    assert not any(secret in text for text in texts)
    assert body_of(answers[0])["oidc"]["client_secret_set"] is True
    assert body_of(answers[3])["oidc"]["client_secret_set"] is True  # kept when left out
    assert urllib.parse.quote(secret) not in url
    # AND the tables do not hold it either; Secrets Manager does
    dynamodb = runtime.client("dynamodb")
    for table in dynamodb.list_tables()["TableNames"]:
        assert secret not in repr(dynamodb.scan(TableName=table)["Items"])
    stored = runtime.client("secretsmanager").get_secret_value(
        SecretId="townhall-test/platforms/alpha/oidc-client-secret"
    )
    assert stored["SecretString"] == secret
