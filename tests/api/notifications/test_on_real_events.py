"""Notifications from the real ideas and discussion domains: their events, end to end.

Ideas are posted, commented on with a mention, given a status and an official
update through the API; the workers run through the event pump, and the
people involved see what the contract promises, with the comment quoted.
"""

from __future__ import annotations

from typing import Any

from shared.permissions import Principal
from tests.api.ideation import conftest as ideation_fixtures
from tests.api.ideation.conftest import Ideas
from tests.api.identity.helpers import sent_messages
from tests.conftest import HOST_A, body_of

tokens = ideation_fixtures.tokens
admin = ideation_fixtures.admin
ideas = ideation_fixtures.ideas


def _resident(tokens: Any, name: str, locale: str = "en") -> str:
    """A real account (so it can be notified), signed in through the test token registry."""
    from chalicelib.identity import wiring
    from shared.tenancy import TenantContext

    user = wiring.accounts().register_user(
        TenantContext("alpha", HOST_A),
        f"{name.lower()}@example.org",
        "correct horse battery",
        name,
        "Real",
        locale,
        confirmed=True,
    )
    return str(
        tokens.add(str(user.user_id), Principal(str(user.user_id), "alpha", frozenset(), True))
    )


def _inbox(api: Any, token: str) -> list[dict[str, Any]]:
    response = api.get("/me/notifications", token=token, host=HOST_A)
    assert response.status_code == 200, response.body
    return list(body_of(response)["items"])


def test_the_whole_story_reaches_the_right_people(
    api: Any, ideas: Ideas, tokens: Any, pump: Any
) -> None:
    # GIVEN Olga's idea, published through the API
    olga, carl, mia = (_resident(tokens, n) for n in ("Olga", "Carl", "Mia"))
    idea = ideas.idea(olga)
    pump.drain()
    follow = api.get(f"/follows/idea/{idea['id']}", token=olga, host=HOST_A)
    assert body_of(follow) == {"following": True}  # the author follows her idea
    # WHEN Carl comments mentioning Mia
    path = f"/ideas/{idea['id']}/comments"
    posted = api.post(path, {"body": f"Ask @[{mia}] about it"}, token=carl, host=HOST_A)
    assert posted.status_code == 201, body_of(posted)
    pump.drain()
    # THEN Olga hears of a comment on her idea, Mia of a mention, both quoting the comment
    [on_idea], [mention] = _inbox(api, olga), _inbox(api, mia)
    assert on_idea["type"] == "comment_on_my_idea" and mention["type"] == "mention"
    assert on_idea["excerpt"] == "Ask @Mia R. about it"
    assert on_idea["target"] == {
        "kind": "idea",
        "id": idea["id"],
        "title": {"en": "More benches"},
        "path": f"/ideas/{idea['id']}",
    }
    assert _inbox(api, carl) == []
    # WHEN Olga replies to Carl THEN Carl hears of the reply
    api.post(path, {"body": "Thanks!", "parent_id": body_of(posted)["id"]}, token=olga, host=HOST_A)
    pump.drain()
    assert [n["type"] for n in _inbox(api, carl)] == ["comment_reply"]
    # WHEN the admin changes the status and posts an official update
    statuses = body_of(api.get("/idea-statuses", host=HOST_A))
    accepted = next(s for s in statuses["items"] if s["code"] == "accepted")
    changed = api.put(
        f"/ideas/{idea['id']}/status", {"status_id": accepted["id"]}, token="admin-a", host=HOST_A
    )
    assert changed.status_code == 200, body_of(changed)
    update = {"body": {"en": "<p>Accepted for next year.</p>"}}
    posted_update = api.post(
        f"/ideas/{idea['id']}/official-updates", update, token="admin-a", host=HOST_A
    )
    assert posted_update.status_code == 201, body_of(posted_update)
    pump.drain()
    # THEN the author and the commenters (auto-followed) hear of both; Mia follows nothing
    for who in (olga, carl):
        assert {n["type"] for n in _inbox(api, who)} >= {"idea_status_changed", "official_update"}
    assert [n["type"] for n in _inbox(api, mia)] == ["mention"]
    # AND each quotes what happened: the new status, the update's text
    quotes = {n["type"]: n["excerpt"] for n in _inbox(api, olga)}
    assert quotes["idea_status_changed"] == "Accepted"
    assert quotes["official_update"] == "Accepted for next year."
    # AND every notification also went out by email (all confirmed, all on)
    assert len(sent_messages()) == len(_inbox(api, olga)) + len(_inbox(api, carl)) + 1
