"""Comment likes: once per resident, idempotent, counted by the discussion worker."""

from __future__ import annotations

import threading
from typing import Any

from tests.api.discussion.conftest import TENANT, World
from tests.conftest import body_of


def _likes(world: World, comment_id: str, who: Any = None) -> tuple[int, bool]:
    for thread in world.threads("i1", who)["items"]:
        for comment in [thread, *thread["replies"]]:
            if comment["id"] == comment_id:
                return comment["likes"], comment["liked_by_me"]
    raise AssertionError(f"comment {comment_id} not listed")


def test_a_resident_likes_a_comment_once_however_often_they_ask(world: World, pump: Any) -> None:
    root = world.comment("i1", world.ada, "Benches please")
    path = f"/comments/{root['id']}/like"
    # WHEN Bob likes it twice THEN both answers show his like and one like in all
    assert world.ok("PUT", path, world.bob) == {"liked": True, "likes": 1}
    assert world.ok("PUT", path, world.bob) == {"liked": True, "likes": 1}
    # AND only the first like was announced
    [event] = world.events.of("discussion.comment_like.changed")
    assert event.data == {
        "comment_id": root["id"],
        "target_kind": "idea",
        "target_id": "i1",
        "user_id": world.bob.user_id,
        "liked": True,
    }
    # WHEN the worker has counted THEN the list shows the count; only Bob sees his like
    pump.drain()
    assert _likes(world, root["id"], world.bob) == (1, True)
    assert _likes(world, root["id"], world.ada) == (1, False)
    assert _likes(world, root["id"]) == (1, False)


def test_taking_a_like_back_is_idempotent_too(world: World, pump: Any) -> None:
    root = world.comment("i1", world.ada, "Benches please")
    path = f"/comments/{root['id']}/like"
    world.ok("PUT", path, world.bob)
    world.ok("PUT", path, world.mod)
    assert world.ok("DELETE", path, world.bob) == {"liked": False, "likes": 1}
    assert world.ok("DELETE", path, world.bob) == {"liked": False, "likes": 1}
    assert len(world.events.of("discussion.comment_like.changed")) == 3
    pump.drain()
    assert _likes(world, root["id"], world.bob) == (1, False)


def test_likes_follow_the_phase_rules_and_need_a_live_comment(world: World) -> None:
    root = world.comment("i1", world.ada, "Benches please")
    path = f"/comments/{root['id']}/like"
    assert world.call("PUT", path, None).status_code == 401
    assert world.call("PUT", "/comments/unknown/like", world.bob).status_code == 404
    world.ideas.change("i1", open=False)
    closed = world.call("PUT", path, world.bob)
    assert closed.status_code == 403 and body_of(closed)["code"] == "phase_closed"
    world.ideas.change("i1", open=True)
    world.ok("DELETE", f"/comments/{root['id']}", world.ada, expect=204)
    gone = world.call("PUT", path, world.bob)
    assert gone.status_code == 409 and body_of(gone)["code"] == "comment_deleted"
    assert world.events.of("discussion.comment_like.changed") == []


def test_simultaneous_likes_of_one_resident_make_one_like(world: World, pump: Any) -> None:
    # GIVEN eight simultaneous likes by Bob, each as its own Lambda would run it
    from chalicelib.discussion.wiring import comments
    from shared.permissions import Principal

    root = world.comment("i1", world.ada, "Benches please")
    service = comments()
    bob = Principal(world.bob.user_id, "alpha", frozenset(), True)
    barrier = threading.Barrier(8)
    states: list[Any] = []

    def like() -> None:
        barrier.wait()
        states.append(service.like_comment(TENANT, bob, root["id"]))

    threads = [threading.Thread(target=like) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # THEN every request sees the like, one like item exists and one event was sent
    assert [s.liked for s in states] == [True] * 8
    assert len(world.events.of("discussion.comment_like.changed")) == 1
    pump.drain()
    assert _likes(world, root["id"], world.bob) == (1, True)


def test_simultaneous_likes_of_many_residents_are_all_counted(world: World, pump: Any) -> None:
    from chalicelib.discussion.wiring import comments
    from shared.permissions import Principal

    root = world.comment("i1", world.ada, "Benches please")
    service = comments()
    residents = [Principal(f"r{n}", "alpha", frozenset(), True) for n in range(12)]
    barrier = threading.Barrier(len(residents))

    def like(who: Principal) -> None:
        barrier.wait()
        service.like_comment(TENANT, who, root["id"])

    threads = [threading.Thread(target=like, args=(r,)) for r in residents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    pump.drain()
    assert _likes(world, root["id"]) == (12, False)


def test_duplicate_and_out_of_order_deliveries_leave_the_count_right(
    world: World, pump: Any
) -> None:
    # GIVEN Bob liked and unliked, Morgan liked: three events, counted once already
    from chalicelib import runtime

    root = world.comment("i1", world.ada, "Benches please")
    path = f"/comments/{root['id']}/like"
    world.ok("PUT", path, world.bob)
    world.ok("DELETE", path, world.bob)
    world.ok("PUT", path, world.mod)
    pump.drain()
    assert _likes(world, root["id"]) == (1, False)
    # WHEN every event is delivered again, newest first
    runtime.publisher().publish(*reversed(world.events.of("discussion.comment_like.changed")))
    assert pump.drain() == 3
    # THEN the count still equals the likes that exist
    assert _likes(world, root["id"]) == (1, False)


def test_most_liked_threads_come_first_once_counted(world: World, pump: Any) -> None:
    # GIVEN three threads, the oldest liked twice, the middle once
    old = world.comment("i1", world.ada, "Oldest")
    middle = world.comment("i1", world.bob, "Middle")
    new = world.comment("i1", world.mod, "Newest")
    for who in (world.bob, world.mod):
        world.ok("PUT", f"/comments/{old['id']}/like", who)
    world.ok("PUT", f"/comments/{middle['id']}/like", world.ada)
    pump.drain()
    # THEN newest first by default, most liked first when asked
    newest = [t["id"] for t in world.threads("i1")["items"]]
    assert newest == [new["id"], middle["id"], old["id"]]
    liked = [t["id"] for t in world.threads("i1", query="?sort=most_liked")["items"]]
    assert liked == [old["id"], middle["id"], new["id"]]
