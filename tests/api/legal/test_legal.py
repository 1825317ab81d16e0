"""Legal pages: admins publish versions (sanitised), sign-up accepts the current ones,
residents accept a newer version, and the acceptance is recorded on the user."""

from __future__ import annotations

from typing import Any

from shared.permissions import Role, RoleGrant
from tests.api.identity.helpers import PASSWORD, register, session_of, sign_in, sign_up
from tests.conftest import HOST_A, HOST_B, body_of


def _admin(api: Any) -> str:
    register("admin@alpha.example", grants=frozenset({RoleGrant(Role.ADMIN)}))
    return session_of(sign_in(api, "admin@alpha.example")).access_token


def _publish(api: Any, token: str, document: str, html: str, status: int = 201) -> Any:
    body = {"document": document, "content": {"en": html}}
    response = api.post("/legal/versions", body, token=token, host=HOST_A)
    assert response.status_code == status, response.body
    return body_of(response)


def test_each_publication_is_a_new_sanitised_version(api: Any) -> None:
    admin = _admin(api)
    assert body_of(api.get("/legal", host=HOST_A)) == {"privacy": None, "terms": None}
    first = _publish(api, admin, "privacy", "<p>One</p><script>alert(1)</script>")
    second = _publish(api, admin, "privacy", '<p onclick="x()">Two</p>')
    assert (first["version"], second["version"]) == (1, 2)
    assert "script" not in first["content"]["en"] and "onclick" not in second["content"]["en"]
    pages = body_of(api.get("/legal", host=HOST_A))
    assert pages["privacy"]["version"] == 2 and pages["terms"] is None
    history = body_of(api.get("/legal/versions", token=admin, host=HOST_A))["items"]
    assert [(i["document"], i["version"]) for i in history] == [("privacy", 2), ("privacy", 1)]
    # AND platform B has its own (none)
    assert body_of(api.get("/legal", host=HOST_B)) == {"privacy": None, "terms": None}


def test_only_admins_publish(api: Any) -> None:
    register("resident@alpha.example")
    resident = session_of(sign_in(api, "resident@alpha.example")).access_token
    refused = api.post(
        "/legal/versions", {"document": "terms", "content": {"en": "<p>x</p>"}}, token=resident
    )
    assert refused.status_code == 403


def test_sign_up_requires_the_current_versions_and_records_them(api: Any) -> None:
    admin = _admin(api)
    _publish(api, admin, "privacy", "<p>Privacy</p>")
    _publish(api, admin, "terms", "<p>Terms</p>")
    refused = sign_up(api, "noor@example.org")
    assert refused.status_code == 422
    fields = {e["field"]: e["code"] for e in body_of(refused)["errors"]}
    assert fields == {
        "accepted_policies.privacy": "policy_not_accepted",
        "accepted_policies.terms": "policy_not_accepted",
    }
    stale = sign_up(api, "noor@example.org", accepted_policies={"privacy": 1, "terms": 2})
    assert stale.status_code == 422
    created = sign_up(api, "noor@example.org", accepted_policies={"privacy": 1, "terms": 1})
    assert created.status_code == 201, created.body
    assert body_of(created)["accepted_policies"] == {"privacy": 1, "terms": 1}


def test_a_resident_accepts_a_newer_version(api: Any) -> None:
    admin = _admin(api)
    _publish(api, admin, "privacy", "<p>One</p>")
    register("resident@alpha.example")
    token = session_of(sign_in(api, "resident@alpha.example", PASSWORD)).access_token
    assert body_of(api.get("/me", token=token, host=HOST_A))["accepted_policies"] == {}
    _publish(api, admin, "privacy", "<p>Two</p>")
    old = api.post("/me/policies", {"privacy": 1}, token=token, host=HOST_A)
    assert old.status_code == 422 and body_of(old)["errors"][0]["code"] == "policy_not_accepted"
    accepted = api.post("/me/policies", {"privacy": 2}, token=token, host=HOST_A)
    assert accepted.status_code == 200, accepted.body
    assert body_of(api.get("/me", token=token, host=HOST_A))["accepted_policies"] == {"privacy": 2}
