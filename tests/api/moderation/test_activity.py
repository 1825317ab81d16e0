"""The moderation queue: newest first, filtered, per-project visibility, paged."""

from __future__ import annotations

from tests.api.moderation.conftest import World
from tests.conftest import body_of


def test_new_ideas_and_comments_arrive_in_the_queue_newest_first(world: World) -> None:
    # GIVEN an idea and a comment on it, delivered to the moderation worker
    idea = world.idea(title={"en": "Shade trees"}, body={"en": "<p>Plant <b>oaks</b>.</p>"})
    comment = world.comment(idea, "Yes, and benches")
    world.pump()
    # WHEN the admin reads the queue
    items = world.queue()
    # THEN both are there, the comment first, with plain-text excerpts and their project
    assert [(i["target_kind"], i["target_id"]) for i in items] == [
        ("comment", comment),
        ("idea", idea),
    ]
    idea_item = items[1]
    assert idea_item["excerpt"] == "Plant oaks."
    assert idea_item["title"] == {"en": "Shade trees"}
    assert idea_item["project_title"] == {"en": "Town park"}
    assert idea_item["state"] == "visible" and idea_item["reviewed"] is False
    assert idea_item["author"]["id"] == "resident-a"
    assert idea_item["path"] == f"/projects/{world.p1.project['slug']}/ideas/{idea}"


def test_moderators_see_only_the_projects_they_moderate_and_residents_nothing(
    world: World,
) -> None:
    # GIVEN one idea in each project
    one = world.idea(world.p1)
    two = world.idea(world.p2)
    world.pump()
    # WHEN each moderator, the admin and a resident read the queue
    mod1 = [i["target_id"] for i in world.queue("mod-p1")]
    mod2 = [i["target_id"] for i in world.queue("mod-p2")]
    admin = {i["target_id"] for i in world.queue("admin-a")}
    resident = world.call("GET", "/moderation/activity", "resident-b")
    anonymous = world.call("GET", "/moderation/activity", None)
    # THEN each moderator sees their project's idea alone; the admin both; residents are refused
    assert mod1 == [one] and mod2 == [two] and admin == {one, two}
    assert resident.status_code == 403 and body_of(resident)["code"] == "team_only"
    assert anonymous.status_code == 401


def test_filters_by_project_kind_reported_reviewed_and_state(world: World) -> None:
    # GIVEN a reported idea, a reviewed idea, a hidden comment, and an idea of project 2
    reported = world.idea()
    reviewed = world.idea()
    hidden_comment = world.comment(reviewed, "Rude words")
    other = world.idea(world.p2)
    world.report("idea", reported)
    world.pump()
    world.act("review", [("idea", reviewed)], "admin-a")
    world.act("hide", [("comment", hidden_comment)], "admin-a", reason="Rude")

    def ids(query: str) -> set[str]:
        return {i["target_id"] for i in world.queue("admin-a", query)}

    # WHEN and THEN each filter keeps its items
    assert ids(f"?project={world.p1.project_id}") == {reported, reviewed, hidden_comment}
    assert ids("?kind=comment") == {hidden_comment}
    assert ids("?reported=true") == {reported}
    assert ids("?reviewed=true") == {reviewed, hidden_comment}
    assert ids("?reviewed=false&kind=idea") == {reported, other}
    assert ids("?state=hidden") == {hidden_comment}
    assert ids(f"?project={world.p2.project_id}") == {other}


def test_pages_follow_the_cursor_without_gaps_or_repeats(world: World) -> None:
    # GIVEN five ideas
    made = [world.idea() for _ in range(5)]
    world.pump()
    # WHEN the queue is read two at a time
    seen: list[str] = []
    cursor = ""
    for _ in range(10):
        body = world.ok("GET", f"/moderation/activity?limit=2{cursor}", "mod-p1")
        seen += [i["target_id"] for i in body["items"]]
        if not body["next_cursor"]:
            break
        cursor = f"&cursor={body['next_cursor']}"
    # THEN every idea comes exactly once, newest first
    assert seen == list(reversed(made))


def test_a_bad_cursor_is_refused_as_a_field_error(world: World) -> None:
    response = world.call("GET", "/moderation/activity?cursor=not-a-cursor", "admin-a")
    assert response.status_code == 422
    assert body_of(response)["errors"][0]["field"] == "cursor"
