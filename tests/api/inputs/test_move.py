"""POST /manage/inputs/move: move or copy inputs to another phase, votes kept or reset."""

from __future__ import annotations

from typing import Any

import pytest

from shared.ideation.reaction_records import ReactionKind, ReactionRepository
from shared.tenancy import TenantContext
from tests.api.inputs.conftest import Manager, react, resident
from tests.conftest import HOST_A, body_of

LIKE, DISLIKE = ReactionKind.LIKE, ReactionKind.DISLIKE


def _move(manager: Manager, ids: list[str], phase: str, token: str = "admin-a", **body: Any) -> Any:
    payload = {"idea_ids": ids, "phase_id": phase, "mode": "move", "votes": "keep", **body}
    response = manager.call("POST", "/manage/inputs/move", payload, token)
    assert response.status_code == 200, body_of(response)
    return body_of(response)["results"]


def _holders(phase: str, idea: str) -> dict[str, ReactionKind]:
    return ReactionRepository(TenantContext("alpha", HOST_A)).holders(phase, idea)


def _counts(manager: Manager, idea: str) -> tuple[int, int]:
    idea_body = body_of(manager.api.get(f"/ideas/{idea}", token="admin-a", host=HOST_A))
    return idea_body["likes"], idea_body["dislikes"]


@pytest.fixture
def voted(manager: Manager, pump: Any) -> str:
    """An idea in p1's open phase with two likes and one dislike, counted by the worker."""
    manager.admin.call(
        "PATCH",
        f"/projects/{manager.p1}/phases/{manager.phase2}",
        {"method_config": {"dislikes_enabled": True}},
    )
    idea = manager.idea()
    for name, kind in (("r1", "like"), ("r2", "like"), ("r3", "dislike")):
        react(manager.api, resident(manager.tokens, name), idea, kind)
    pump.drain()
    assert _counts(manager, idea) == (2, 1)
    return idea


def _reconcile_both(manager: Manager) -> None:
    from chalicelib.ideation.worker import counters

    tenant = TenantContext("alpha", HOST_A)
    for phase in (manager.phase, manager.phase2):
        counters().reconcile(tenant, phase)


def test_move_keeping_votes_carries_ballots_and_counts(
    manager: Manager, voted: str, recorder: Any, pump: Any
) -> None:
    # WHEN the admin moves the idea to the other phase, keeping votes
    results = _move(manager, [voted], manager.phase)
    # THEN it lives in the new phase with exactly the same votes
    assert results == [{"idea_id": voted, "ok": True, "code": None, "new_idea_id": None}]
    idea = body_of(manager.api.get(f"/ideas/{voted}", token="admin-a", host=HOST_A))
    assert idea["phase_id"] == manager.phase
    assert _counts(manager, voted) == (2, 1)
    assert _holders(manager.phase, voted) == {"r1": LIKE, "r2": LIKE, "r3": DISLIKE}
    assert _holders(manager.phase2, voted) == {}
    assert manager.ids(phase=manager.phase) == [voted]
    assert manager.ids(phase=manager.phase2) == []
    # AND the events say so
    assert [e.type for e in recorder.events] == ["ideation.idea.moved", "ideation.idea.updated"]
    assert recorder.events[0].data == {
        "idea_id": voted,
        "project_id": manager.p1,
        "from_phase_id": manager.phase2,
        "phase_id": manager.phase,
        "votes": "keep",
    }
    # AND a nightly reconcile of both phases finds nothing to change
    _reconcile_both(manager)
    assert _counts(manager, voted) == (2, 1)


def test_move_resetting_votes_gives_them_back(manager: Manager, voted: str) -> None:
    results = _move(manager, [voted], manager.phase, votes="reset")
    assert results[0]["ok"] is True
    assert _counts(manager, voted) == (0, 0)
    assert _holders(manager.phase, voted) == {}
    assert _holders(manager.phase2, voted) == {}
    _reconcile_both(manager)
    assert _counts(manager, voted) == (0, 0)


