"""The per-project input form of ideas, and checking an idea's answers against it.

Title is always asked. The built-in fields (body, topics, location, images,
attachments) can each be switched off or made required; custom fields of
eight types add a project's own questions, with multilingual labels and help.
:func:`check_custom_values` turns a resident's answers into clean stored
values or refuses them with one message per field, naming the field's label.
"""

from __future__ import annotations

import math
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from shared.errors import FieldIssue, ValidationError
from shared.html import contains_markup
from shared.i18n import LocalizedText, pick

FieldId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$", examples=["age_group"])]
TEXT_MAX = 300
MULTILINE_MAX = 5_000
MAX_OPTIONS = 50


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FieldType(StrEnum):
    TEXT = "text"
    MULTILINE = "multiline"
    NUMBER = "number"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    LINEAR_SCALE = "linear_scale"
    DATE = "date"
    CHECKBOX = "checkbox"


CHOICE_TYPES = frozenset({FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE})


class ChoiceOption(_Input):
    id: FieldId
    label: LocalizedText


class CustomField(_Input):
    """One question of the form; ``options`` for choices, ``scale_*`` for linear scales."""

    id: FieldId
    type: FieldType
    label: LocalizedText
    help: LocalizedText | None = None
    required: bool = False
    enabled: bool = True
    options: list[ChoiceOption] = Field(default_factory=list, max_length=MAX_OPTIONS)
    scale_min: int | None = Field(default=None, ge=0, le=1)
    scale_max: int | None = Field(default=None, ge=2, le=10)
    min_label: LocalizedText | None = None
    max_label: LocalizedText | None = None

    @model_validator(mode="after")
    def _fits_type(self) -> CustomField:
        if self.type in CHOICE_TYPES:
            if len(self.options) < 2:
                raise ValueError("a choice question needs at least two options")
            if len({o.id for o in self.options}) != len(self.options):
                raise ValueError("each option of a question needs its own id")
        elif self.options:
            raise ValueError("only choice questions have options")
        if self.type is FieldType.LINEAR_SCALE:
            self.scale_min = 1 if self.scale_min is None else self.scale_min
            self.scale_max = 5 if self.scale_max is None else self.scale_max
        elif self.scale_min is not None or self.scale_max is not None:
            raise ValueError("only linear scale questions have a scale")
        return self


class BuiltinField(_Input):
    enabled: bool = True
    required: bool = False

    @model_validator(mode="after")
    def _required_is_enabled(self) -> BuiltinField:
        if self.required and not self.enabled:
            raise ValueError("a field that is switched off cannot be required")
        return self


class BuiltinFields(_Input):
    body: BuiltinField = Field(default_factory=lambda: BuiltinField(required=True))
    topics: BuiltinField = Field(default_factory=BuiltinField)
    location: BuiltinField = Field(default_factory=BuiltinField)
    images: BuiltinField = Field(default_factory=BuiltinField)
    attachments: BuiltinField = Field(default_factory=BuiltinField)


class InputForm(_Input):
    """What residents fill in when they post an idea in one project."""

    topic_ids: list[Annotated[str, Field(min_length=1, max_length=64)]] = Field(
        default_factory=list, max_length=100, description="Topics residents may choose from."
    )
    builtin: BuiltinFields = Field(default_factory=BuiltinFields)
    max_images: int = Field(default=5, ge=1, le=20)
    custom_fields: list[CustomField] = Field(default_factory=list, max_length=30)

    @model_validator(mode="after")
    def _distinct(self) -> InputForm:
        if len(set(self.topic_ids)) != len(self.topic_ids):
            raise ValueError("a topic is listed twice")
        if len({f.id for f in self.custom_fields}) != len(self.custom_fields):
            raise ValueError("each custom field needs its own id")
        return self


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value is False


def _issue(field: CustomField, code: str, message: str) -> FieldIssue:
    return FieldIssue(f"custom_fields.{field.id}", code, message)


def _text(field: CustomField, value: Any, name: str, limit: int) -> tuple[Any, FieldIssue | None]:
    if not isinstance(value, str):
        return None, _issue(field, "not_text", f"Answer “{name}” with text.")
    if len(value) > limit:
        return None, _issue(
            field, "too_long", f"Keep “{name}” to {limit} characters ({len(value)} now)."
        )
    if contains_markup(value):
        return None, _issue(
            field, "markup_not_allowed", f"Write “{name}” as plain text, without HTML."
        )
    return value.strip(), None


