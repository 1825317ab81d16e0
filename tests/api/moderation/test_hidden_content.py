"""Hidden content for residents: ideas leave lists, search and map; comments keep a placeholder."""

from __future__ import annotations

from tests.api.moderation.conftest import World
from tests.conftest import body_of


def test_a_hidden_idea_leaves_every_resident_list_and_is_404_for_others(world: World) -> None:
    # GIVEN two located ideas, one of which moderation hides
    pin = {"lat": 50.85, "lng": 4.35}
    kept = world.idea(title={"en": "Pond benches"}, location=pin)
    hidden = world.idea(title={"en": "Pond adverts"}, location=pin)
    world.pump()
    world.act("hide", [("idea", hidden)], "mod-p1", reason="Advertising")
    p1 = world.p1
    # WHEN residents list, search, map and open them
    listed = [c["id"] for c in p1.list()["items"]]
    searched = [c["id"] for c in p1.list(q="pond")["items"]]
    pins = world.ok(
        "GET", f"/projects/{p1.project_id}/phases/{p1.phase_id}/idea-pins", "resident-b"
    )
    other = world.call("GET", f"/ideas/{hidden}", "resident-b")
    # THEN the hidden idea is nowhere and another resident gets 404
    assert listed == [kept] and searched == [kept]
    assert [p["id"] for p in pins["items"]] == [kept]
    assert other.status_code == 404


def test_the_author_and_the_team_see_the_hidden_idea_with_its_reason(world: World) -> None:
    # GIVEN Ada's hidden idea
    idea = world.idea()
    world.act("hide", [("idea", idea)], "mod-p1", reason="Off topic")
    # WHEN Ada, the moderator and, after a restore, another resident open it
    mine = world.ok("GET", f"/ideas/{idea}", "resident-a")
    team = world.ok("GET", f"/ideas/{idea}", "mod-p1")
    world.act("restore", [("idea", idea)], "mod-p1")
    restored = world.ok("GET", f"/ideas/{idea}", "resident-b")
    # THEN the author and team see the state and reason; once restored it is public again
    assert mine["moderation"] == {"state": "hidden", "reason": "Off topic"}
    assert team["moderation"] == {"state": "hidden", "reason": "Off topic"}
    assert restored["moderation"] is None


def test_a_hidden_comment_stays_as_a_placeholder_with_the_reason_for_its_author(
    world: World,
) -> None:
    # GIVEN Bob's comment on Ada's idea, hidden by moderation
    idea = world.idea()
    comment = world.comment(idea, "Rude words here", token="resident-b")
    world.act("hide", [("comment", comment)], "mod-p1", reason="Insults")
    path = f"/ideas/{idea}/comments"
    # WHEN another resident, the author and the moderator read the thread
    [others] = world.ok("GET", path, "resident-a")["items"]
    [authors] = world.ok("GET", path, "resident-b")["items"]
    [team] = world.ok("GET", path, "mod-p1")["items"]
    # THEN everyone sees a placeholder without the body; only author and team see why
    assert others["hidden"] is True and others["body"] == "" and others["author"] is None
    assert others["deleted"] is False  # hidden, not deleted: the UI says which
    assert others["hidden_reason"] is None
    assert authors["hidden_reason"] == "Insults" and team["hidden_reason"] == "Insults"
    # AND a restore brings the body back
    world.act("restore", [("comment", comment)], "mod-p1")
    [back] = world.ok("GET", path, "resident-a")["items"]
    assert back["hidden"] is False and back["body"] == "Rude words here"


def test_hidden_content_cannot_be_reported_by_others(world: World) -> None:
    # GIVEN a hidden idea
    idea = world.idea()
    world.act("hide", [("idea", idea)], "mod-p1", reason="Spam")
    # WHEN another resident reports it
    response = world.report("idea", idea)
    # THEN it is not found for them
    assert response.status_code == 404


def test_a_hidden_idea_takes_no_new_comments(world: World) -> None:
    # GIVEN a hidden idea
    idea = world.idea()
    world.act("hide", [("idea", idea)], "mod-p1", reason="Spam")
    # WHEN a resident comments on it
    response = world.call("POST", f"/ideas/{idea}/comments", "resident-b", {"body": "Hello"})
    # THEN the comment is refused as if the phase had closed
    assert response.status_code == 403
    assert body_of(response)["code"] == "phase_closed"


def test_hiding_a_comment_takes_it_out_of_the_ideas_comment_count(world: World) -> None:
    # GIVEN an idea with two comments, counted by the ideation worker
    idea = world.idea()
    world.comment(idea, "First")
    rude = world.comment(idea, "Rude")
    world.pump()
    assert world.ok("GET", f"/ideas/{idea}", None)["comments"] == 2
    # WHEN one comment is hidden, and later restored
    world.act("hide", [("comment", rude)], "mod-p1", reason="Insults")
    world.pump()
    hidden = world.ok("GET", f"/ideas/{idea}", None)["comments"]
    world.act("restore", [("comment", rude)], "mod-p1")
    world.pump()
    restored = world.ok("GET", f"/ideas/{idea}", None)["comments"]
    # THEN the count leaves it out while hidden and counts it again once restored
    assert (hidden, restored) == (1, 2)
