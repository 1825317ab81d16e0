"""Notification emails: recipient's language, platform brand, preferences, one-click unsubscribe."""

from __future__ import annotations

import re
from email.header import decode_header, make_header
from urllib.parse import urlsplit

from shared.identity.users import UserRepository
from shared.tenancy import TenantContext
from tests.api.identity.helpers import part, sent_messages
from tests.api.notifications.conftest import comment_posted, event, person, publish
from tests.conftest import HOST_A, HOST_B, body_of

ALL_ON = {
    "mention": True,
    "comment_reply": True,
    "comment_on_my_idea": True,
    "idea_status_changed": True,
    "official_update": True,
    "proposal_reached": True,
    "new_input": True,
    "new_report": True,
    "input_assigned": True,
    "note_mention": True,
}


def _subject(message):
    return str(make_header(decode_header(message["Subject"])))


def _one_click(message):
    match = re.fullmatch(r"<(https?://[^>]+)>", message["List-Unsubscribe"])
    assert match, message["List-Unsubscribe"]
    return match.group(1)


def _token(url):
    return url.split("token=", 1)[1]


def _unsubscribe(api, token, host=HOST_A):
    # What a mail client does for RFC 8058: POST the URL with the one-click form body.
    return api.request(
        "POST",
        f"/notifications/unsubscribe?token={token}",
        host=host,
        headers={"content-type": "application/x-www-form-urlencoded"},
        body="List-Unsubscribe=One-Click",
    )


def test_the_email_is_in_the_recipients_language_with_a_link_and_one_click_unsubscribe(
    api, board, pump
):
    # GIVEN a French-speaking author and an idea titled in French and English
    olga, carl = person(api, "Olga", "fr"), person(api, "Carl")
    idea = board.add("i1", olga.user_id, {"en": "More benches", "fr": "Plus de bancs"})
    # WHEN Carl comments on it
    publish(pump, comment_posted(idea, carl.user_id))
    # THEN Olga gets one email in French, from her platform, linking to the idea
    [message] = sent_messages()
    assert message["To"] == olga.email
    assert _subject(message) == "Nouveau commentaire sur votre idée « Plus de bancs »"
    assert str(make_header(decode_header(message["From"]))).startswith("Alphaville <")
    text, html = part(message, "plain"), part(message, "html")
    assert "Bonjour Olga," in text and "Carl E. a commenté votre idée" in text
    assert "http://alpha.test/ideas/i1" in text and 'href="http://alpha.test/ideas/i1"' in html
    # AND it carries a one-click unsubscribe for its type, and a link to the unsubscribe page
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = urlsplit(_one_click(message))
    assert (url.scheme, url.netloc, url.path) == (
        "http",
        "alpha.test",
        "/api/v1/notifications/unsubscribe",
    )
    assert f"http://alpha.test/unsubscribe?token={_token(_one_click(message))}" in text


def test_a_commenter_who_deleted_their_account_is_a_former_resident_in_the_email(api, board, pump):
    olga, carl = person(api, "Olga", "fr"), person(api, "Carl")
    idea = board.add("i1", olga.user_id, {"en": "More benches", "fr": "Plus de bancs"})
    # WHEN Carl comments, and his account is gone before the notifier reads his name
    event = comment_posted(idea, carl.user_id)
    UserRepository(TenantContext("alpha", HOST_A)).erase(carl.user_id)
    publish(pump, event)
    # THEN Olga reads that a former resident commented, in French, not the city
    [message] = sent_messages()
    assert "Ancien habitant a commenté votre idée" in part(message, "plain")


def test_one_click_unsubscribe_turns_that_type_off_for_good(api, board, pump):
    olga, carl = person(api, "Olga"), person(api, "Carl")
    idea = board.add("i1", olga.user_id)
    publish(pump, comment_posted(idea, carl.user_id))
    [message] = sent_messages()
    token = _token(_one_click(message))
    # WHEN her mail client posts the one-click unsubscribe (twice: it is idempotent)
    for _ in range(2):
        response = _unsubscribe(api, token)
        assert response.status_code == 200, response.body
        assert body_of(response) == {
            "type": "comment_on_my_idea",
            "email": {**ALL_ON, "comment_on_my_idea": False},
        }
    # THEN her preferences show it, and the next comment brings no email but an in-app item
    prefs = body_of(api.get("/me/notification-preferences", token=olga.token))
    assert prefs == {"email": {**ALL_ON, "comment_on_my_idea": False}}
    publish(pump, comment_posted(idea, carl.user_id, comment_id="c2"))
    assert len(sent_messages()) == 1
    items = body_of(api.get("/me/notifications", token=olga.token))["items"]
    assert len(items) == 2
    # AND other types still come by email
    publish(pump, comment_posted(idea, carl.user_id, comment_id="c3", mentioned_ids=[olga.user_id]))
    assert len(sent_messages()) == 2


