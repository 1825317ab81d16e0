"""Reporting ideas and comments: once per resident, validated, announced, counted."""

from __future__ import annotations

from tests.api.moderation.conftest import World
from tests.conftest import body_of


def test_a_resident_reports_an_idea_once_and_moderators_see_the_report(world: World) -> None:
    # GIVEN Ada's idea
    idea = world.idea()
    # WHEN Bob reports it, twice
    first = world.report("idea", idea, reason="other", note="Advertises a shop")
    again = world.report("idea", idea, reason="spam")
    world.pump()
    # THEN the first is filed, the second refused as already reported
    assert first.status_code == 201, body_of(first)
    assert body_of(first)["reason"] == "other" and body_of(first)["note"] == "Advertises a shop"
    assert again.status_code == 409 and body_of(again)["code"] == "already_reported"
    # AND the project's moderator sees it with the reporter, reason and note
    reports = world.ok("GET", f"/moderation/activity/idea/{idea}/reports", "mod-p1")["items"]
    assert [(r["reason"], r["note"], r["reporter"]["id"]) for r in reports] == [
        ("other", "Advertises a shop", "resident-b")
    ]
    [item] = world.queue("mod-p1", "?reported=true")
    assert item["reports"] == 1 and item["report_reasons"]["other"] == 1


def test_reporting_needs_a_note_for_other_and_a_signed_in_viewer(world: World) -> None:
    # GIVEN an idea
    idea = world.idea()
    # WHEN reported as "other" without a note, and anonymously
    no_note = world.report("idea", idea, reason="other")
    anonymous = world.report("idea", idea, token=None)  # type: ignore[arg-type]
    unknown = world.report("idea", "nope")
    # THEN the note is asked for, sign-in is asked for, and a missing idea is not found
    assert no_note.status_code == 422
    assert {e["field"]: e["code"] for e in body_of(no_note)["errors"]} == {"note": "note_required"}
    assert anonymous.status_code == 401
    assert unknown.status_code == 404


def test_a_comment_report_is_announced_with_its_project(world: World) -> None:
    # GIVEN a comment on an idea
    idea = world.idea()
    comment = world.comment(idea, "Buy cheap watches here")
    # WHEN Bob reports the comment
    response = world.report("comment", comment, reason="spam")
    world.pump()
    # THEN it is filed and the moderation queue counts it on the comment's item
    assert response.status_code == 201
    items = world.queue("admin-a", "?kind=comment")
    assert [(i["target_id"], i["reports"], i["project_id"]) for i in items] == [
        (comment, 1, world.p1.project_id)
    ]
    assert items[0]["title"] == {"en": "More benches"}
    assert items[0]["path"].endswith(f"/ideas/{idea}#comment-{comment}")


def test_reports_of_a_target_are_for_its_moderators_only(world: World) -> None:
    # GIVEN a reported idea of project 1
    idea = world.idea()
    world.report("idea", idea)
    path = f"/moderation/activity/idea/{idea}/reports"
    # WHEN a resident and project 2's moderator ask for its reports
    resident = world.call("GET", path, "resident-b")
    other = world.call("GET", path, "mod-p2")
    # THEN both are refused
    assert resident.status_code == 403 and other.status_code == 403
    assert body_of(other)["code"] == "moderator_only"
