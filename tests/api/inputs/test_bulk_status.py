"""POST /manage/inputs/status: a status, an official update or both, on many inputs."""

from __future__ import annotations

from typing import Any

import pytest

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
    assert [(r["idea_id"], r["ok"], r["code"], r["status_set"]) for r in results] == [
        (a, True, None, True),
        (b, True, None, True),
        (other, False, "moderator_only", False),
    ]
    assert [r["update_posted"] for r in results] == [True, True, False]
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


def _updates(api: Any, idea: str) -> list[Any]:
    return [
        u["body"] for u in body_of(api.get(f"/ideas/{idea}/official-updates", host=HOST_A))["items"]
    ]


def _status_of(manager: Manager, idea: str) -> str | None:
    (row,) = [r for r in manager.list()["items"] if r["id"] == idea]
    return row["status"]["id"] if row["status"] else None


def test_an_official_update_alone_leaves_each_status_as_it_was(manager: Manager, api: Any) -> None:
    # GIVEN an accepted idea and a new one
    accepted, fresh = manager.idea(), manager.idea()
    assert _status(manager, [accepted]).status_code == 200
    before = _status_of(manager, fresh)
    # WHEN an official update alone is posted on both
    update = {"en": "<p>The council reads every idea in May.</p>"}
    body = {"idea_ids": [accepted, fresh], "official_update": update}
    response = manager.call("POST", "/manage/inputs/status", body)
    # THEN each carries the update, and no status changed
    assert response.status_code == 200, body_of(response)
    assert [
        (r["ok"], r["status_set"], r["update_posted"]) for r in body_of(response)["results"]
    ] == [(True, False, True)] * 2
    assert _updates(api, accepted) == _updates(api, fresh) == [update]
    assert (_status_of(manager, accepted), _status_of(manager, fresh)) == ("accepted", before)


def test_a_status_alone_posts_no_update(manager: Manager, api: Any) -> None:
    idea = manager.idea()
    response = _status(manager, [idea])
    assert [
        (r["ok"], r["status_set"], r["update_posted"]) for r in body_of(response)["results"]
    ] == [(True, True, False)]
    assert _updates(api, idea) == []


def test_neither_a_status_nor_an_update_is_refused(manager: Manager) -> None:
    idea = manager.idea()
    response = manager.call("POST", "/manage/inputs/status", {"idea_ids": [idea]})
    assert response.status_code == 422
    assert body_of(response)["errors"][0]["message"] == (
        "Give a status, an official update, or both."
    )


def test_a_status_set_whose_update_failed_says_exactly_that(
    manager: Manager, api: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chalicelib.inputs import wiring
    from shared.errors import ConflictError

    # GIVEN two ideas, and an update service that fails on the second one
    first, second = manager.idea(), manager.idea()
    service = wiring.feedback()
    real = service._updates

    class FailingOnSecond:
        def post_update(
            self, tenant: Any, principal: Any, kind: str, target: str, body: Any
        ) -> Any:
            if target == second:
                raise ConflictError(code="update_conflict")
            return real.post_update(tenant, principal, kind, target, body)

    monkeypatch.setattr(service, "_updates", FailingOnSecond())
    # WHEN both are accepted with an update
    update = {"en": "<p>Accepted.</p>"}
    response = _status(manager, [first, second], official_update=update)
    # THEN the second's result says its status was set but its update was not posted, and why
    results = {r["idea_id"]: r for r in body_of(response)["results"]}
    assert results[first] == {
        "idea_id": first,
        "ok": True,
        "code": None,
        "status_set": True,
        "update_posted": True,
    }
    assert results[second] == {
        "idea_id": second,
        "ok": False,
        "code": "update_conflict",
        "status_set": True,
        "update_posted": False,
    }
    assert _status_of(manager, second) == "accepted" and _updates(api, second) == []
