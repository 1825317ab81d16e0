"""Official updates: posted by the city's moderators and managers, sanitised, newest first."""

from __future__ import annotations

from tests.api.discussion.conftest import World
from tests.conftest import body_of

PATH = "/ideas/i1/official-updates"


def test_a_moderator_posts_an_update_everyone_reads_it(world: World) -> None:
    # WHEN the project's moderator posts an update signed by a team
    posted = world.ok(
        "POST",
        PATH,
        world.mod,
        {"body": {"en": "<p>We will study it.</p>"}, "author_name": {"en": "Parks team"}},
        201,
    )
    # THEN it is returned with the moderator's permissions and announced
    assert posted["body"] == {"en": "<p>We will study it.</p>"}
    assert posted["author_name"] == {"en": "Parks team"}
    assert posted["permissions"]["edit"] == {"allowed": True, "reason": "ok", "fields": []}
    [event] = world.events.of("discussion.official_update.posted")
    assert event.data == {
        "update_id": posted["id"],
        "target_kind": "idea",
        "target_id": "i1",
        "project_id": "p-town-park",
    }
    # AND residents and visitors read it without the right to change it
    for who, reason in ((world.bob, "moderator_only"), (None, "not_signed_in")):
        [item] = world.ok("GET", PATH, who)["items"]
        assert item["id"] == posted["id"]
        assert item["permissions"]["delete"] == {"allowed": False, "reason": reason, "fields": []}
    # AND it is not a comment
    assert world.threads("i1")["items"] == []


def test_residents_and_visitors_cannot_post_updates(world: World) -> None:
    body = {"body": {"en": "<p>Official!</p>"}}
    # even the idea's author
    response = world.call("POST", PATH, world.ada, body)
    assert response.status_code == 403 and body_of(response)["code"] == "moderator_only"
    assert world.call("POST", PATH, None, body).status_code == 401
    assert world.ok("GET", PATH, None) == {"items": []}


def test_update_bodies_are_sanitised_and_must_keep_some_text(world: World) -> None:
    dirty = '<p onclick="steal()">Plan <script>alert(1)</script><a href="javascript:x">x</a></p>'
    posted = world.ok(
        "POST", PATH, world.mod, {"body": {"en": dirty, "fr": "<script></script>"}}, 201
    )
    assert "script" not in posted["body"]["en"] and "onclick" not in posted["body"]["en"]
    assert "javascript" not in posted["body"]["en"] and "Plan" in posted["body"]["en"]
    assert "fr" not in posted["body"]
    empty = world.call("POST", PATH, world.mod, {"body": {"en": "<script>alert(1)</script>"}})
    assert empty.status_code == 422
    assert body_of(empty)["errors"][0]["code"] == "empty_after_sanitising"
    signed = world.call(
        "POST", PATH, world.mod, {"body": {"en": "Hi"}, "author_name": {"en": "<b>Team</b>"}}
    )
    assert signed.status_code == 422
    assert "HTML" in body_of(signed)["errors"][0]["message"]


def test_updates_are_listed_newest_first_and_can_be_edited_and_deleted(world: World) -> None:
    first = world.ok("POST", PATH, world.mod, {"body": {"en": "First"}}, 201)
    second = world.ok(
        "POST", PATH, world.mod, {"body": {"en": "Second"}, "author_name": {"en": "Team"}}, 201
    )
    assert [u["id"] for u in world.ok("GET", PATH, None)["items"]] == [second["id"], first["id"]]
    # WHEN the signature is removed THEN the text stays and the edit is announced
    edited = world.ok(
        "PATCH", f"/official-updates/{second['id']}", world.mod, {"author_name": None}
    )
    assert edited["author_name"] is None and edited["body"] == {"en": "Second"}
    assert edited["updated_at"] > second["updated_at"]
    changed = world.ok(
        "PATCH", f"/official-updates/{first['id']}", world.mod, {"body": {"de": "<p>Neu</p>"}}
    )
    assert changed["body"] == {"de": "<p>Neu</p>"}
    assert len(world.events.of("discussion.official_update.updated")) == 2
    # WHEN one is deleted THEN it is gone for everyone
    world.ok("DELETE", f"/official-updates/{first['id']}", world.mod, expect=204)
    assert [u["id"] for u in world.ok("GET", PATH, None)["items"]] == [second["id"]]
    assert world.call("DELETE", f"/official-updates/{first['id']}", world.mod).status_code == 404


def test_only_moderators_and_managers_change_updates(world: World) -> None:
    posted = world.ok("POST", PATH, world.mod, {"body": {"en": "First"}}, 201)
    path = f"/official-updates/{posted['id']}"
    for who in (world.ada, world.bob):
        assert world.call("PATCH", path, who, {"body": {"en": "Mine"}}).status_code == 403
        assert world.call("DELETE", path, who).status_code == 403
    assert world.call("PATCH", path, None, {"body": {"en": "Mine"}}).status_code == 401
    # a moderator of another project may not either
    from shared.permissions import Role, RoleGrant

    other = world.people.add(
        "other", grants=frozenset({RoleGrant(Role.MODERATOR, frozenset({"p2"}))})
    )
    assert world.call("DELETE", path, other).status_code == 403
    # the platform admin may
    admin = world.people.add("admin", grants=frozenset({RoleGrant(Role.ADMIN)}))
    world.ok("PATCH", path, admin, {"body": {"en": "Edited by admin"}})
    assert world.ok("GET", PATH, None)["items"][0]["body"] == {"en": "Edited by admin"}


def test_updates_of_an_invisible_idea_are_not_found(world: World) -> None:
    world.ideas.add("secret", world.ada.user_id, published=False)
    assert world.call("GET", "/ideas/secret/official-updates", world.bob).status_code == 404
    assert world.call("GET", "/ideas/nope/official-updates", None).status_code == 404
    assert world.call("PATCH", "/official-updates/nope", world.mod, {}).status_code == 404
