"""Checking an idea's custom answers against its project's form."""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

from shared.errors import ValidationError
from shared.ideation.forms import InputForm, check_custom_values

OPTIONS = [{"id": "a", "label": {"en": "Apple"}}, {"id": "b", "label": {"en": "Banana"}}]


def _form(*fields: dict[str, Any]) -> InputForm:
    return InputForm.model_validate({"custom_fields": list(fields)})


def _issues(form: InputForm, values: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        check_custom_values(form, values, "en")
    return {i.field: i.code for i in caught.value.issues}


@pytest.mark.parametrize(
    ("field", "good", "cleaned", "bad", "code"),
    [
        ({"type": "text"}, "  hi  ", "hi", "<b>hi</b>", "markup_not_allowed"),
        ({"type": "text"}, "ok", "ok", "x" * 301, "too_long"),
        ({"type": "multiline"}, "line\nline", "line\nline", 12, "not_text"),
        ({"type": "number"}, 3.5, 3.5, True, "not_a_number"),
        ({"type": "number"}, 0, 0, "3", "not_a_number"),
        ({"type": "single_choice", "options": OPTIONS}, "a", "a", "c", "invalid_choice"),
        (
            {"type": "multiple_choice", "options": OPTIONS},
            ["b", "a"],
            ["a", "b"],
            "a",
            "not_a_list",
        ),
        (
            {"type": "multiple_choice", "options": OPTIONS},
            ["a"],
            ["a"],
            ["a", "z"],
            "invalid_choice",
        ),
        ({"type": "linear_scale"}, 5, 5, 6, "out_of_scale"),
        ({"type": "linear_scale", "scale_min": 0, "scale_max": 10}, 0, 0, 2.5, "out_of_scale"),
        ({"type": "date"}, "2026-03-01", "2026-03-01", "01/03/2026", "invalid_date"),
        ({"type": "checkbox"}, True, True, "yes", "not_a_checkbox"),
    ],
)
def test_each_type_accepts_its_values_and_refuses_others(
    field: dict[str, Any], good: Any, cleaned: Any, bad: Any, code: str
) -> None:
    # GIVEN a form with one field of the type
    form = _form({"id": "q", "label": {"en": "Question"}, **field})
    # WHEN a fitting answer is checked THEN it is kept, cleaned
    assert check_custom_values(form, {"q": good}, "en") == {"q": cleaned}
    # AND an unfitting one is refused with the type's code
    assert _issues(form, {"q": bad}) == {"custom_fields.q": code}


def test_required_fields_need_an_answer_and_a_required_checkbox_a_tick() -> None:
    form = _form(
        {"id": "name", "type": "text", "label": {"en": "Name"}, "required": True},
        {"id": "ok", "type": "checkbox", "label": {"en": "I agree"}, "required": True},
    )
    assert _issues(form, {"name": "", "ok": False}) == {
        "custom_fields.name": "required",
        "custom_fields.ok": "required",
    }


def test_messages_use_the_label_in_the_residents_language() -> None:
    form = _form(
        {"id": "age", "type": "number", "label": {"en": "Age", "fr": "Âge"}, "required": True}
    )
    with pytest.raises(ValidationError) as caught:
        check_custom_values(form, {}, "fr")
    assert "Âge" in caught.value.issues[0].message


def test_unknown_and_switched_off_fields_are_refused_empty_optional_ones_dropped() -> None:
    form = _form(
        {"id": "on", "type": "text", "label": {"en": "On"}},
        {"id": "off", "type": "text", "label": {"en": "Off"}, "enabled": False},
    )
    assert _issues(form, {"off": "x", "other": "y"}) == {
        "custom_fields.off": "unknown_field",
        "custom_fields.other": "unknown_field",
    }
    assert check_custom_values(form, {"on": ""}, "en") == {}


@pytest.mark.parametrize(
    "field",
    [
        {"type": "single_choice", "options": OPTIONS[:1]},
        {"type": "multiple_choice", "options": [OPTIONS[0], OPTIONS[0]]},
        {"type": "text", "options": OPTIONS},
        {"type": "number", "scale_max": 5},
        {"type": "linear_scale", "scale_max": 11},
    ],
)
def test_a_form_refuses_fields_that_do_not_fit_their_type(field: dict[str, Any]) -> None:
    with pytest.raises(pydantic.ValidationError):
        _form({"id": "q", "label": {"en": "Q"}, **field})


def test_a_form_refuses_duplicate_ids_and_required_switched_off_builtins() -> None:
    with pytest.raises(pydantic.ValidationError):
        _form(
            {"id": "q", "type": "text", "label": {"en": "Q"}},
            {"id": "q", "type": "date", "label": {"en": "Q2"}},
        )
    with pytest.raises(pydantic.ValidationError):
        InputForm.model_validate({"builtin": {"location": {"enabled": False, "required": True}}})
    with pytest.raises(pydantic.ValidationError):
        InputForm.model_validate({"topic_ids": ["t", "t"]})
