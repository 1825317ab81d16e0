"""Comments on an idea: threads, replies, rules of the phase, edits, soft deletion, mentions."""

from __future__ import annotations

from tests.api.discussion.conftest import World
from tests.conftest import body_of


def test_a_reply_to_a_reply_stays_in_its_root_thread_and_names_its_parent(world: World) -> None:
    # GIVEN a thread by Bob, Ada's reply to it and Bob's reply to Ada's reply
    root = world.comment("i1", world.bob, "Plant more trees along the river.")
    first = world.comment("i1", world.ada, "Which kind of trees?", parent=root["id"])
    second = world.comment("i1", world.bob, "Lindens, they give shade.", parent=first["id"])
    # WHEN anyone reads the idea's comments
    page = world.threads("i1")
    # THEN there is one thread whose replies come oldest first, each naming its parent
    [thread] = page["items"]
    assert thread["id"] == root["id"] and thread["parent_id"] is None
    assert [(r["id"], r["parent_id"]) for r in thread["replies"]] == [
        (first["id"], root["id"]),
        (second["id"], first["id"]),
    ]
    assert thread["author"]["display_name"] == "Bob B."
    assert thread["replies"][0]["author"]["id"] == world.ada.user_id
    assert page["next_cursor"] is None


def test_posting_returns_the_comment_and_announces_it(world: World) -> None:
    # GIVEN a thread by Bob on Ada's idea
    root = world.comment("i1", world.bob, "Good idea.")
    assert root["body"] == "Good idea."
    assert root["likes"] == 0 and root["liked_by_me"] is False and root["deleted"] is False
    assert root["edited_at"] is None
    assert root["permissions"]["edit"] == {"allowed": True, "reason": "ok", "fields": []}
    # WHEN the moderator replies
    reply = world.comment("i1", world.mod, "Thank you both.", parent=root["id"])
    # THEN each post is announced with its parent's author and the idea's author
    first, second = world.events.of("discussion.comment.posted")
    assert first.data == {
        "comment_id": root["id"],
        "target_kind": "idea",
        "target_id": "i1",
        "project_id": "p-town-park",
        "author_id": world.bob.user_id,
        "parent_id": None,
        "parent_author_id": None,
        "target_owner_id": world.ada.user_id,
        "mentioned_ids": [],
    }
    assert first.actor_id == world.bob.user_id and first.tenant_id == "alpha"
    assert second.data["comment_id"] == reply["id"]
    assert second.data["parent_id"] == root["id"]
    assert second.data["parent_author_id"] == world.bob.user_id


def test_a_closed_phase_refuses_comments_and_says_why(world: World) -> None:
    # GIVEN the idea's phase has ended
    world.ideas.change("i1", open=False)
    # WHEN Bob comments THEN he is told the phase is closed, and nothing is stored
    response = world.call("POST", "/ideas/i1/comments", world.bob, {"body": "Late thought"})
    assert response.status_code == 403
    assert body_of(response)["code"] == "phase_closed"
    assert world.threads("i1")["items"] == []
    assert world.events.of("discussion.comment.posted") == []


def test_commenting_disabled_in_the_phase_refuses_comments(world: World) -> None:
    world.ideas.change("i1", enabled=frozenset({"react"}))
    response = world.call("POST", "/ideas/i1/comments", world.bob, {"body": "Hello"})
    assert response.status_code == 403
    assert body_of(response)["code"] == "action_disabled"
    # AND the list tells every reader that replying is not possible and why
    world.ideas.change("i1", enabled=frozenset({"comment"}))
    root = world.comment("i1", world.ada, "Me first")
    world.ideas.change("i1", enabled=frozenset())
    [thread] = world.threads("i1", world.bob)["items"]
    assert thread["id"] == root["id"]
    assert thread["permissions"]["reply"] == {
        "allowed": False,
        "reason": "action_disabled",
        "fields": [],
    }


