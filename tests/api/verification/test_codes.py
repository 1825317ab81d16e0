"""Verification codes through the API: upload, generate, verify, refuse, revoke, count."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.identity.helpers import admin_session, register, session_of, sign_in
from tests.conftest import HOST_B, body_of

BASE = "/admin/verification"


@pytest.fixture
def admin(api: Any) -> str:
    token = admin_session(api).access_token
    response = api.put(f"{BASE}/methods", {"enabled_methods": ["code"]}, token=token)
    assert response.status_code == 200, response.body
    return token


def resident(api: Any, email: str = "ada@example.org") -> str:
    register(email)
    return session_of(sign_in(api, email)).access_token


def upload(api: Any, token: str, codes: list[str], label: str = "National numbers") -> Any:
    return api.post(f"{BASE}/code-batches", {"label": label, "codes": codes}, token=token)


def redeem(api: Any, token: str, code: str) -> Any:
    return api.post("/verification/code", {"code": code}, token=token)


def test_an_uploaded_code_verifies_one_account_once(api: Any, admin: str) -> None:
    # GIVEN an uploaded list (one repeat, one line that is no code)
    uploaded = upload(api, admin, ["85.07.30-033.28", "850730 03328", "90.01.01-111.22", "x"])
    assert uploaded.status_code == 201, uploaded.body
    batch = body_of(uploaded)
    assert batch["skipped"] == 2
    assert batch["batch"] | {"id": "", "created_at": ""} == {
        "id": "",
        "label": "National numbers",
        "source": "upload",
        "total": 2,
        "unused": 2,
        "used": 0,
        "revoked": 0,
        "created_at": "",
    }
    ada = resident(api)
    assert body_of(api.get("/verification/me", token=ada)) == {"verified_at": None, "method": None}
    # WHEN a resident types one, written differently
    verified = redeem(api, ada, "85 07 30 033 28")
    # THEN they are verified with the code method, and the admin sees it used
    assert verified.status_code == 200, verified.body
    assert body_of(verified)["method"] == "code"
    status = body_of(api.get("/verification/me", token=ada))
    assert status["method"] == "code" and status["verified_at"]
    [counted] = body_of(api.get(BASE, token=admin))["batches"]
    assert (counted["total"], counted["unused"], counted["used"]) == (2, 1, 1)
    # AND the same code is refused to another account, and a second code to the first
    grace = resident(api, "grace@example.org")
    reused = redeem(api, grace, "85.07.30-033.28")
    assert (reused.status_code, body_of(reused)["code"]) == (400, "code_used")
    again = redeem(api, ada, "90.01.01-111.22")
    assert (again.status_code, body_of(again)["code"]) == (409, "already_verified")


def test_a_wrong_code_is_refused_and_counted_against_the_limit(api: Any, admin: str) -> None:
    upload(api, admin, ["ABCD-1234"])
    ada = resident(api)
    wrong = redeem(api, ada, "ABCD-1235")
    assert (wrong.status_code, body_of(wrong)["code"]) == (400, "code_invalid")
    short = redeem(api, ada, "ab")
    assert short.status_code == 422
    assert body_of(short)["errors"][0] == {
        "field": "code",
        "code": "code_too_short",
        "message": "Enter the code as it is written.",
    }
    # WHEN someone keeps guessing THEN they are stopped, even with the right code
    for _ in range(9):
        redeem(api, ada, "ZZZZ-0000")
    limited = redeem(api, ada, "ABCD-1234")
    assert limited.status_code == 429
    assert body_of(api.get("/verification/me", token=ada))["verified_at"] is None


def test_generated_codes_are_shown_once_and_work(api: Any, admin: str) -> None:
    generated = api.post(
        f"{BASE}/code-batches/generate", {"label": "Paper", "count": 5}, token=admin
    )
    assert generated.status_code == 201, generated.body
    assert generated.headers["Cache-Control"] == "no-store"
    body = body_of(generated)
    codes = body["codes"]
    assert len(set(codes)) == 5
    assert all(len(c) == 14 and c.count("-") == 2 for c in codes)
    assert body["batch"]["source"] == "generated" and body["batch"]["unused"] == 5
    # THEN the admin view never shows them again
    view = api.get(BASE, token=admin)
    assert not any(code in view.body.decode() for code in codes)
    assert redeem(api, resident(api), codes[0].lower().replace("-", "")).status_code == 200


def test_revoked_codes_no_longer_verify(api: Any, admin: str) -> None:
    batch = body_of(upload(api, admin, ["1111-2222", "3333-4444", "5555-6666"]))["batch"]
    ada = resident(api)
    assert redeem(api, ada, "1111-2222").status_code == 200
    # WHEN the admin revokes one code, then the rest of the batch
    assert api.post(f"{BASE}/codes/revoke", {"code": "3333 4444"}, token=admin).status_code == 204
    used = api.post(f"{BASE}/codes/revoke", {"code": "1111-2222"}, token=admin)
    assert (used.status_code, body_of(used)["code"]) == (409, "code_not_unused")
    unknown = api.post(f"{BASE}/codes/revoke", {"code": "9999-9999"}, token=admin)
    assert unknown.status_code == 404
    revoked = api.post(f"{BASE}/code-batches/{batch['id']}/revoke", token=admin)
    assert revoked.status_code == 200
    assert (body_of(revoked)["used"], body_of(revoked)["revoked"]) == (1, 2)
    # THEN a revoked code is refused
    grace = resident(api, "grace@example.org")
    refused = redeem(api, grace, "5555-6666")
    assert (refused.status_code, body_of(refused)["code"]) == (400, "code_revoked")


def test_codes_only_where_the_method_is_enabled(api: Any) -> None:
    admin = admin_session(api).access_token
    upload(api, admin, ["ABCD-EFGH"])
    refused = redeem(api, resident(api), "ABCD-EFGH")
    assert (refused.status_code, body_of(refused)["code"]) == (404, "method_disabled")
    methods = body_of(api.get("/verification/methods"))
    assert methods == {"methods": [], "sign_in": []}


def test_a_code_of_one_platform_means_nothing_on_another(api: Any, admin: str) -> None:
    upload(api, admin, ["ABCD-EFGH"])
    from chalicelib.identity import wiring
    from shared.permissions import Role, RoleGrant
    from shared.tenancy import TenantContext

    accounts = wiring.accounts()
    b = TenantContext("beta", HOST_B)
    accounts.register_user(
        b,
        "admin@b.example",
        "correct horse battery",
        "B",
        "B",
        "en",
        confirmed=True,
        grants=frozenset({RoleGrant(Role.ADMIN)}),
    )
    accounts.register_user(
        b, "res@b.example", "correct horse battery", "R", "R", "en", confirmed=True
    )
    b_admin = session_of(sign_in(api, "admin@b.example", host=HOST_B)).access_token
    api.put(f"{BASE}/methods", {"enabled_methods": ["code"]}, token=b_admin, host=HOST_B)
    b_resident = session_of(sign_in(api, "res@b.example", host=HOST_B)).access_token
    response = api.post("/verification/code", {"code": "ABCD-EFGH"}, token=b_resident, host=HOST_B)
    assert (response.status_code, body_of(response)["code"]) == (400, "code_invalid")


def test_only_admins_manage_codes(api: Any, admin: str) -> None:
    ada = resident(api)
    assert upload(api, ada, ["ABCD-EFGH"]).status_code == 403
    assert api.get(BASE, token=ada).status_code == 403
    assert api.get(BASE).status_code == 401


def test_the_code_key_lives_in_secrets_manager_and_codes_only_as_hashes(
    api: Any, admin: str
) -> None:
    from chalicelib import runtime

    upload(api, admin, ["85.07.30-033.28"])
    names = [s["Name"] for s in runtime.client("secretsmanager").list_secrets()["SecretList"]]
    assert names == ["townhall-test/platforms/alpha/verification-code-key"]
    dynamodb = runtime.client("dynamodb")
    table = runtime.settings().names.table("verification")
    text = repr(dynamodb.scan(TableName=table)["Items"])
    assert "85073003328" not in text and "85.07.30" not in text
