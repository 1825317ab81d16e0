"""POST /manage/inputs/status: one status (and official update) on many inputs."""

from __future__ import annotations

from typing import Any

from tests.api.inputs.conftest import Manager
from tests.conftest import HOST_A, body_of


def _status(manager: Manager, ids: list[str], token: str = "admin-a", **extra: Any) -> Any:
    body = {"idea_ids": ids, "status_id": "accepted", **extra}
    return manager.call("POST", "/manage/inputs/status", body, token)


def test_a_moderator_sets_status_and_posts_updates_in_their_project_only(
    manager: Manager, api: Any
) -> None:
    # GIVEN two ideas of p1 and one of p2
    a, b, other = manager.idea(), manager.idea(), manager.idea(manager.p2)
    # WHEN p1's moderator accepts all three with an official update
    update = {"en": "<p>We will do it.</p>"}
    response = _status(manager, [a, b, other], manager.mod1, official_update=update)
    # THEN p1's ideas changed, p2's was refused
    assert response.status_code == 200, body_of(response)
    results = body_of(response)["results"]
    assert [(r["idea_id"], r["ok"], r["code"]) for r in results] == [
        (a, True, None),
        (b, True, None),
        (other, False, "moderator_only"),
    ]
    assert manager.ids(status="accepted") == [b, a]
    # AND each changed idea carries the official update
    for idea in (a, b):
        updates = body_of(api.get(f"/ideas/{idea}/official-updates", host=HOST_A))["items"]
        assert [u["body"] for u in updates] == [update]
    assert body_of(api.get(f"/ideas/{other}/official-updates", host=HOST_A))["items"] == []


def test_an_unknown_status_or_an_empty_update_changes_nothing(manager: Manager) -> None:
    idea = manager.idea()
    unknown = manager.call(
        "POST", "/manage/inputs/status", {"idea_ids": [idea], "status_id": "nope"}
    )
    assert (unknown.status_code, body_of(unknown)["errors"][0]["code"]) == (422, "unknown_status")
    empty = _status(manager, [idea], official_update={"en": "<script>x</script>"})
    assert empty.status_code == 422
    assert manager.ids(status="accepted") == []


def test_residents_are_refused(manager: Manager) -> None:
    idea = manager.idea()
    response = _status(manager, [idea], "resident-a")
    assert (response.status_code, body_of(response)["code"]) == (403, "team_only")