def test_anonymous_visitors_read_but_cannot_comment(world: World) -> None:
    world.comment("i1", world.bob, "Visible to all")
    response = world.call("POST", "/ideas/i1/comments", None, {"body": "Hi"})
    assert response.status_code == 401
    [thread] = world.threads("i1")["items"]
    assert thread["permissions"]["reply"] == {
        "allowed": False,
        "reason": "not_signed_in",
        "fields": [],
    }
    assert thread["permissions"]["edit"]["allowed"] is False


def test_unknown_and_unpublished_targets_are_not_found(world: World) -> None:
    # GIVEN an idea in a project residents cannot see
    world.ideas.add("hidden", world.ada.user_id, published=False)
    for path in ("/ideas/nope/comments", "/ideas/hidden/comments", "/ideas/%20bad/comments"):
        # THEN neither reading nor writing reveals it
        assert world.call("GET", path, world.bob).status_code == 404
        assert world.call("POST", path, world.bob, {"body": "x"}).status_code == 404
    # AND a manager of the project does see it
    from shared.permissions import Role, RoleGrant

    grant = frozenset({RoleGrant(Role.PROJECT_MANAGER, frozenset({"p-town-park"}))})
    manager = world.people.add("pm", grants=grant)
    assert world.call("GET", "/ideas/hidden/comments", manager).status_code == 200


def test_markup_is_refused_with_a_message_and_blank_or_long_text_too(world: World) -> None:
    cases = [
        ("<script>alert(1)</script>", "HTML tags"),
        ("Click <a href=x>here</a>", "HTML tags"),
        ("   ", "Write something"),
        ("x" * 5001, "5000"),
    ]
    for text, hint in cases:
        response = world.call("POST", "/ideas/i1/comments", world.bob, {"body": text})
        assert response.status_code == 422, text
        [issue] = body_of(response)["errors"]
        assert issue["field"] == "body" and hint in issue["message"], issue
    assert world.threads("i1")["items"] == []


def test_a_reply_must_answer_a_comment_of_the_same_discussion(world: World) -> None:
    world.ideas.add("i2", world.bob.user_id)
    elsewhere = world.comment("i2", world.bob, "On the other idea")
    for parent in (elsewhere["id"], "does-not-exist"):
        response = world.call(
            "POST", "/ideas/i1/comments", world.ada, {"body": "Reply", "parent_id": parent}
        )
        assert response.status_code == 422
        assert body_of(response)["errors"][0]["code"] == "unknown_parent"


def test_the_author_edits_and_the_edit_is_dated(world: World) -> None:
    root = world.comment("i1", world.bob, "Typo hre")
    edited = world.ok("PATCH", f"/comments/{root['id']}", world.bob, {"body": "Typo here"})
    assert edited["body"] == "Typo here" and edited["edited_at"] is not None
    [thread] = world.threads("i1")["items"]
    assert thread["body"] == "Typo here" and thread["edited_at"] == edited["edited_at"]
    [event] = world.events.of("discussion.comment.updated")
    assert event.data["comment_id"] == root["id"] and event.data["new_mentioned_ids"] == []


def test_nobody_else_edits_a_comment_not_even_a_moderator(world: World) -> None:
    root = world.comment("i1", world.bob, "Mine")
    for who in (world.ada, world.mod):
        response = world.call("PATCH", f"/comments/{root['id']}", who, {"body": "Theirs"})
        assert response.status_code == 403
        assert body_of(response)["code"] == "not_owner"
    assert world.call("PATCH", f"/comments/{root['id']}", None, {"body": "x"}).status_code == 401
    assert world.threads("i1")["items"][0]["body"] == "Mine"
    assert world.call("PATCH", "/comments/missing", world.bob, {"body": "x"}).status_code == 404


