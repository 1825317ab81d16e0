"""The profanity filter over the API: ideas and comments, create and edit, settings, audit."""

from __future__ import annotations

from typing import Any

import pytest

from shared.i18n import SUPPORTED_LOCALES
from shared.moderation.audit import AuditTrail
from shared.tenancy import TenantContext
from tests.api.ideation import conftest as ideation_fixtures
from tests.api.ideation.conftest import Ideas, problem_fields
from tests.conftest import HOST_A, body_of

tokens = ideation_fixtures.tokens
admin = ideation_fixtures.admin
ideas = ideation_fixtures.ideas

TENANT = TenantContext("alpha", HOST_A)

# One sentence per locale with a listed word, disguised in a different way each time.
PER_LOCALE = {
    "en": ("Parking is sh1iiit", "sh1iiit"),
    "fr": ("Quel p.u.t.a.i.n de chantier", "p.u.t.a.i.n"),
    "de": ("Diese SCHEISSE hier", "SCHEISSE"),
    "nl": ("Wat een k-l-o-o-t-z-a-k", "k-l-o-o-t-z-a-k"),
    "es": ("Esto es una m1erda", "m1erda"),
    "pl": ("Ale g ó w n o", "g ó w n o"),
}


def _call(api: Any, method: str, path: str, token: str | None, body: Any = None) -> Any:
    return api.request(method, path, json_body=body, token=token, host=HOST_A)


def _refused(response: Any) -> dict[str, Any]:
    assert response.status_code == 422, (response.status_code, body_of(response))
    problem = dict(body_of(response))
    assert problem["code"] == "profanity", problem
    return problem


def _all_locales(api: Any) -> None:
    response = _call(api, "PATCH", "/platform", "admin-a", {"enabled_locales": SUPPORTED_LOCALES})
    assert response.status_code == 200, body_of(response)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_an_idea_with_a_listed_word_is_refused_per_locale(
    api: Any, ideas: Ideas, locale: str
) -> None:
    # GIVEN a platform with every language enabled
    _all_locales(api)
    text, written = PER_LOCALE[locale]
    # WHEN a resident posts an idea whose title carries a disguised listed word
    response = ideas.post(title={locale: text})
    # THEN it is refused, naming the field and the word as written
    problem = _refused(response)
    assert problem_fields(response) == {f"title.{locale}": "profanity"}
    assert written in problem["errors"][0]["message"] and written in problem["detail"]
    assert problem["words"] == {f"title.{locale}": [written]}
    assert ideas.list()["items"] == []


def test_words_of_languages_the_platform_does_not_use_pass(ideas: Ideas) -> None:
    # GIVEN platform A with English and French only WHEN German profanity is posted THEN it passes
    assert ideas.post(title={"en": "Diese Scheisse hier"}).status_code == 201


def test_the_body_is_screened_as_text_and_innocent_words_pass(ideas: Ideas) -> None:
    refused = ideas.post(body={"en": "<p>A <strong>fucking</strong> disgrace</p>"})
    assert problem_fields(_ok_refused(refused)) == {"body.en": "profanity"}
    fine = ideas.post(
        title={"en": "Scunthorpe classics"}, body={"en": "<p>An assassin's cocktail</p>"}
    )
    assert fine.status_code == 201, body_of(fine)


def _ok_refused(response: Any) -> Any:
    _refused(response)
    return response


def test_editing_an_idea_is_screened_too(api: Any, ideas: Ideas) -> None:
    idea = ideas.idea()
    path = f"/ideas/{idea['id']}"
    response = _call(api, "PATCH", path, "resident-a", {"title": {"en": "Bull$hit benches"}})
    assert problem_fields(_ok_refused(response)) == {"title.en": "profanity"}
    assert body_of(api.get(path, host=HOST_A))["title"] == idea["title"]
    # an edit that leaves the text alone is not screened again
    assert _call(api, "PATCH", path, "resident-a", {"topic_ids": []}).status_code == 200


def test_comments_are_screened_on_create_and_edit(api: Any, ideas: Ideas) -> None:
    idea = ideas.idea()
    path = f"/ideas/{idea['id']}/comments"
    refused = _call(api, "POST", path, "resident-b", {"body": "What a c.u.n.t"})
    problem = _refused(refused)
    assert problem_fields(refused) == {"body": "profanity"} and "c.u.n.t" in problem["detail"]
    posted = _call(api, "POST", path, "resident-b", {"body": "Lovely"})
    assert posted.status_code == 201
    edited = _call(
        api, "PATCH", f"/comments/{body_of(posted)['id']}", "resident-b", {"body": "Merde"}
    )
    assert problem_fields(_ok_refused(edited)) == {"body": "profanity"}
    [thread] = body_of(api.get(path, host=HOST_A))["items"]
    assert thread["body"] == "Lovely"


