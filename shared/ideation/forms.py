"""The per-project input form of ideas, and checking an idea's answers against it.

Title is always asked. The built-in fields (body, topics, location, images,
attachments) can each be switched off or made required; custom fields
(:mod:`shared.forms`, shared with registration fields) add a project's own
questions. :func:`check_custom_values` turns a resident's answers into clean
stored values or refuses them with one message per field.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from shared.forms import ChoiceOption, CustomField, FieldType, check_answers


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


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


def check_custom_values(form: InputForm, values: dict[str, Any], locale: str) -> dict[str, Any]:
    """The cleaned answers to the form's enabled custom fields, or every problem at once.

    Unknown or switched-off fields are refused (the form may have changed
    since the page loaded); see :func:`shared.forms.check_answers`.
    """
    enabled = [f for f in form.custom_fields if f.enabled]
    return check_answers(enabled, values, locale, prefix="custom_fields")


__all__ = [
    "BuiltinField",
    "BuiltinFields",
    "ChoiceOption",
    "CustomField",
    "FieldType",
    "InputForm",
    "check_custom_values",
]