def test_a_tampered_or_foreign_token_is_refused(api, board, pump):
    olga, carl = person(api, "Olga"), person(api, "Carl")
    idea = board.add("i1", olga.user_id)
    publish(pump, comment_posted(idea, carl.user_id))
    token = _token(_one_click(sent_messages()[0]))
    payload, signature = token.split(".")
    forged = ("A" if signature[0] != "A" else "B") + signature[1:]
    for bad in (f"{payload}.{forged}", f"{payload}x.{signature}", "not-a-token-at-all", token[:-2]):
        response = _unsubscribe(api, bad)
        assert response.status_code == 422, bad
        assert body_of(response)["code"] == "invalid_unsubscribe_token"
    # AND platform A's token does nothing on platform B
    response = _unsubscribe(api, token, host=HOST_B)
    assert response.status_code == 422
    assert body_of(api.get("/me/notification-preferences", token=olga.token)) == {"email": ALL_ON}
    # AND a missing token is a 422 too
    assert api.post("/notifications/unsubscribe").status_code == 422


def test_preferences_stop_emails_but_not_in_app_notifications(api, board, pump):
    olga, carl = person(api, "Olga"), person(api, "Carl")
    idea = board.add("i1", olga.user_id)
    assert body_of(api.get("/me/notification-preferences", token=olga.token)) == {"email": ALL_ON}
    # WHEN she turns off mention emails
    chosen = {"email": {**ALL_ON, "mention": False}}
    response = api.put("/me/notification-preferences", chosen, token=olga.token)
    assert body_of(response) == chosen
    assert body_of(api.get("/me/notification-preferences", token=olga.token)) == chosen
    # THEN a mention arrives in the app only; a comment on her idea still comes by email
    mentioned = comment_posted(
        idea, carl.user_id, target_owner_id=None, mentioned_ids=[olga.user_id]
    )
    publish(pump, mentioned)
    assert sent_messages() == []
    assert [
        n["type"] for n in body_of(api.get("/me/notifications", token=olga.token))["items"]
    ] == ["mention"]
    publish(pump, comment_posted(idea, carl.user_id, comment_id="c2"))
    assert [m["To"] for m in sent_messages()] == [olga.email]


def test_bad_preferences_are_refused_with_a_message(api, board):
    olga = person(api, "Olga")
    for body in ({"email": {"mention": "maybe"}}, {"email": {"gossip": True}}, {}):
        response = api.put("/me/notification-preferences", body, token=olga.token)
        assert response.status_code == 422, body
        assert body_of(response)["errors"][0]["message"]
    assert api.get("/me/notification-preferences").status_code == 401


def test_unconfirmed_addresses_get_no_email(api, board, pump):
    olga, carl = person(api, "Olga", confirmed=False), person(api, "Carl")
    idea = board.add("i1", olga.user_id)
    publish(pump, comment_posted(idea, carl.user_id))
    assert sent_messages() == []
    assert len(body_of(api.get("/me/notifications", token=olga.token))["items"]) == 1


def test_each_follower_gets_the_status_email_in_their_language_once(api, board, pump):
    olga, fay, jan = person(api, "Olga"), person(api, "Fay", "de"), person(api, "Jan", "pl")
    board.add("i1", olga.user_id, {"en": "More benches", "de": "Mehr Bänke"})
    for who in (fay, jan):
        api.put("/follows/idea/i1", token=who.token)
    changed = event(
        "ideation.idea.status_changed",
        "moderator",
        idea_id="i1",
        project_id="p1",
        author_id=olga.user_id,
        status_id="accepted",
        previous_status_id=None,
    )
    publish(pump, changed)
    publish(pump, changed)  # redelivered: nothing more is sent
    subjects = {m["To"]: _subject(m) for m in sent_messages()}
    assert len(sent_messages()) == 3
    assert subjects == {
        olga.email: "The status of “More benches” has changed",
        fay.email: "Der Status von „Mehr Bänke“ hat sich geändert",
        jan.email: "Status „More benches” został zmieniony",
    }
