"""User groups through the API: manual members, smart rules, counts, and who may do what."""

from __future__ import annotations

from typing import Any

from tests.api.groups.conftest import People
from tests.conftest import body_of

VERIFIED = {"match": "all", "rules": [{"type": "verified", "verified": True}]}


def _group(people: People, title: str = "Neighbours", **body: Any) -> dict[str, Any]:
    return dict(people.call("admin", "POST", "/groups", {"title": {"en": title}, **body}, 201))


def _member_ids(people: People, group_id: str) -> list[str]:
    page = people.call("admin", "GET", f"/groups/{group_id}/members")
    return sorted(member["id"] for member in page["items"])


def test_an_admin_adds_members_by_id_and_from_a_list_of_emails(people: People, pump) -> None:
    group = _group(people)
    added = people.call(
        "admin",
        "POST",
        f"/groups/{group['id']}/members",
        {
            "user_ids": [people.ids["ada"]],
            "emails": ["BOB@lindenfeld.example", "nobody@alpha.example", "ada@alpha.example"],
        },
    )
    # Ada was named twice: she counts once; the unknown address is reported, not invented.
    assert added == {"added": 2, "already_members": 0, "unknown_emails": ["nobody@alpha.example"]}
    again = people.call(
        "admin", "POST", f"/groups/{group['id']}/members", {"user_ids": [people.ids["ada"]]}
    )
    assert (again["added"], again["already_members"]) == (0, 1)
    assert _member_ids(people, group["id"]) == sorted([people.ids["ada"], people.ids["bob"]])
    # The worker counts the members.
    pump.drain()
    assert people.call("admin", "GET", f"/groups/{group['id']}")["member_count"] == 2
    people.call("admin", "DELETE", f"/groups/{group['id']}/members/{people.ids['bob']}", None, 204)
    pump.drain()
    assert people.call("admin", "GET", f"/groups/{group['id']}")["member_count"] == 1


def test_a_smart_group_admits_whoever_matches_now_and_lists_them_after_the_worker(
    people: People, pump
) -> None:
    group = _group(people, "Verified residents", membership="smart", rules=VERIFIED)
    pump.drain()
    assert _member_ids(people, group["id"]) == []
    # WHEN Ada verifies (identity announces the change)
    people.verify("ada")
    from chalicelib import runtime
    from shared.identity.events import user_changed

    runtime.publisher().publish(user_changed("alpha", people.ids["ada"]))
    pump.drain()
    # THEN the derived membership and count follow
    assert _member_ids(people, group["id"]) == [people.ids["ada"]]
    assert people.call("admin", "GET", f"/groups/{group['id']}")["member_count"] == 1
    # AND changing the rules re-evaluates everyone
    domain = {"rules": [{"type": "email_domain", "operator": "is", "domain": "lindenfeld.example"}]}
    people.call("admin", "PATCH", f"/groups/{group['id']}", {"rules": domain})
    pump.drain()
    assert _member_ids(people, group["id"]) == [people.ids["bob"]]


def test_smart_members_cannot_be_added_by_hand_and_manual_groups_have_no_rules(
    people: People,
) -> None:
    smart = _group(people, membership="smart", rules=VERIFIED)
    refused = people.call(
        "admin", "POST", f"/groups/{smart['id']}/members", {"user_ids": [people.ids["ada"]]}, 409
    )
    assert refused["code"] == "smart_group_members"
    manual = _group(people)
    problem = people.call("admin", "PATCH", f"/groups/{manual['id']}", {"rules": VERIFIED}, 409)
    assert problem["code"] == "manual_group_rules"
    renamed = people.call("admin", "PATCH", f"/groups/{manual['id']}", {"title": {"en": "Elders"}})
    assert (renamed["title"], renamed["rules"], renamed["match"]) == ({"en": "Elders"}, [], None)
    described = people.call(
        "admin", "PATCH", f"/groups/{manual['id']}", {"description": {"en": "Over seventy"}}
    )
    assert described["description"] == {"en": "Over seventy"}
    cleared = people.call("admin", "PATCH", f"/groups/{manual['id']}", {"description": {}})
    assert (cleared["title"], cleared["description"]) == ({"en": "Elders"}, {})
    bad = people.call(
        "admin", "POST", "/groups", {"title": {"en": "No rules"}, "membership": "smart"}, 422
    )
    assert bad["code"] == "validation_failed"


def test_invalid_rules_are_refused_with_the_field_named(people: People) -> None:
    body = {
        "title": {"en": "Broken"},
        "membership": "smart",
        "rules": {"rules": [{"type": "field", "field_id": "gender", "operator": "equals"}]},
    }
    problem = people.call("admin", "POST", "/groups", body, 422)
    assert problem["errors"][0]["field"].startswith("rules.rules.0")
    assert people.call("admin", "GET", "/groups")["items"] == []


def test_residents_neither_read_nor_change_groups(people: People, api) -> None:
    group = _group(people)
    for method, path, body in (
        ("GET", "/groups", None),
        ("POST", "/groups", {"title": {"en": "Mine"}}),
        ("POST", f"/groups/{group['id']}/members", {"user_ids": [people.ids["ada"]]}),
        ("DELETE", f"/groups/{group['id']}", None),
    ):
        response = api.request(method, path, json_body=body, token=people.tokens["ada"])
        assert response.status_code == 403, (method, path)
    assert body_of(api.get("/groups"))["code"] == "not_authenticated"


def test_deleting_a_group_removes_its_memberships(people: People) -> None:
    group = _group(people)
    people.call(
        "admin", "POST", f"/groups/{group['id']}/members", {"user_ids": [people.ids["ada"]]}
    )
    people.call("admin", "DELETE", f"/groups/{group['id']}", None, 204)
    people.call("admin", "GET", f"/groups/{group['id']}", None, 404)
    from shared.groups.repository import GroupRepository
    from tests.api.groups.conftest import TENANT

    assert GroupRepository(TENANT).memberships_of(people.ids["ada"]) == []
