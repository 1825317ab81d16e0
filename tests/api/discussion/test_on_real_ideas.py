"""Discussion on real ideas: the ideas domain's target resolver, phase settings and counts."""

from __future__ import annotations

from typing import Any

from tests.api.ideation import conftest as ideation_fixtures
from tests.api.ideation.conftest import Ideas
from tests.conftest import HOST_A, body_of

tokens = ideation_fixtures.tokens
admin = ideation_fixtures.admin
ideas = ideation_fixtures.ideas


def _call(api: Any, method: str, path: str, token: str | None, body: Any = None) -> Any:
    return api.request(method, path, json_body=body, token=token, host=HOST_A)


def _comments_count(api: Any, idea_id: str) -> int:
    return int(body_of(api.get(f"/ideas/{idea_id}", host=HOST_A))["comments"])


def test_comments_on_an_idea_are_counted_on_the_idea(api: Any, ideas: Ideas, pump: Any) -> None:
    # GIVEN an idea by resident A with a thread by resident B and A's reply
    idea = ideas.idea("resident-a")
    path = f"/ideas/{idea['id']}/comments"
    root = _call(api, "POST", path, "resident-b", {"body": "Where exactly?"})
    assert root.status_code == 201, body_of(root)
    reply = _call(
        api, "POST", path, "resident-a", {"body": "By the pond.", "parent_id": body_of(root)["id"]}
    )
    assert reply.status_code == 201
    # WHEN the workers have run THEN the idea counts two comments
    pump.drain()
    assert _comments_count(api, idea["id"]) == 2
    [thread] = body_of(api.get(path, host=HOST_A))["items"]
    assert [r["id"] for r in thread["replies"]] == [body_of(reply)["id"]]
    # WHEN the reply is deleted THEN the count drops and the thread stays
    assert (
        _call(api, "DELETE", f"/comments/{body_of(reply)['id']}", "resident-a").status_code == 204
    )
    pump.drain()
    assert _comments_count(api, idea["id"]) == 1
    [thread] = body_of(api.get(path, host=HOST_A))["items"]
    assert thread["replies"][0]["deleted"] is True


def test_the_phase_settings_of_the_idea_decide_commenting(api: Any, ideas: Ideas) -> None:
    idea = ideas.idea("resident-a")
    path = f"/ideas/{idea['id']}/comments"
    ideas.configure(commenting_enabled=False)
    refused = _call(api, "POST", path, "resident-b", {"body": "Hello"})
    assert refused.status_code == 403 and body_of(refused)["code"] == "action_disabled"
    ideas.configure(commenting_enabled=True)
    assert _call(api, "POST", path, "resident-b", {"body": "Hello"}).status_code == 201
    assert (
        _call(api, "POST", "/ideas/unknown/comments", "resident-b", {"body": "x"}).status_code
        == 404
    )


def test_a_project_manager_posts_official_updates_a_resident_does_not(
    api: Any, ideas: Ideas, tokens: Any
) -> None:
    idea = ideas.idea("resident-a")
    path = f"/ideas/{idea['id']}/official-updates"
    body = {"body": {"en": "<p>Accepted for next year.</p>"}, "author_name": {"en": "Parks"}}
    assert _call(api, "POST", path, "resident-a", body).status_code == 403
    manager = tokens.project_manager(ideas.project_id)
    posted = _call(api, "POST", path, manager, body)
    assert posted.status_code == 201, body_of(posted)
    [item] = body_of(api.get(path, host=HOST_A))["items"]
    assert item["body"] == body["body"] and item["author_name"] == {"en": "Parks"}
