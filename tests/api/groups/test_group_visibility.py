"""Projects only some groups may see: listed, readable and usable by their members only."""

from __future__ import annotations

from typing import Any

from tests.api.groups.conftest import People
from tests.conftest import body_of


def _home(api: Any, token: str | None) -> list[str]:
    return [p["title"]["en"] for p in body_of(api.get("/projects?limit=2", token=token))["items"]]


def _all_pages(api: Any, token: str | None) -> list[str]:
    titles, cursor = [], None
    while True:
        query = f"/projects?limit=2{f'&cursor={cursor}' if cursor else ''}"
        page = body_of(api.get(query, token=token))
        titles += [p["title"]["en"] for p in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            return titles


def test_a_group_project_exists_only_for_the_groups_members(people: People, api) -> None:
    jury = people.call("admin", "POST", "/groups", {"title": {"en": "Jury"}}, 201)
    people.call("admin", "POST", f"/groups/{jury['id']}/members", {"user_ids": [people.ids["ada"]]})
    titles = ["Park", "Jury only", "Library", "Square"]
    ids = {}
    for title in titles:
        body: dict[str, Any] = {"title": {"en": title}}
        if title == "Jury only":
            body |= {"visibility": "groups", "visible_group_ids": [jury["id"]]}
        project = people.call("admin", "POST", "/projects", body, 201)
        people.call("admin", "POST", f"/projects/{project['id']}/publish")
        ids[title] = project["id"]
    # A member pages through every project in position order, the group's among them once.
    assert _all_pages(api, people.tokens["ada"]) == titles
    # Others, signed in or not, neither list nor read it.
    assert _all_pages(api, people.tokens["bob"]) == ["Park", "Library", "Square"]
    assert _all_pages(api, None) == ["Park", "Library", "Square"]
    assert api.get(f"/projects/{ids['Jury only']}", token=people.tokens["bob"]).status_code == 404
    shown = people.call("ada", "GET", f"/projects/{ids['Jury only']}")
    assert shown["visible_group_ids"] == [jury["id"]]
    # Leaving the group hides it at once.
    people.call("admin", "DELETE", f"/groups/{jury['id']}/members/{people.ids['ada']}", None, 204)
    assert _home(api, people.tokens["ada"]) == ["Park", "Library"]


def test_group_visibility_needs_existing_groups(people: People) -> None:
    problem = people.call(
        "admin", "POST", "/projects", {"title": {"en": "X"}, "visibility": "groups"}, 422
    )
    assert problem["errors"][0]["code"] == "groups_required"
    project = people.call("admin", "POST", "/projects", {"title": {"en": "Y"}}, 201)
    problem = people.call(
        "admin",
        "PATCH",
        f"/projects/{project['id']}",
        {"visibility": "groups", "visible_group_ids": ["nope"]},
        422,
    )
    assert problem["errors"][0]["code"] == "unknown_group"
    assert people.call("admin", "GET", f"/projects/{project['id']}")["visibility"] == "public"
