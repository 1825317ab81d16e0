"""API shapes of registration fields and areas."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from shared.forms import ChoiceOption, FieldDefinition, FieldId, FieldType
from shared.i18n import LocalizedPlainText, LocalizedText

MAX_FIELDS = 50
MAX_AREAS = 200


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RegistrationFieldCreate(FieldDefinition):
    """A custom registration field: a question like the idea form's, and why it is asked."""

    purpose: LocalizedText | None = Field(
        default=None, description="Why the platform asks this, shown to residents beside it."
    )


class RegistrationFieldUpdate(_Input):
    """Change a field: only what the body names (an explicit null clears help or purpose).

    A built-in field's type, label and options are the platform's: only
    `enabled`, `required` and `purpose` change. A custom field's type never
    changes (stored answers would no longer fit it).
    """

    label: LocalizedText | None = None
    help: LocalizedText | None = None
    purpose: LocalizedText | None = None
    required: bool | None = None
    enabled: bool | None = None
    options: list[ChoiceOption] | None = Field(default=None, max_length=50)
    scale_min: int | None = Field(default=None, ge=0, le=1)
    scale_max: int | None = Field(default=None, ge=2, le=10)
    min_label: LocalizedText | None = None
    max_label: LocalizedText | None = None


class RegistrationField(BaseModel):
    """One registration field as residents and admins see it."""

    id: str
    builtin: bool = Field(description="gender, birthyear, area or education: fixed questions.")
    type: FieldType
    label: dict[str, str]
    help: dict[str, str] | None
    purpose: dict[str, str] | None = Field(
        description="Why it is asked; built-in fields have a default text."
    )
    required: bool = Field(description="Residents must answer it (only while enabled).")
    enabled: bool
    options: list[ChoiceOption] = Field(description="The area field offers the platform's areas.")
    scale_min: int | None
    scale_max: int | None
    min_label: dict[str, str] | None
    max_label: dict[str, str] | None


class FieldList(BaseModel):
    items: list[RegistrationField]


class Area(BaseModel):
    id: str
    name: dict[str, str]
    created_at: datetime


class AreaList(BaseModel):
    items: list[Area]


class AreaCreate(_Input):
    name: LocalizedPlainText


class AreaUpdate(_Input):
    name: LocalizedPlainText


class RegistrationOrder(_Input):
    """Every field (or area) id once, in the new order."""

    ids: list[FieldId] = Field(min_length=1, max_length=MAX_AREAS)


class RegistrationForm(BaseModel):
    """What residents answer: the enabled fields in order (areas are the area field's options)."""

    fields: list[RegistrationField]
