"""In-app notifications from events: each type, one per recipient, never to the actor."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from tests.api.notifications.conftest import comment_posted, event, person, publish
from tests.conftest import HOST_A, body_of


def _inbox(api, who, query=""):
    response = api.get(f"/me/notifications{query}", token=who.token)
    assert response.status_code == 200, response.body
    return body_of(response)


def _types(api, who):
    return [n["type"] for n in _inbox(api, who)["items"]]


def _unread(api, who):
    return body_of(api.get("/me/notifications/unread-count", token=who.token))["count"]


def _record(evt, message_id):
    body = {"detail-type": evt.type, "source": "townhall.x", "detail": evt.model_dump(mode="json")}
    return {
        "messageId": message_id,
        "receiptHandle": f"r-{message_id}",
        "body": json.dumps(body),
        "attributes": {},
        "messageAttributes": {},
        "md5OfBody": "",
        "eventSource": "aws:sqs",
        "eventSourceARN": "arn:aws:sqs:eu-west-1:123456789012:notifier",
        "awsRegion": "eu-west-1",
    }


def test_one_comment_notifies_each_person_once_for_the_most_specific_reason(api, board, pump):
    # GIVEN an idea by Olga, a comment by Pia, and Carl replying to Pia mentioning Olga and Mia
    olga, pia, carl, mia = (person(api, n) for n in ("Olga", "Pia", "Carl", "Mia"))
    idea = board.add("i1", olga.user_id)
    publish(
        pump,
        comment_posted(
            idea,
            carl.user_id,
            parent_id="c0",
            parent_author_id=pia.user_id,
            mentioned_ids=[olga.user_id, mia.user_id, carl.user_id, "no-such-user"],
        ),
    )
    # THEN the owner (also mentioned) gets one mention, Mia a mention, Pia a reply
    assert _types(api, olga) == ["mention"]
    assert _types(api, mia) == ["mention"]
    assert _types(api, pia) == ["comment_reply"]
    # AND the commenter gets nothing about their own comment
    assert _types(api, carl) == []
    # AND the item shows who acted, on what, and where to go
    [item] = _inbox(api, pia)["items"]
    assert item["read"] is False
    assert item["actor"] == {
        "id": carl.user_id,
        "display_name": "Carl E.",
        "avatar_url": None,
        "former": False,
    }
    assert item["target"] == {
        "kind": "idea",
        "id": "i1",
        "title": {"en": "More benches"},
        "path": "/ideas/i1",
    }


def test_a_comment_on_my_idea_notifies_me_but_not_my_own(api, board, pump):
    olga, carl = person(api, "Olga"), person(api, "Carl")
    idea = board.add("i1", olga.user_id)
    publish(
        pump,
        comment_posted(idea, carl.user_id),
        comment_posted(idea, olga.user_id, comment_id="c2"),
    )
    assert _types(api, olga) == ["comment_on_my_idea"]
    assert _inbox(api, olga)["items"][0]["actor"]["id"] == carl.user_id


def test_an_edit_notifies_only_the_newly_mentioned(api, board, pump):
    olga, carl, mia = person(api, "Olga"), person(api, "Carl"), person(api, "Mia")
    board.add("i1", olga.user_id)
    publish(
        pump,
        event(
            "discussion.comment.updated",
            carl.user_id,
            comment_id="c1",
            target_kind="idea",
            target_id="i1",
            project_id="p1",
            author_id=carl.user_id,
            new_mentioned_ids=[mia.user_id, carl.user_id],
        ),
    )
    assert _types(api, mia) == ["mention"]
    assert _types(api, olga) == [] and _types(api, carl) == []


def test_a_status_change_reaches_followers_and_the_author_not_the_moderator(api, board, pump):
    # GIVEN Olga's idea, followed by Fay, and by the moderator Max; Una followed and unfollowed
    olga, fay, max_, una = (person(api, n) for n in ("Olga", "Fay", "Max", "Una"))
    board.add("i1", olga.user_id)
    for who in (fay, max_, una):
        api.put("/follows/idea/i1", token=who.token)
    api.delete("/follows/idea/i1", token=una.token)
    # WHEN Max changes the status (the author has not been auto-followed yet: order-independent)
    publish(
        pump,
        event(
            "ideation.idea.status_changed",
            max_.user_id,
            idea_id="i1",
            project_id="p1",
            author_id=olga.user_id,
            status_id="accepted",
            previous_status_id=None,
        ),
    )
    # THEN followers and the author hear of it, in the city's name; the actor and Una do not
    assert _types(api, fay) == ["idea_status_changed"]
    assert _types(api, olga) == ["idea_status_changed"]
    assert _types(api, max_) == [] and _types(api, una) == []
    assert _inbox(api, fay)["items"][0]["actor"] is None


def test_an_author_who_unfollowed_hears_no_more_of_official_updates(api, board, pump):
    olga, fay, mod = person(api, "Olga"), person(api, "Fay"), person(api, "Mod")
    board.add("i1", olga.user_id)
    api.put("/follows/idea/i1", token=fay.token)
    api.delete("/follows/idea/i1", token=olga.token)
    update = event(
        "discussion.official_update.posted",
        mod.user_id,
        update_id="u1",
        target_kind="idea",
        target_id="i1",
        project_id="p1",
    )
    publish(pump, update)
    assert _types(api, fay) == ["official_update"]
    assert _types(api, olga) == []
    # AND once she follows again, the next update reaches her
    api.put("/follows/idea/i1", token=olga.token)
    publish(pump, update.model_copy(update={"event_id": "second-update"}))
    assert _types(api, olga) == ["official_update"]


def test_a_redelivered_event_notifies_once(api, board):
    olga, carl = person(api, "Olga"), person(api, "Carl")
    idea = board.add("i1", olga.user_id)
    posted = comment_posted(idea, carl.user_id)
    # WHEN SQS delivers the same event three times, twice in one batch
    for records in ([_record(posted, "m1")], [_record(posted, "m2"), _record(posted, "m3")]):
        result = api.client.lambda_.invoke("notifier_worker", {"Records": records}).payload
        assert result == {"batchItemFailures": []}
    # THEN there is one notification
    assert _types(api, olga) == ["comment_on_my_idea"]
    assert _unread(api, olga) == 1


def test_a_bad_event_fails_alone(api, board):
    olga, carl = person(api, "Olga"), person(api, "Carl")
    idea = board.add("i1", olga.user_id)
    good = comment_posted(idea, carl.user_id)
    bad = event("discussion.comment.posted", carl.user_id, comment_id="c9")
    records = [_record(good, "ok"), _record(bad, "broken")]
    result = api.client.lambda_.invoke("notifier_worker", {"Records": records}).payload
    assert result == {"batchItemFailures": [{"itemIdentifier": "broken"}]}
    assert _types(api, olga) == ["comment_on_my_idea"]


def test_events_about_unknown_targets_notify_nobody(api, board, pump):
    olga, carl = person(api, "Olga"), person(api, "Carl")
    ghost = board.add("i1", olga.user_id)
    board.ideas.clear()  # deleted before the event was handled
    publish(pump, comment_posted(ghost, carl.user_id))
    assert _types(api, olga) == []


def test_read_marks_and_the_unread_count(api, board, pump):
    # GIVEN three notifications for Olga
    olga, carl = person(api, "Olga"), person(api, "Carl")
    idea = board.add("i1", olga.user_id)
    publish(pump, *(comment_posted(idea, carl.user_id, comment_id=f"c{n}") for n in range(3)))
    assert _unread(api, olga) == 3
    first, *_ = _inbox(api, olga)["items"]
    # WHEN she reads one THEN two stay unread, and that one shows as read
    response = api.post(f"/me/notifications/{first['id']}/read", token=olga.token)
    assert response.status_code == 204
    assert _unread(api, olga) == 2
    assert _inbox(api, olga)["items"][0]["read"] is True
    # AND reading it again changes nothing
    assert api.post(f"/me/notifications/{first['id']}/read", token=olga.token).status_code == 204
    assert _unread(api, olga) == 2
    # WHEN she reads all THEN none are unread
    assert body_of(api.post("/me/notifications/read-all", token=olga.token)) == {"count": 0}
    assert all(n["read"] for n in _inbox(api, olga)["items"])


def test_nobody_reads_anyone_elses_notifications(api, board, pump):
    olga, carl = person(api, "Olga"), person(api, "Carl")
    idea = board.add("i1", olga.user_id)
    publish(pump, comment_posted(idea, carl.user_id))
    [item] = _inbox(api, olga)["items"]
    for notification_id in (item["id"], "nope", "0" * 32):
        response = api.post(f"/me/notifications/{notification_id}/read", token=carl.token)
        assert response.status_code == 404
    assert _unread(api, olga) == 1
    assert api.get("/me/notifications").status_code == 401
    assert api.get("/me/notifications/unread-count").status_code == 401


def test_notifications_are_paged_newest_first(api, board, pump):
    olga, carl = person(api, "Olga"), person(api, "Carl")
    idea = board.add("i1", olga.user_id)
    start = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    events = [
        comment_posted(idea, carl.user_id, comment_id=f"c{n}").model_copy(
            update={"occurred_at": start + timedelta(minutes=n)}
        )
        for n in range(7)
    ]
    publish(pump, *events)
    seen, cursor = [], None
    while True:
        page = _inbox(api, olga, f"?limit=3&cursor={cursor}" if cursor else "?limit=3")
        seen.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 7 and len({n["id"] for n in seen}) == 7
    stamps = [n["created_at"] for n in seen]
    assert stamps == sorted(stamps, reverse=True)
    # AND a cursor made up by hand is refused
    response = api.get("/me/notifications?cursor=bm9wZQ", token=olga.token)
    assert response.status_code == 422


def test_the_unread_count_is_bounded(api, board, pump):
    olga, carl = person(api, "Olga"), person(api, "Carl")
    idea = board.add("i1", olga.user_id)
    events = [comment_posted(idea, carl.user_id, comment_id=f"c{n}") for n in range(105)]
    for start in range(0, len(events), 10):
        publish(pump, *events[start : start + 10])
    assert _unread(api, olga) == 100


def test_nobody_hears_of_an_idea_they_may_not_see(api, board, pump):
    # GIVEN an idea in a project only its managers see, and a manager of that project
    from shared.identity.users import UserRepository
    from shared.permissions import Role, RoleGrant
    from shared.tenancy import TenantContext

    olga, pia, mia, manager = (person(api, n) for n in ("Olga", "Pia", "Mia", "Mona"))
    UserRepository(TenantContext("alpha", HOST_A)).set_roles(
        manager.user_id,
        [RoleGrant(Role.PROJECT_MANAGER, frozenset({"p1"}))],
        datetime.now(UTC),
    )
    idea = board.add("i1", olga.user_id, published=False)
    # WHEN someone mentions a resident and the manager in a comment on it
    publish(pump, comment_posted(idea, pia.user_id, mentioned_ids=[mia.user_id, manager.user_id]))
    # THEN the manager is told, the resident who cannot open the idea is not
    assert _types(api, manager) == ["mention"]
    assert _types(api, mia) == []
