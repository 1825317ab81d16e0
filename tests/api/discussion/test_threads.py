"""Reading threads: sort orders, cursor pagination over threads, per-viewer permissions."""

from __future__ import annotations

from tests.api.discussion.conftest import World
from tests.conftest import body_of


def test_threads_page_by_cursor_with_their_replies(world: World) -> None:
    # GIVEN five threads, the second with two replies
    roots = [world.comment("i1", world.bob, f"Thread {n}") for n in range(5)]
    replies = [world.comment("i1", world.ada, f"Reply {n}", roots[1]["id"]) for n in range(2)]
    # WHEN they are read two threads at a time
    seen, cursor, pages = [], None, 0
    while True:
        query = "?limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = world.threads("i1", query=query)
        pages += 1
        seen.extend(page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            break
    # THEN every thread comes once, newest first, over three pages, replies inline
    assert pages == 3
    assert [t["id"] for t in seen] == [r["id"] for r in reversed(roots)]
    second = next(t for t in seen if t["id"] == roots[1]["id"])
    assert [r["id"] for r in second["replies"]] == [r["id"] for r in replies]
    assert all(t["replies"] == [] for t in seen if t["id"] != roots[1]["id"])


def test_most_liked_pages_by_cursor_too(world: World) -> None:
    roots = [world.comment("i1", world.bob, f"Thread {n}") for n in range(3)]
    first = world.threads("i1", query="?sort=most_liked&limit=2")
    rest = world.threads("i1", query=f"?sort=most_liked&limit=2&cursor={first['next_cursor']}")
    ids = [t["id"] for t in first["items"] + rest["items"]]
    assert sorted(ids) == sorted(r["id"] for r in roots) and rest["next_cursor"] is None


def test_a_cursor_only_works_for_its_own_list(world: World) -> None:
    for n in range(3):
        world.comment("i1", world.bob, f"Thread {n}")
    world.ideas.add("i2", world.bob.user_id)
    world.comment("i2", world.bob, "Elsewhere")
    cursor = world.threads("i1", query="?limit=1")["next_cursor"]
    for path in (
        f"/ideas/i2/comments?limit=1&cursor={cursor}",
        f"/ideas/i1/comments?sort=most_liked&cursor={cursor}",
        "/ideas/i1/comments?cursor=not-a-cursor",
    ):
        response = world.call("GET", path, world.bob)
        assert response.status_code == 422, path
        assert body_of(response)["errors"][0]["code"] == "invalid_cursor"
    bad = world.call("GET", "/ideas/i1/comments?sort=oldest", None)
    assert bad.status_code == 422


def test_permissions_are_those_of_the_viewer(world: World) -> None:
    root = world.comment("i1", world.bob, "Mine")
    as_bob = world.threads("i1", world.bob)["items"][0]["permissions"]
    as_ada = world.threads("i1", world.ada)["items"][0]["permissions"]
    as_mod = world.threads("i1", world.mod)["items"][0]["permissions"]
    assert as_bob == {
        "edit": {"allowed": True, "reason": "ok", "fields": []},
        "delete": {"allowed": True, "reason": "ok", "fields": []},
        "reply": {"allowed": True, "reason": "ok", "fields": []},
    }
    assert (
        as_ada["edit"]
        == as_ada["delete"]
        == {"allowed": False, "reason": "not_owner", "fields": []}
    )
    assert as_mod["delete"]["allowed"] and not as_mod["edit"]["allowed"]
    assert root["id"]