def test_copy_keeping_votes_duplicates_them(manager: Manager, voted: str, recorder: Any) -> None:
    # WHEN the idea is copied to the other phase with its votes
    result = _move(manager, [voted], manager.phase, mode="copy")[0]
    copy = result["new_idea_id"]
    # THEN the original is unchanged and the copy has the same votes in the new phase
    assert result["ok"] is True and copy not in (None, voted)
    assert _counts(manager, voted) == (2, 1)
    assert _counts(manager, copy) == (2, 1)
    assert _holders(manager.phase2, voted) == {"r1": LIKE, "r2": LIKE, "r3": DISLIKE}
    assert _holders(manager.phase, copy) == {"r1": LIKE, "r2": LIKE, "r3": DISLIKE}
    copied = body_of(manager.api.get(f"/ideas/{copy}", token="admin-a", host=HOST_A))
    assert (copied["title"], copied["phase_id"]) == ({"en": "More benches"}, manager.phase)
    assert copied["author"]["id"] == "resident-a"
    # AND the copy is announced as a new input
    assert [(e.type, e.data["idea_id"]) for e in recorder.events] == [
        ("ideation.idea.published", copy)
    ]
    _reconcile_both(manager)
    assert (_counts(manager, voted), _counts(manager, copy)) == ((2, 1), (2, 1))


def test_copy_resetting_votes_starts_at_zero(manager: Manager, voted: str) -> None:
    copy = _move(manager, [voted], manager.phase, mode="copy", votes="reset")[0]["new_idea_id"]
    assert _counts(manager, copy) == (0, 0)
    assert _counts(manager, voted) == (2, 1)
    assert _holders(manager.phase, copy) == {}


def test_copied_files_are_the_copys_own(manager: Manager) -> None:
    from tests.api.ideation.conftest import image_key

    idea = manager.idea(image_keys=[image_key()])
    copy = _move(manager, [idea], manager.phase, mode="copy")[0]["new_idea_id"]
    original = body_of(manager.api.get(f"/ideas/{idea}", token="admin-a", host=HOST_A))
    copied = body_of(manager.api.get(f"/ideas/{copy}", token="admin-a", host=HOST_A))
    assert original["images"][0]["key"] != copied["images"][0]["key"]
    assert copied["images"][0]["key"].startswith("alpha/idea_image/resident-a/")


def test_who_may_move_and_where(manager: Manager) -> None:
    in_p1, in_p2 = manager.idea(), manager.idea(manager.p2)
    # a moderator may not move; p1's manager does not reach p2's idea
    assert _move(manager, [in_p1], manager.phase, manager.mod1)[0]["code"] == "manager_only"
    assert _move(manager, [in_p2], manager.phase, manager.pm1)[0]["code"] == "not_found"
    # the phase must be an ideation phase of the idea's own project, and another one
    assert _move(manager, [in_p1], manager.p2_phase)[0]["code"] == "phase_not_in_project"
    assert _move(manager, [in_p1], manager.phase2)[0]["code"] == "same_phase"
    # a resident is refused outright
    payload = {"idea_ids": [in_p1], "phase_id": manager.phase, "mode": "move", "votes": "keep"}
    refused = manager.call("POST", "/manage/inputs/move", payload, "resident-a")
    assert refused.status_code == 403
    # p1's manager moves p1's idea
    assert _move(manager, [in_p1], manager.phase, manager.pm1)[0]["ok"] is True


def test_a_moved_idea_is_found_by_search_in_its_new_phase(manager: Manager, pump: Any) -> None:
    idea = manager.idea(title={"en": "Fountain repair"})
    pump.drain()
    _move(manager, [idea], manager.phase)
    assert manager.ids(q="fountain", phase=manager.phase) == [idea]
    assert manager.ids(q="fountain", phase=manager.phase2) == []


def test_a_hidden_idea_is_not_copied(manager: Manager) -> None:
    from shared.ideation.models import IdeaRecord
    from shared.ideation.repository import IdeaRepository

    idea = manager.idea()
    record = IdeaRepository(TenantContext("alpha", HOST_A)).get(idea)
    assert record is not None
    record.update(actions=[IdeaRecord.hidden_reason.set("Spam")])
    assert _move(manager, [idea], manager.phase, mode="copy")[0]["code"] == "hidden_input"
    assert _move(manager, [idea], manager.phase)[0]["ok"] is True


def test_the_workers_apply_a_move_and_a_copy(manager: Manager, voted: str, pump: Any) -> None:
    # GIVEN a voted idea moved, and a copy of it, with every event delivered to the workers
    copy = _move(manager, [voted], manager.phase, mode="copy")[0]["new_idea_id"]
    _move(manager, [voted], manager.phase, votes="reset")
    pump.drain()
    # THEN the derived data agrees: counts, the search index of the new phase
    assert _counts(manager, copy) == (2, 1)
    assert _counts(manager, voted) == (0, 0)
    assert sorted(manager.ids(q="benches", phase=manager.phase)) == sorted([voted, copy])
    assert manager.ids(q="benches", phase=manager.phase2) == []
