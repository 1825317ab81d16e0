"""Phases restricted to groups: the API's answers follow the user's data at that moment."""

from __future__ import annotations

from typing import Any

from tests.api.groups.conftest import People


def _restricted_phase(people: People, group_id: str) -> tuple[str, str]:
    project = people.call("admin", "POST", "/projects", {"title": {"en": "Benches"}}, 201)
    phase = people.call(
        "admin",
        "POST",
        f"/projects/{project['id']}/phases",
        {
            "title": {"en": "Ideas"},
            "start_date": "2020-01-01",
            "method": "ideation",
            "permissions": {"react": {"audience": "groups", "group_ids": [group_id]}},
        },
        201,
    )
    people.call("admin", "POST", f"/projects/{project['id']}/publish")
    return project["id"], phase["id"]


def _react(people: People, name: str, idea_id: str, expect: int) -> Any:
    return people.call(name, "PUT", f"/ideas/{idea_id}/reaction", {"kind": "like"}, expect)


def _viewer(people: People, name: str, project_id: str) -> dict[str, Any]:
    return dict(people.call(name, "GET", f"/projects/{project_id}")["phases"][0]["viewer"])


def test_a_verified_only_group_tells_who_to_verify_and_admits_them_at_once(
    people: People,
) -> None:
    # GIVEN reacting restricted to a smart group of verified residents
    group = people.call(
        "admin",
        "POST",
        "/groups",
        {
            "title": {"en": "Verified residents"},
            "membership": "smart",
            "rules": {"rules": [{"type": "verified", "verified": True}]},
        },
        201,
    )
    project_id, phase_id = _restricted_phase(people, group["id"])
    idea = people.call(
        "ada",
        "POST",
        f"/projects/{project_id}/phases/{phase_id}/ideas",
        {"title": {"en": "A bench"}, "body": {"en": "<p>By the pond.</p>"}},
        201,
    )
    # WHEN Bob, not verified, looks and tries
    assert _viewer(people, "bob", project_id)["react"]["reason"] == "not_verified"
    assert _react(people, "bob", idea["id"], 403)["code"] == "not_verified"
    # THEN once verified he may react at once: no worker has run, the rules are read now
    people.verify("bob")
    assert _viewer(people, "bob", project_id)["react"]["allowed"] is True
    assert _react(people, "bob", idea["id"], 200)["my_reaction"] == "like"


def test_a_manual_group_admits_its_members_only(people: People) -> None:
    group = people.call("admin", "POST", "/groups", {"title": {"en": "Jury"}}, 201)
    project_id, phase_id = _restricted_phase(people, group["id"])
    idea = people.call(
        "ada",
        "POST",
        f"/projects/{project_id}/phases/{phase_id}/ideas",
        {"title": {"en": "A fountain"}, "body": {"en": "<p>In the square.</p>"}},
        201,
    )
    # Verifying would not help with a manual group: the reason says so.
    assert _react(people, "bob", idea["id"], 403)["code"] == "not_in_group"
    people.call(
        "admin", "POST", f"/groups/{group['id']}/members", {"user_ids": [people.ids["bob"]]}
    )
    _react(people, "bob", idea["id"], 200)
    # And an admin takes part without being a member.
    _react(people, "admin", idea["id"], 200)
