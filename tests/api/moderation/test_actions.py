"""Moderators' actions: per-target permission, reasons, state changes, audit and events."""

from __future__ import annotations

from typing import Any

from tests.api.moderation.conftest import World
from tests.conftest import body_of


def _moderated_events(world: World) -> list[dict[str, Any]]:
    """The moderation.content.moderated events on the bus, via the recording publisher."""
    return [e.data for e in world.events if e.type == "moderation.content.moderated"]


def test_hide_and_restore_an_idea_with_a_reason_audited_and_announced(world: World) -> None:
    # GIVEN an idea of project 1
    idea = world.idea()
    world.pump()
    # WHEN its moderator hides it with a reason, then restores it
    [hidden] = world.act("hide", [("idea", idea)], "mod-p1", reason="Advertising")
    [restored] = world.act("restore", [("idea", idea)], "mod-p1")
    # THEN each result says the state, and the queue item is visible and reviewed again
    assert hidden == {
        "target_kind": "idea",
        "target_id": idea,
        "ok": True,
        "code": None,
        "state": "hidden",
        "reviewed": True,
    }
    assert restored["ok"] and restored["state"] == "visible"
    [item] = world.queue("mod-p1")
    assert item["state"] == "visible" and item["hidden_reason"] is None
    # AND the audit trail holds both, newest first, with who and why
    trail = world.ok("GET", f"/moderation/audit?target_kind=idea&target_id={idea}", "admin-a")
    assert [(e["action"], e["actor"]["id"], e["reason"]) for e in trail["items"]] == [
        ("restore", "mod-p1", None),
        ("hide", "mod-p1", "Advertising"),
    ]
    assert trail["items"][1]["details"]["after"] == {"reviewed": True, "state": "hidden"}
    # AND both actions were announced
    assert [(e["action"], e["reason"]) for e in _moderated_events(world)] == [
        ("hide", "Advertising"),
        ("restore", None),
    ]


def test_each_target_is_checked_on_its_own(world: World) -> None:
    # GIVEN ideas in projects 1 and 2
    one = world.idea(world.p1)
    two = world.idea(world.p2)
    # WHEN project 1's moderator reviews both, and an unknown id
    results = world.act("review", [("idea", one), ("idea", two), ("idea", "nope")], "mod-p1")
    # THEN only project 1's idea is reviewed
    assert [(r["target_id"], r["ok"], r["code"]) for r in results] == [
        (one, True, None),
        (two, False, "moderator_only"),
        ("nope", False, "not_found"),
    ]
    assert results[1]["state"] is None  # nothing is revealed about another project's item
    assert {i["target_id"]: i["reviewed"] for i in world.queue("admin-a")} == {
        one: True,
        two: False,
    }


def test_residents_cannot_act_and_hide_needs_a_reason(world: World) -> None:
    # GIVEN an idea
    idea = world.idea()
    body = {"action": "hide", "targets": [{"target_kind": "idea", "target_id": idea}]}
    # WHEN a resident acts, and a moderator hides without a reason
    resident = world.call("POST", "/moderation/actions", "resident-b", {**body, "reason": "x"})
    no_reason = world.call("POST", "/moderation/actions", "mod-p1", body)
    too_many = world.call(
        "POST",
        "/moderation/actions",
        "mod-p1",
        {"action": "review", "targets": [{"target_kind": "idea", "target_id": idea}] * 101},
    )
    # THEN the resident's action is not applied, the reason is asked for, 100 is the limit
    assert body_of(resident)["results"][0]["code"] == "moderator_only"
    assert no_reason.status_code == 422
    assert body_of(no_reason)["errors"][0] == {
        "field": "reason",
        "code": "reason_required",
        "message": "Say why: the author will see it.",
    }
    assert too_many.status_code == 422


def test_restore_of_visible_content_is_refused_and_review_toggles(world: World) -> None:
    # GIVEN a visible idea
    idea = world.idea()
    # WHEN it is restored, reviewed and unreviewed
    [restore] = world.act("restore", [("idea", idea)], "admin-a")
    [review] = world.act("review", [("idea", idea)], "admin-a")
    [unreview] = world.act("unreview", [("idea", idea)], "admin-a")
    # THEN restore says it is not hidden; review and unreview flip the flag
    assert (restore["ok"], restore["code"]) == (False, "not_hidden")
    assert review["reviewed"] is True and unreview["reviewed"] is False


def test_delete_removes_an_idea_and_a_comment_through_their_own_paths(world: World) -> None:
    # GIVEN an idea and a comment on another idea
    idea = world.idea()
    other = world.idea()
    comment = world.comment(other, "Spam spam")
    # WHEN project 1's moderator deletes both
    results = world.act("delete", [("idea", idea), ("comment", comment)], "mod-p1", reason="Spam")
    world.pump()
    # THEN both are deleted: the idea is gone, the comment is a deleted placeholder
    assert [(r["ok"], r["state"]) for r in results] == [(True, "deleted"), (True, "deleted")]
    assert world.call("GET", f"/ideas/{idea}", "resident-a").status_code == 404
    [thread] = world.ok("GET", f"/ideas/{other}/comments", None)["items"]
    assert thread["deleted"] is True and thread["body"] == ""
    # AND they leave the queue; deleting again says it is already deleted
    assert {i["target_id"] for i in world.queue("mod-p1")} == {other}
    [again] = world.act("delete", [("idea", idea)], "mod-p1", reason="Spam")
    assert again["code"] == "content_deleted"
    deleted = {e["action"] for e in _moderated_events(world)}
    assert deleted == {"delete"}


def test_the_audit_trail_is_for_admins(world: World) -> None:
    # GIVEN a moderator's action
    idea = world.idea()
    world.act("review", [("idea", idea)], "mod-p1")
    # WHEN a moderator and the admin read the trail, the admin by actor
    moderator = world.call("GET", "/moderation/audit", "mod-p1")
    by_actor = world.ok("GET", "/moderation/audit?actor=mod-p1", "admin-a")
    half_target = world.call("GET", "/moderation/audit?target_kind=idea", "admin-a")
    # THEN the moderator is refused, the admin sees the entry, a half target is a field error
    assert moderator.status_code == 403 and body_of(moderator)["code"] == "admin_only"
    assert [(e["action"], e["target_id"]) for e in by_actor["items"]] == [("review", idea)]
    assert half_target.status_code == 422