def test_a_deleted_comment_keeps_its_thread_and_replies(world: World) -> None:
    # GIVEN a thread by Bob mentioning Ada, with a reply from Ada
    root = world.comment("i1", world.bob, f"Agree with @[{world.ada.user_id}]")
    reply = world.comment("i1", world.ada, "Thanks!", parent=root["id"])
    # WHEN Bob deletes his comment
    assert world.call("DELETE", f"/comments/{root['id']}", world.bob).status_code == 204
    # THEN the thread stays, without body, mentions or author, and the reply is intact
    [thread] = world.threads("i1", world.ada)["items"]
    assert thread["id"] == root["id"] and thread["deleted"] is True
    assert thread["body"] == "" and thread["mentions"] == [] and thread["author"] is None
    assert thread["permissions"]["reply"] == {
        "allowed": False,
        "reason": "comment_deleted",
        "fields": [],
    }
    assert [r["id"] for r in thread["replies"]] == [reply["id"]]
    assert thread["replies"][0]["body"] == "Thanks!"
    # AND the event is published once; deleting again changes nothing
    assert world.call("DELETE", f"/comments/{root['id']}", world.bob).status_code == 204
    [event] = world.events.of("discussion.comment.deleted")
    assert event.data["comment_id"] == root["id"] and event.data["author_id"] == world.bob.user_id
    # AND it can be neither edited nor answered
    edit = world.call("PATCH", f"/comments/{root['id']}", world.bob, {"body": "Back"})
    assert edit.status_code == 409 and body_of(edit)["code"] == "comment_deleted"
    answer = world.call(
        "POST", "/ideas/i1/comments", world.ada, {"body": "Hm", "parent_id": root["id"]}
    )
    assert answer.status_code == 409


def test_a_moderator_deletes_anyones_comment_a_resident_does_not(world: World) -> None:
    root = world.comment("i1", world.bob, "Something rude")
    response = world.call("DELETE", f"/comments/{root['id']}", world.ada)
    assert response.status_code == 403 and body_of(response)["code"] == "not_owner"
    [thread] = world.threads("i1", world.mod)["items"]
    assert thread["permissions"]["delete"] == {"allowed": True, "reason": "ok", "fields": []}
    assert thread["permissions"]["edit"]["allowed"] is False
    assert world.call("DELETE", f"/comments/{root['id']}", world.mod).status_code == 204
    assert world.threads("i1")["items"][0]["deleted"] is True


def test_simultaneous_deletions_announce_once_and_an_edit_cannot_revive_the_text(
    world: World,
) -> None:
    # GIVEN Bob's comment, deleted by Bob and the moderator at once, each as its own Lambda
    import threading

    from chalicelib.discussion.wiring import comments
    from shared.discussion.schemas import CommentUpdate
    from shared.errors import ConflictError
    from shared.permissions import Principal, Role, RoleGrant
    from tests.api.discussion.conftest import PROJECT, TENANT

    root = world.comment("i1", world.bob, "Regrettable")
    service = comments()
    bob = Principal(world.bob.user_id, "alpha", frozenset(), True)
    grant = RoleGrant(Role.MODERATOR, frozenset({PROJECT}))
    mod = Principal(world.mod.user_id, "alpha", frozenset({grant}), True)
    barrier = threading.Barrier(6)
    outcomes: list[str] = []

    def delete(who: Principal) -> None:
        barrier.wait()
        service.delete_comment(TENANT, who, root["id"])
        outcomes.append("deleted")

    def edit() -> None:
        barrier.wait()
        try:
            service.edit_comment(TENANT, bob, root["id"], CommentUpdate(body="Regrettable!"))
            outcomes.append("edited")
        except ConflictError:
            outcomes.append("refused")

    workers = [threading.Thread(target=delete, args=(w,)) for w in (bob, mod, bob, mod)]
    workers += [threading.Thread(target=edit) for _ in range(2)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    # THEN the deletion is announced once and no text survives it
    assert outcomes.count("deleted") == 4
    assert len(world.events.of("discussion.comment.deleted")) == 1
    from shared.discussion.repository import DiscussionRepository

    stored = DiscussionRepository(TENANT).get_comment(root["id"], consistent=True)
    assert stored is not None and stored.deleted and stored.body == ""
