"""Follows: follow and unfollow targets, auto-follow of authors and commenters, undo sticks."""

from __future__ import annotations

from tests.api.notifications.conftest import comment_posted, event, person, publish
from tests.conftest import HOST_B, body_of


def test_a_resident_follows_and_unfollows_an_idea(api, board):
    # GIVEN a resident and someone else's idea
    ada, owner = person(api, "Ada"), person(api, "Olga")
    board.add("i1", owner.user_id)
    path = "/follows/idea/i1"
    assert body_of(api.get(path, token=ada.token)) == {"following": False}
    # WHEN they follow it THEN it is followed, and listed among their follows
    assert body_of(api.put(path, token=ada.token)) == {"following": True}
    assert body_of(api.get(path, token=ada.token)) == {"following": True}
    listed = body_of(api.get("/me/follows", token=ada.token))
    assert listed == {
        "items": [
            {"kind": "idea", "id": "i1", "title": {"en": "More benches"}, "path": "/ideas/i1"}
        ],
        "next_cursor": None,
    }
    # WHEN they unfollow THEN it is not followed any more
    assert body_of(api.delete(path, token=ada.token)) == {"following": False}
    assert body_of(api.get(path, token=ada.token)) == {"following": False}
    assert body_of(api.get("/me/follows", token=ada.token))["items"] == []


def test_visitors_follow_nothing_and_cannot_follow(api, board):
    owner = person(api, "Olga")
    board.add("i1", owner.user_id)
    assert body_of(api.get("/follows/idea/i1")) == {"following": False}
    response = api.put("/follows/idea/i1")
    assert response.status_code == 401


def test_unknown_hidden_and_other_platform_targets_are_not_found(api, board):
    ada, owner = person(api, "Ada"), person(api, "Olga")
    board.add("hidden", owner.user_id, published=False)
    bea = person(api, "Bea", host=HOST_B, tenant_id="beta")
    board.add("i1", owner.user_id)
    for path in ("/follows/idea/nope", "/follows/proposal/i1", "/follows/idea/hidden"):
        for method in ("GET", "PUT", "DELETE"):
            response = api.request(method, path, token=ada.token)
            assert response.status_code == 404, (method, path, response.body)
    # AND platform A's idea cannot be followed from platform B
    response = api.put("/follows/idea/i1", host=HOST_B, token=bea.token)
    assert response.status_code == 404


def test_authors_and_commenters_follow_automatically(api, board, pump):
    # GIVEN an idea is published and someone comments on it
    author, commenter = person(api, "Olga"), person(api, "Carl")
    idea = board.add("i1", author.user_id)
    publish(
        pump,
        event(
            "ideation.idea.published",
            author.user_id,
            idea_id="i1",
            project_id="p1",
            phase_id="ph1",
            author_id=author.user_id,
        ),
        comment_posted(idea, commenter.user_id),
    )
    # THEN both follow the idea
    for who in (author, commenter):
        assert body_of(api.get("/follows/idea/i1", token=who.token)) == {"following": True}


def test_an_explicit_unfollow_wins_over_auto_follow(api, board, pump):
    # GIVEN a commenter who was auto-followed and then unfollowed
    owner, commenter = person(api, "Olga"), person(api, "Carl")
    idea = board.add("i1", owner.user_id)
    publish(pump, comment_posted(idea, commenter.user_id))
    api.delete("/follows/idea/i1", token=commenter.token)
    # WHEN they comment again
    publish(pump, comment_posted(idea, commenter.user_id, comment_id="c2"))
    # THEN they still do not follow it
    assert body_of(api.get("/follows/idea/i1", token=commenter.token)) == {"following": False}
    # AND following again by hand works
    assert body_of(api.put("/follows/idea/i1", token=commenter.token)) == {"following": True}


def test_my_follows_are_paged(api, board):
    ada, owner = person(api, "Ada"), person(api, "Olga")
    for number in range(5):
        board.add(f"i{number}", owner.user_id)
        api.put(f"/follows/idea/i{number}", token=ada.token)
    first = body_of(api.get("/me/follows?limit=3", token=ada.token))
    second = body_of(api.get(f"/me/follows?limit=3&cursor={first['next_cursor']}", token=ada.token))
    ids = [i["id"] for i in first["items"] + second["items"]]
    assert sorted(ids) == [f"i{n}" for n in range(5)] and second["next_cursor"] is None