def test_switching_the_filter_off_lets_the_text_through_and_is_audited(
    api: Any, ideas: Ideas
) -> None:
    _refused(ideas.post(title={"en": "Shit"}))
    # WHEN the admin switches the filter off
    off = _call(api, "PUT", "/moderation/profanity", "admin-a", {"enabled": False})
    assert off.status_code == 200 and body_of(off)["enabled"] is False
    # THEN the same text is accepted, and switching back on refuses it again
    assert ideas.post(title={"en": "Shit"}).status_code == 201
    assert (
        _call(api, "PUT", "/moderation/profanity", "admin-a", {"enabled": True}).status_code == 200
    )
    _refused(ideas.post(title={"en": "Shit"}))
    actions = [e.action for e in AuditTrail(TENANT).page(actor_id="admin-a")[0]]
    assert sorted(actions) == ["profanity_filter_off", "profanity_filter_on"]


def test_words_added_and_removed_by_an_admin_take_effect(api: Any, ideas: Ideas) -> None:
    # GIVEN the shipped lists
    view = body_of(_call(api, "GET", "/moderation/profanity", "admin-a"))
    assert view["enabled"] is True and set(view["locales"]) == set(SUPPORTED_LOCALES)
    assert view["locales"]["en"]["builtin"] >= 30 and view["locales"]["en"]["added"] == []
    assert ideas.post(title={"en": "Blimey, benches"}).status_code == 201
    # WHEN the admin adds "Blimey" and takes "shit" out of the English list
    change = {"locale": "en", "add": ["Blimey"], "remove": ["shit"]}
    changed = _call(api, "POST", "/moderation/profanity/words", "admin-a", change)
    assert changed.status_code == 200, body_of(changed)
    assert body_of(changed)["locales"]["en"] == {
        "builtin": view["locales"]["en"]["builtin"],
        "added": ["blimey"],
        "removed": ["shit"],
    }
    # THEN the added word is refused (disguised too) and the removed one passes
    _refused(ideas.post(title={"en": "Bliiimey, benches"}))
    assert ideas.post(title={"en": "Shit benches"}).status_code == 201
    # WHEN both changes are undone THEN the lists are as shipped again
    undo = {"locale": "en", "add": ["shit"], "remove": ["blimey"]}
    restored = body_of(_call(api, "POST", "/moderation/profanity/words", "admin-a", undo))
    assert restored["locales"]["en"]["added"] == restored["locales"]["en"]["removed"] == []
    _refused(ideas.post(title={"en": "Shit benches"}))
    entries = AuditTrail(TENANT).page(actor_id="admin-a")[0]
    assert [e.action for e in entries] == ["profanity_words", "profanity_words"]


@pytest.mark.parametrize(
    ("change", "field", "code", "words"),
    [
        ({"locale": "en", "add": ["two words"]}, "add.0", "not_a_word", None),
        ({"locale": "en", "add": ["ok", "b4d"]}, "add.1", "not_a_word", None),
        ({"locale": "en", "remove": ["notlisted"]}, "remove.0", "unknown_word", ["notlisted"]),
        (
            {"locale": "en", "add": ["blimey"], "remove": ["blimey"]},
            "remove",
            "add_and_remove",
            ["blimey"],
        ),
    ],
)
def test_word_changes_are_checked(
    api: Any, ideas: Ideas, change: dict[str, Any], field: str, code: str, words: Any
) -> None:
    response = _call(api, "POST", "/moderation/profanity/words", "admin-a", change)
    assert response.status_code == 422, body_of(response)
    assert problem_fields(response).get(field) == code
    # The words each issue is about, by field, for the translated message
    assert body_of(response).get("words", {}).get(field) == words
    assert (
        body_of(_call(api, "GET", "/moderation/profanity", "admin-a"))["locales"]["en"]["added"]
        == []
    )


@pytest.mark.parametrize(
    "change", [{"locale": "xx", "add": ["blimey"]}, {"locale": "en"}, {"locale": "en", "x": 1}]
)
def test_malformed_changes_are_refused(api: Any, ideas: Ideas, change: dict[str, Any]) -> None:
    assert _call(api, "POST", "/moderation/profanity/words", "admin-a", change).status_code == 422


def test_only_admins_see_and_change_the_filter(api: Any, ideas: Ideas, tokens: Any) -> None:
    manager = tokens.project_manager(ideas.project_id)
    for token in ("resident-a", manager):
        assert _call(api, "GET", "/moderation/profanity", token).status_code == 403
        switch = _call(api, "PUT", "/moderation/profanity", token, {"enabled": False})
        assert body_of(switch)["code"] == "admin_only"
        words = {"locale": "en", "add": ["blimey"]}
        assert _call(api, "POST", "/moderation/profanity/words", token, words).status_code == 403
    assert _call(api, "GET", "/moderation/profanity", None).status_code == 401