def _number(field: CustomField, value: Any, name: str) -> tuple[Any, FieldIssue | None]:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None, _issue(field, "not_a_number", f"Answer “{name}” with a number.")
    return value, None


def _choice(
    field: CustomField, value: Any, name: str, locale: str
) -> tuple[Any, FieldIssue | None]:
    labels = {o.id: pick(o.label, locale) for o in field.options}
    chosen = value if field.type is FieldType.MULTIPLE_CHOICE else [value]
    if field.type is FieldType.MULTIPLE_CHOICE and not isinstance(value, list):
        return None, _issue(field, "not_a_list", f"Pick one or more options for “{name}”.")
    unknown = [v for v in chosen if not isinstance(v, str) or v not in labels]
    if unknown:
        allowed = ", ".join(f"{key} ({label})" for key, label in labels.items())
        return None, _issue(
            field, "invalid_choice", f"Pick “{name}” from the listed options: {allowed}."
        )
    if field.type is FieldType.SINGLE_CHOICE:
        return value, None
    return [o.id for o in field.options if o.id in set(chosen)], None


def _scale(field: CustomField, value: Any, name: str) -> tuple[Any, FieldIssue | None]:
    low, high = field.scale_min or 0, field.scale_max or 5
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return None, _issue(
            field, "out_of_scale", f"Answer “{name}” with a whole number from {low} to {high}."
        )
    return value, None


def _date(field: CustomField, value: Any, name: str) -> tuple[Any, FieldIssue | None]:
    try:
        return date.fromisoformat(value).isoformat(), None
    except (TypeError, ValueError):
        return None, _issue(field, "invalid_date", f"Answer “{name}” with a date (YYYY-MM-DD).")


def _checkbox(field: CustomField, value: Any, name: str) -> tuple[Any, FieldIssue | None]:
    if not isinstance(value, bool):
        return None, _issue(field, "not_a_checkbox", f"Tick or untick “{name}”.")
    return value, None


def _clean(field: CustomField, value: Any, locale: str) -> tuple[Any, FieldIssue | None]:
    name = pick(field.label, locale)
    match field.type:
        case FieldType.TEXT:
            return _text(field, value, name, TEXT_MAX)
        case FieldType.MULTILINE:
            return _text(field, value, name, MULTILINE_MAX)
        case FieldType.NUMBER:
            return _number(field, value, name)
        case FieldType.SINGLE_CHOICE | FieldType.MULTIPLE_CHOICE:
            return _choice(field, value, name, locale)
        case FieldType.LINEAR_SCALE:
            return _scale(field, value, name)
        case FieldType.DATE:
            return _date(field, value, name)
        case FieldType.CHECKBOX:
            return _checkbox(field, value, name)


def check_custom_values(form: InputForm, values: dict[str, Any], locale: str) -> dict[str, Any]:
    """The cleaned answers to the form's enabled custom fields, or every problem at once.

    Unknown or switched-off fields are refused (the form may have changed
    since the page loaded); empty answers are dropped; a required field needs
    a non-empty answer (a required checkbox must be ticked).
    """
    fields = {f.id: f for f in form.custom_fields if f.enabled}
    issues = [
        FieldIssue(
            f"custom_fields.{key}", "unknown_field", "This question is not part of the form."
        )
        for key in values
        if key not in fields
    ]
    cleaned: dict[str, Any] = {}
    for field in fields.values():
        value = values.get(field.id)
        if _empty(value) and not (field.type is FieldType.CHECKBOX and value is False):
            if field.required:
                issues.append(
                    _issue(field, "required", f"Please answer “{pick(field.label, locale)}”.")
                )
            continue
        if field.type is FieldType.CHECKBOX and value is False and field.required:
            issues.append(_issue(field, "required", f"Please tick “{pick(field.label, locale)}”."))
            continue
        clean, issue = _clean(field, value, locale)
        if issue is not None:
            issues.append(issue)
        elif not _empty(clean) or field.type is FieldType.CHECKBOX:
            cleaned[field.id] = clean
    if issues:
        raise ValidationError("Some answers do not fit the form.", issues=issues)
    return cleaned
