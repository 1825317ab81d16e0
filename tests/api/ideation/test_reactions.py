"""Reactions over the API: like, dislike, toggle, switch, the limit, and every refusal."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.ideation.conftest import Ideas
from tests.conftest import HOST_A, HOST_B, body_of


def _react(ideas: Ideas, idea_id: str, kind: str | None, token: str | None = "resident-a") -> Any:
    path = f"/ideas/{idea_id}/reaction"
    if kind is None:
        return ideas.api.delete(path, token=token, host=HOST_A)
    return ideas.api.put(path, {"kind": kind}, token=token, host=HOST_A)


def _ok(response: Any) -> dict[str, Any]:
    assert response.status_code == 200, body_of(response)
    return dict(body_of(response))


def _idea(ideas: Ideas, idea_id: str, token: str | None = "resident-a") -> dict[str, Any]:
    response = ideas.api.get(f"/ideas/{idea_id}", token=token, host=HOST_A)
    assert response.status_code == 200, body_of(response)
    return dict(body_of(response))


def test_a_like_shows_at_once_and_is_counted_by_the_worker(ideas, pump):
    idea = ideas.idea("resident-b")
    # WHEN a resident likes the idea
    state = _ok(_react(ideas, idea["id"], "like"))
    # THEN the answer is immediate, and the idea page shows it once the worker ran
    assert state == {"likes": 1, "dislikes": 0, "my_reaction": "like", "likes_left": None}
    assert _idea(ideas, idea["id"])["my_reaction"] == "like"
    pump.drain()
    page = _idea(ideas, idea["id"])
    assert (page["likes"], page["dislikes"], page["my_reaction"]) == (1, 0, "like")
    # another viewer sees the count but not a reaction of their own
    assert _idea(ideas, idea["id"], "resident-b")["my_reaction"] is None


def test_liking_twice_changes_nothing_and_withdrawing_toggles_it_off(ideas, pump):
    idea = ideas.idea()
    _ok(_react(ideas, idea["id"], "like"))
    pump.drain()
    again = _ok(_react(ideas, idea["id"], "like"))
    assert (again["likes"], again["my_reaction"]) == (1, "like")
    withdrawn = _ok(_react(ideas, idea["id"], None))
    assert (withdrawn["likes"], withdrawn["my_reaction"]) == (0, None)
    assert _ok(_react(ideas, idea["id"], None))["my_reaction"] is None
    pump.drain()
    assert _idea(ideas, idea["id"])["likes"] == 0


def test_switching_a_like_to_a_dislike_where_dislikes_are_on(ideas, pump):
    ideas.configure(dislikes_enabled=True)
    idea = ideas.idea()
    _ok(_react(ideas, idea["id"], "like"))
    _ok(_react(ideas, idea["id"], "like", "resident-b"))
    pump.drain()
    switched = _ok(_react(ideas, idea["id"], "dislike"))
    assert (switched["likes"], switched["dislikes"], switched["my_reaction"]) == (1, 1, "dislike")
    pump.drain()
    page = _idea(ideas, idea["id"])
    assert (page["likes"], page["dislikes"], page["my_reaction"]) == (1, 1, "dislike")


def test_a_dislike_is_refused_where_dislikes_are_off(ideas):
    idea = ideas.idea()
    response = _react(ideas, idea["id"], "dislike")
    assert response.status_code == 403
    assert body_of(response)["code"] == "dislikes_disabled"


def test_the_like_limit_is_explained_and_a_withdrawn_like_frees_one(ideas, pump):
    ideas.configure(max_likes_per_resident=1)
    first, second = ideas.idea("resident-b"), ideas.idea("resident-b")
    assert _ok(_react(ideas, first["id"], "like"))["likes_left"] == 0
    assert _idea(ideas, second["id"])["likes_left"] == 0
    # WHEN a second like is asked for
    response = _react(ideas, second["id"], "like")
    # THEN it is refused with the limit and a sentence saying what to do
    assert response.status_code == 409
    problem = body_of(response)
    assert (problem["code"], problem["limit"]) == ("like_limit_reached", 1)
    assert "Remove one of your likes" in problem["detail"]
    # AND after withdrawing the first like, the second idea can be liked
    assert _ok(_react(ideas, first["id"], None))["likes_left"] == 1
    assert _ok(_react(ideas, second["id"], "like"))["likes_left"] == 0
    pump.drain()
    assert (_idea(ideas, first["id"])["likes"], _idea(ideas, second["id"])["likes"]) == (0, 1)


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"reacting_enabled": False}, "action_disabled"),
        ({"reacting_enabled": True}, "phase_closed"),
    ],
)
def test_closed_phases_and_switched_off_reacting_refuse_reactions(ideas, change, code):
    idea = ideas.idea()
    _ok(_react(ideas, idea["id"], "like"))
    ideas.configure(**change)
    if code == "phase_closed":
        ideas.admin.call(
            "PATCH",
            f"/projects/{ideas.project_id}/phases/{ideas.phase_id}",
            {"end_date": "2020-06-30"},
        )
    for kind in ("like", None):
        response = _react(ideas, idea["id"], kind, "resident-b" if kind else "resident-a")
        assert response.status_code == 403, body_of(response)
        assert body_of(response)["code"] == code
    # the refused withdrawal left the earlier like in place
    assert _idea(ideas, idea["id"])["my_reaction"] == "like"
    assert _idea(ideas, idea["id"])["permissions"]["react"] == {
        "allowed": False,
        "reason": code,
        "fields": [],
    }


def test_anonymous_visitors_are_asked_to_sign_in(ideas):
    idea = ideas.idea()
    response = _react(ideas, idea["id"], "like", token=None)
    assert response.status_code == 401
    assert body_of(response)["code"] == "not_signed_in"


def test_bad_kinds_unknown_ideas_and_other_platforms(ideas, api):
    idea = ideas.idea()
    bad = ideas.api.put(f"/ideas/{idea['id']}/reaction", {"kind": "love"}, token="resident-a")
    assert bad.status_code == 422
    assert body_of(bad)["errors"][0]["field"] == "kind"
    assert _react(ideas, "no-such-idea", "like").status_code == 404
    # platform B cannot see, let alone like, platform A's idea
    other = api.put(f"/ideas/{idea['id']}/reaction", {"kind": "like"}, host=HOST_B)
    assert other.status_code == 404


def test_managers_reconcile_a_phase_and_residents_may_not(ideas, pump, tokens):
    from shared.ideation.repository import IdeaRepository
    from shared.tenancy import TenantContext

    idea = ideas.idea()
    _ok(_react(ideas, idea["id"], "like"))
    pump.drain()
    # GIVEN a count that drifted
    IdeaRepository(TenantContext("alpha", HOST_A)).apply_counts(idea["id"], 40, 2, 0)
    path = f"/admin/phases/{ideas.phase_id}/ideas/reconcile"
    # WHEN a resident asks for a reconcile THEN it is refused
    refused = ideas.api.post(path, token="resident-a", host=HOST_A)
    assert (refused.status_code, body_of(refused)["code"]) == (403, "manager_only")
    assert ideas.api.post(path, host=HOST_A).status_code == 401
    # WHEN the project's manager asks THEN the count is repaired
    manager = tokens.project_manager(ideas.project_id)
    repaired = ideas.api.post(path, token=manager, host=HOST_A)
    assert (repaired.status_code, body_of(repaired)) == (200, {"ideas": 1, "changed": 1})
    assert (_idea(ideas, idea["id"])["likes"], _idea(ideas, idea["id"])["dislikes"]) == (1, 0)
    unknown = ideas.api.post("/admin/phases/nope/ideas/reconcile", token=manager, host=HOST_A)
    assert unknown.status_code == 404
