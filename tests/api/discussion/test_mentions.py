"""Mentions: ``@[<user_id>]`` tokens are checked, rendered as profiles and announced."""

from __future__ import annotations

from tests.api.discussion.conftest import World
from tests.conftest import HOST_B, body_of


def test_a_mention_of_a_member_is_shown_and_announced(world: World) -> None:
    # GIVEN Bob mentions Ada and himself
    text = f"@[{world.ada.user_id}] and @[{world.bob.user_id}], see @[{world.ada.user_id}]"
    posted = world.comment("i1", world.bob, text)
    # THEN the body keeps the tokens and the mentions come as public profiles, once each
    assert posted["body"] == text
    assert [m["display_name"] for m in posted["mentions"]] == ["Ada L.", "Bob B."]
    assert "email" not in posted["mentions"][0]
    # AND the event names who to notify (not the writer himself)
    [event] = world.events.of("discussion.comment.posted")
    assert event.data["mentioned_ids"] == [world.ada.user_id]


def test_a_mention_of_someone_unknown_is_refused(world: World) -> None:
    # GIVEN a user of another platform and an id nobody has
    stranger = world.people.add("sam", host=HOST_B, tenant_id="beta")
    for unknown in (stranger.user_id, "0" * 32):
        response = world.call("POST", "/ideas/i1/comments", world.bob, {"body": f"Hi @[{unknown}]"})
        # THEN the comment is refused with a message saying what to do
        assert response.status_code == 422
        [issue] = body_of(response)["errors"]
        assert issue["code"] == "unknown_mention" and "Pick them again" in issue["message"]
    assert world.threads("i1")["items"] == []


def test_an_edit_announces_only_the_people_it_adds(world: World) -> None:
    root = world.comment("i1", world.bob, f"Hello @[{world.ada.user_id}]")
    text = f"Hello @[{world.ada.user_id}] and @[{world.mod.user_id}]"
    edited = world.ok("PATCH", f"/comments/{root['id']}", world.bob, {"body": text})
    assert [m["id"] for m in edited["mentions"]] == [world.ada.user_id, world.mod.user_id]
    [event] = world.events.of("discussion.comment.updated")
    assert event.data["new_mentioned_ids"] == [world.mod.user_id]


def test_too_many_mentions_are_refused(world: World) -> None:
    text = " ".join(f"@[user{n}]" for n in range(21))
    response = world.call("POST", "/ideas/i1/comments", world.bob, {"body": text})
    assert response.status_code == 422
    assert body_of(response)["errors"][0]["code"] == "too_many_mentions"


def test_signed_in_residents_find_people_to_mention_by_name(world: World) -> None:
    world.people.add("adele", first="Adele", last="Zeta")
    # WHEN Bob types two letters of a first name THEN the matching members come back
    found = world.ok("GET", "/mentions?q=Ad", world.bob)["items"]
    assert sorted(p["display_name"] for p in found) == ["Ada L.", "Adele Z."]
    assert all(set(p) == {"id", "display_name", "avatar_url", "former"} for p in found)
    assert not any(p["former"] for p in found)
    # AND by last name; one letter is not enough; visitors get nothing
    assert [p["id"] for p in world.ok("GET", "/mentions?q=build", world.bob)["items"]] == [
        world.bob.user_id
    ]
    assert world.ok("GET", "/mentions?q=a", world.bob)["items"] == []
    assert world.call("GET", "/mentions?q=Ad", None).status_code == 401
