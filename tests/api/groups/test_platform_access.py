"""Platform-wide access: a platform for signed-in residents only, and who may follow."""

from __future__ import annotations

from typing import Any

from tests.api.groups.conftest import People
from tests.conftest import body_of


def _idea(people: People) -> str:
    project = people.call("admin", "POST", "/projects", {"title": {"en": "Square"}}, 201)
    body = {"title": {"en": "Ideas"}, "start_date": "2020-01-01", "method": "ideation"}
    phase = people.call("admin", "POST", f"/projects/{project['id']}/phases", body, 201)
    people.call("admin", "POST", f"/projects/{project['id']}/publish")
    idea = people.call(
        "ada",
        "POST",
        f"/projects/{project['id']}/phases/{phase['id']}/ideas",
        {"title": {"en": "A fountain"}, "body": {"en": "<p>Cool water.</p>"}},
        201,
    )
    return str(idea["id"])


def test_a_platform_for_signed_in_residents_shows_visitors_only_the_way_in(
    people: People, api: Any
) -> None:
    idea_id = _idea(people)
    content = [
        "/projects",
        "/folders",
        f"/ideas/{idea_id}",
        f"/ideas/{idea_id}/comments",
        "/topics",
    ]
    assert all(api.get(path).status_code == 200 for path in content)
    # WHEN the admin closes the platform to visitors
    people.call("admin", "PATCH", "/platform", {"access": {"visit": "signed_in"}})
    # THEN visitors are asked to sign in for every piece of content
    for path in content:
        response = api.get(path)
        assert response.status_code == 401, path
        assert body_of(response)["code"] == "not_signed_in", path
    # AND what signing in and up needs stays open
    for path in ("/platform", "/legal", "/registration", "/verification/methods", "/health"):
        assert api.get(path).status_code == 200, path
    assert body_of(api.get("/platform"))["access"]["visit"] == "signed_in"
    # AND signed-in residents read as before
    assert people.call("bob", "GET", f"/ideas/{idea_id}")["id"] == idea_id


def test_following_can_be_kept_for_verified_residents(people: People, api: Any) -> None:
    idea_id = _idea(people)
    path = f"/follows/idea/{idea_id}"
    people.call("admin", "PATCH", "/platform", {"access": {"follow": "verified"}})
    refused = people.call("bob", "PUT", path, None, 403)
    assert refused["code"] == "not_verified"
    assert people.call("bob", "GET", path) == {"following": False}
    people.verify("bob")
    assert people.call("bob", "PUT", path)["following"] is True
    assert people.call("bob", "GET", path) == {"following": True}


def test_only_admins_change_platform_access(people: People) -> None:
    refused = people.call("ada", "PATCH", "/platform", {"access": {"visit": "signed_in"}}, 403)
    assert refused["code"] == "admin_only"
    bad = people.call("admin", "PATCH", "/platform", {"access": {"visit": "friends"}}, 422)
    assert bad["errors"][0]["field"] == "access.visit"
