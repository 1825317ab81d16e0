"""User administration: admins list users and grant roles; nobody else can."""

from __future__ import annotations

import pytest

from tests.api.identity.helpers import admin_session, register, session_of, sign_in
from tests.conftest import HOST_B, body_of


@pytest.fixture
def admin(api):
    return admin_session(api)


def _roles(api, token, user_id, roles, host="alpha.test"):
    return api.put(f"/admin/users/{user_id}/roles", {"roles": roles}, token=token, host=host)


def test_admins_page_through_users_in_email_order(api, admin):
    for name in ("dora", "bob", "carl", "eve"):
        register(f"{name}@example.org")
    first = body_of(api.get("/admin/users?limit=2", token=admin.access_token))
    assert [u["email"] for u in first["items"]] == ["admin@example.org", "bob@example.org"]
    second = body_of(
        api.get(f"/admin/users?limit=2&cursor={first['next_cursor']}", token=admin.access_token)
    )
    assert [u["email"] for u in second["items"]] == ["carl@example.org", "dora@example.org"]
    third = body_of(
        api.get(f"/admin/users?limit=2&cursor={second['next_cursor']}", token=admin.access_token)
    )
    assert [u["email"] for u in third["items"]] == ["eve@example.org"]
    assert third["next_cursor"] is None


def test_admins_search_by_email_or_name(api, admin):
    register("bob@example.org")
    register("carl@example.org")
    found = body_of(api.get("/admin/users?q=CARL", token=admin.access_token))
    assert [u["email"] for u in found["items"]] == ["carl@example.org"]
    by_name = body_of(api.get("/admin/users?q=hopper", token=admin.access_token))
    assert {u["email"] for u in by_name["items"]} >= {"bob@example.org", "carl@example.org"}


def test_the_list_holds_only_this_platforms_users(api, admin):
    register("beta-only@example.org", "beta", HOST_B)
    listed = body_of(api.get("/admin/users", token=admin.access_token))["items"]
    emails = [u["email"] for u in listed]
    assert "beta-only@example.org" not in emails


def test_a_cursor_cannot_point_into_another_platform(api, admin):
    from shared.db.pagination import encode_cursor

    forged = encode_cursor({"pk": {"S": "T#beta#USER#x"}, "list_pk": {"S": "T#beta#USERS"}})
    response = api.get(f"/admin/users?cursor={forged}", token=admin.access_token)
    assert response.status_code == 422


def test_residents_and_visitors_cannot_list_users(api, admin):
    register("bob@example.org")
    bob = session_of(sign_in(api, "bob@example.org"))
    response = api.get("/admin/users", token=bob.access_token)
    assert response.status_code == 403
    assert body_of(response)["code"] == "admin_only"
    assert api.get("/admin/users").status_code == 401


def test_an_admin_of_platform_a_is_nobody_on_b(api, admin):
    # Their token is refused on B outright (audience), so B's users stay hidden.
    assert api.get("/admin/users", token=admin.access_token, host=HOST_B).status_code == 401


def test_roles_are_granted_and_take_effect_at_once(api, admin):
    bob = register("bob@example.org")
    bob_session = session_of(sign_in(api, "bob@example.org"))
    roles = [
        {"role": "project_manager", "scope": ["p2", "p1", "p1"]},
        {"role": "moderator", "scope": []},
    ]
    response = _roles(api, admin.access_token, bob.user_id, roles)
    assert response.status_code == 200
    assert body_of(response)["roles"] == [
        {"role": "moderator", "scope": []},
        {"role": "project_manager", "scope": ["p1", "p2"]},
    ]
    # Bob's existing token carries the new roles on its next request.
    assert body_of(api.get("/me", token=bob_session.access_token))["roles"][1]["scope"] == [
        "p1",
        "p2",
    ]
    _roles(api, admin.access_token, bob.user_id, [{"role": "admin"}])
    assert api.get("/admin/users", token=bob_session.access_token).status_code == 200


def test_roles_must_fit_their_scope(api, admin):
    bob = register("bob@example.org")
    for roles in (
        [{"role": "admin", "scope": ["p1"]}],
        [{"role": "project_manager", "scope": []}],
        [{"role": "resident_king"}],
        [{"role": "folder_manager", "scope": ["bad id!"]}],
    ):
        assert _roles(api, admin.access_token, bob.user_id, roles).status_code == 422, roles


def test_an_admin_cannot_remove_their_own_admin_role(api, admin):
    response = _roles(api, admin.access_token, admin.body["user"]["id"], [])
    assert response.status_code == 409
    assert body_of(response)["code"] == "cannot_remove_own_admin"
    keep = [{"role": "admin"}, {"role": "moderator"}]
    kept = _roles(api, admin.access_token, admin.body["user"]["id"], keep)
    assert kept.status_code == 200


def test_roles_of_unknown_or_foreign_users_are_404(api, admin):
    beta_user = register("bob@example.org", "beta", HOST_B)
    assert _roles(api, admin.access_token, "nobody", [{"role": "moderator"}]).status_code == 404
    foreign = _roles(api, admin.access_token, beta_user.user_id, [{"role": "moderator"}])
    assert foreign.status_code == 404


def test_residents_cannot_grant_roles(api, admin):
    bob = register("bob@example.org")
    bob_session = session_of(sign_in(api, "bob@example.org"))
    response = _roles(api, bob_session.access_token, bob.user_id, [{"role": "admin"}])
    assert response.status_code == 403
