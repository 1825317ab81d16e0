"""Field types, question definitions, and turning answers into clean stored values.

A question has a type (eight of them), a multilingual label and help, may be
required or switched off, and carries options (choices) or a scale (linear
scales). :func:`check_answers` cleans a resident's answers to a list of
questions or refuses them with one issue per field, each naming the
question's label in the resident's language and a stable code the UI
translates.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Protocol

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


class FieldDefinition(_Input):
    """A question without its id; ``options`` for choices, ``scale_*`` for linear scales."""

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
    def _fits_type(self) -> FieldDefinition:
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


class CustomField(FieldDefinition):
    """One question of a form, with the id its answers are stored under."""

    id: FieldId


class Question(Protocol):
    """What checking an answer reads of a question (a definition, or a view of one)."""

    @property
    def id(self) -> str: ...

    @property
    def type(self) -> FieldType: ...

    @property
    def label(self) -> dict[str, str]: ...

    @property
    def required(self) -> bool: ...

    @property
    def options(self) -> Sequence[ChoiceOption]: ...

    @property
    def scale_min(self) -> int | None: ...

    @property
    def scale_max(self) -> int | None: ...


def empty_answer(value: Any) -> bool:
    """No answer: nothing, an empty text or list, or an unticked box."""
    return value is None or value == "" or value == [] or value is False


class _Checker:
    """Checks answers to one question; issues name ``<prefix>.<field id>``."""

    def __init__(self, field: Question, prefix: str, locale: str) -> None:
        self.field = field
        self.prefix = prefix
        self.locale = locale
        self.name = pick(field.label, locale)

    def issue(self, code: str, message: str) -> FieldIssue:
        return FieldIssue(f"{self.prefix}.{self.field.id}", code, message)

    def text(self, value: Any, limit: int) -> tuple[Any, FieldIssue | None]:
        name = self.name
        if not isinstance(value, str):
            return None, self.issue("not_text", f"Answer “{name}” with text.")
        if len(value) > limit:
            return None, self.issue(
                "too_long", f"Keep “{name}” to {limit} characters ({len(value)} now)."
            )
        if contains_markup(value):
            return None, self.issue(
                "markup_not_allowed", f"Write “{name}” as plain text, without HTML."
            )
        return value.strip(), None

    def number(self, value: Any) -> tuple[Any, FieldIssue | None]:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            return None, self.issue("not_a_number", f"Answer “{self.name}” with a number.")
        return value, None

    def choice(self, value: Any) -> tuple[Any, FieldIssue | None]:
        field = self.field
        labels = {o.id: pick(o.label, self.locale) for o in field.options}
        many = field.type is FieldType.MULTIPLE_CHOICE
        if many and not isinstance(value, list):
            return None, self.issue("not_a_list", f"Pick one or more options for “{self.name}”.")
        chosen = value if many else [value]
        if [v for v in chosen if not isinstance(v, str) or v not in labels]:
            allowed = ", ".join(f"{key} ({label})" for key, label in labels.items())
            return None, self.issue(
                "invalid_choice", f"Pick “{self.name}” from the listed options: {allowed}."
            )
        if not many:
            return value, None
        return [o.id for o in field.options if o.id in set(chosen)], None

    def scale(self, value: Any) -> tuple[Any, FieldIssue | None]:
        low, high = self.field.scale_min or 0, self.field.scale_max or 5
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            return None, self.issue(
                "out_of_scale", f"Answer “{self.name}” with a whole number from {low} to {high}."
            )
        return value, None

    def date(self, value: Any) -> tuple[Any, FieldIssue | None]:
        try:
            return date.fromisoformat(value).isoformat(), None
        except (TypeError, ValueError):
            return None, self.issue(
                "invalid_date", f"Answer “{self.name}” with a date (YYYY-MM-DD)."
            )

    def checkbox(self, value: Any) -> tuple[Any, FieldIssue | None]:
        if not isinstance(value, bool):
            return None, self.issue("not_a_checkbox", f"Tick or untick “{self.name}”.")
        return value, None

    def clean(self, value: Any) -> tuple[Any, FieldIssue | None]:
        match self.field.type:
            case FieldType.TEXT:
                return self.text(value, TEXT_MAX)
            case FieldType.MULTILINE:
                return self.text(value, MULTILINE_MAX)
            case FieldType.NUMBER:
                return self.number(value)
            case FieldType.SINGLE_CHOICE | FieldType.MULTIPLE_CHOICE:
                return self.choice(value)
            case FieldType.LINEAR_SCALE:
                return self.scale(value)
            case FieldType.DATE:
                return self.date(value)
            case FieldType.CHECKBOX:
                return self.checkbox(value)


def check_answers(
    fields: Iterable[Question],
    values: dict[str, Any],
    locale: str,
    *,
    prefix: str,
    partial: bool = False,
) -> dict[str, Any]:
    """The cleaned answers to ``fields``, or every problem at once.

    Answers to questions not in ``fields`` are refused (``unknown_field``:
    the form may have changed since the page loaded). Empty answers are
    dropped, and a required question needs a non-empty one (a required
    checkbox must be ticked). With ``partial``, questions left out of
    ``values`` are not asked for: a change answers some questions and keeps
    the others, but may not empty a required one. Issues name
    ``<prefix>.<field id>``.
    """
    asked = {f.id: f for f in fields}
    issues = [
        FieldIssue(f"{prefix}.{key}", "unknown_field", "This question is not part of the form.")
        for key in values
        if key not in asked
    ]
    cleaned: dict[str, Any] = {}
    for field in asked.values():
        if partial and field.id not in values:
            continue
        checker = _Checker(field, prefix, locale)
        value = values.get(field.id)
        is_checkbox = field.type is FieldType.CHECKBOX
        if empty_answer(value) and not (is_checkbox and value is False):
            if field.required:
                issues.append(checker.issue("required", f"Please answer “{checker.name}”."))
            continue
        if is_checkbox and value is False and field.required:
            issues.append(checker.issue("required", f"Please tick “{checker.name}”."))
            continue
        clean, issue = checker.clean(value)
        if issue is not None:
            issues.append(issue)
        elif not empty_answer(clean) or is_checkbox:
            cleaned[field.id] = clean
    if issues:
        raise ValidationError("Some answers do not fit the form.", issues=issues)
    return cleaned
