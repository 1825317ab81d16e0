"""Residents answer registration fields at sign-up and in their profile, checked per type."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.api.identity.helpers import sign_up
from tests.api.registration.conftest import custom_field
from tests.conftest import body_of


def _field(people, **definition) -> str:
    body = {"label": {"en": "Question"}, "type": "text", **definition}
    return str(people.call("admin", "POST", "/registration/fields", body, expect=201)["id"])


def _switch_on(people, field_id: str, required: bool = False) -> None:
    body = {"enabled": True, "required": required}
    people.call("admin", "PATCH", f"/registration/fields/{field_id}", body)


def test_sign_up_stores_the_answers_and_refuses_a_missing_required_one(people, api):
    # GIVEN gender required and birthyear optional
    _switch_on(people, "gender", required=True)
    _switch_on(people, "birthyear")
    # WHEN a visitor signs up without answering gender (and with a weak password)
    refused = sign_up(api, "cy@example.org", password="short", answers={"birthyear": 1990})
    # THEN every problem is told at once and no account exists
    assert refused.status_code == 422
    issues = {(e["field"], e["code"]) for e in body_of(refused)["errors"]}
    assert issues == {("answers.gender", "required"), ("password", "password_too_short")}
    # WHEN they answer it
    created = sign_up(api, "cy@example.org", answers={"gender": "female", "birthyear": 1990})
    # THEN the answers are on their account
    assert created.status_code == 201, created.body
    me = body_of(created)
    assert me["answers"] == {"gender": "female", "birthyear": 1990}
    assert me["verified"] is False


@pytest.mark.parametrize(
    ("definition", "answer", "code"),
    [
        ({"type": "text"}, 12, "not_text"),
        ({"type": "text"}, "x" * 301, "too_long"),
        ({"type": "multiline"}, "<b>bold</b>", "markup_not_allowed"),
        ({"type": "number"}, "twelve", "not_a_number"),
        ({"type": "date"}, "31/12/2026", "invalid_date"),
        ({"type": "checkbox"}, "yes", "not_a_checkbox"),
        ({"type": "linear_scale"}, 6, "out_of_scale"),
        (custom_field(), "car", "invalid_choice"),
        (custom_field(type="multiple_choice"), "bike", "not_a_list"),
    ],
)
def test_each_field_type_refuses_an_answer_that_does_not_fit(people, definition, answer, code):
    field_id = _field(people, **definition)
    problem = people.call("ada", "PATCH", "/me", {"answers": {field_id: answer}}, expect=422)
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [(f"answers.{field_id}", code)]


def test_birthyear_is_a_plausible_year_and_unknown_fields_are_refused(people):
    _switch_on(people, "birthyear")
    next_year = datetime.now(UTC).year + 1
    too_late = people.call("ada", "PATCH", "/me", {"answers": {"birthyear": next_year}}, 422)
    assert too_late["errors"][0]["code"] == "invalid_year"
    # A switched-off built-in is as unknown as a field that never existed.
    unknown = people.call("ada", "PATCH", "/me", {"answers": {"gender": "male", "shoe": 42}}, 422)
    assert {e["code"] for e in unknown["errors"]} == {"unknown_field"}


def test_a_profile_change_answers_some_fields_and_keeps_the_others(people):
    _switch_on(people, "gender", required=True)
    _switch_on(people, "education")
    bike = _field(people, **custom_field(type="multiple_choice"))
    me = people.call("ada", "PATCH", "/me", {"answers": {"gender": "male", bike: ["bus", "bike"]}})
    assert me["answers"] == {"gender": "male", bike: ["bike", "bus"]}  # in the options' order
    me = people.call("ada", "PATCH", "/me", {"answers": {"education": "master", bike: []}})
    assert me["answers"] == {"gender": "male", "education": "master"}
    # A required answer cannot be taken back.
    problem = people.call("ada", "PATCH", "/me", {"answers": {"gender": None}}, expect=422)
    assert problem["errors"][0] == {
        "field": "answers.gender",
        "code": "required",
        "message": "Please answer “Gender”.",
    }
    assert people.call("ada", "GET", "/me")["answers"]["gender"] == "male"


def test_messages_name_the_field_in_the_residents_language(people):
    _switch_on(people, "birthyear")
    body = {"locale": "fr", "answers": {"birthyear": "soon"}}
    problem = people.call("ada", "PATCH", "/me", body, expect=422)
    assert problem["errors"][0]["message"] == "Answer “Année de naissance” with a number."


def test_an_answer_refreshes_the_residents_smart_groups(people, pump):
    # GIVEN a smart group of women
    _switch_on(people, "gender")
    rules = {
        "match": "all",
        "rules": [{"type": "field", "field_id": "gender", "operator": "equals", "value": "female"}],
    }
    group = people.call(
        "admin",
        "POST",
        "/groups",
        {"title": {"en": "Women"}, "membership": "smart", "rules": rules},
        expect=201,
    )
    pump.drain()
    # WHEN Ada answers in her profile (identity announces the change)
    people.call("ada", "PATCH", "/me", {"answers": {"gender": "female"}})
    pump.drain()
    # THEN the groups worker lists her
    members = people.call("admin", "GET", f"/groups/{group['id']}/members")["items"]
    assert [m["id"] for m in members] == [people.ids["ada"]]
