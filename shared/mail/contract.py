"""The contract of ``identity.email.requested``: what a service asks the mailer to send.

Services publish the event; the mailer worker renders and sends it. The data
holds only what rendering needs: the template, the recipient, the language
and the template's parameters.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from shared.events import DomainEvent

EMAIL_REQUESTED = "identity.email.requested"


class MailTemplate(StrEnum):
    CONFIRM_EMAIL = "confirm_email"
    PASSWORD_RESET = "password_reset"  # noqa: S105 - a template name


class TemplateParams(BaseModel):
    """Parameters every current template uses."""

    model_config = ConfigDict(extra="forbid")

    first_name: str = Field(max_length=80)
    link: str = Field(max_length=2000)
    expires_hours: int = Field(ge=1, le=24 * 30)

    @field_validator("link")
    @classmethod
    def _web_link(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("links in emails must be http(s) URLs")
        return value


class EmailRequested(BaseModel):
    """The ``data`` of an ``identity.email.requested`` event."""

    model_config = ConfigDict(extra="forbid")

    template: MailTemplate
    to: EmailStr
    locale: str = Field(max_length=10)
    params: TemplateParams


def email_requested(tenant_id: str, request: EmailRequested, actor_id: str | None) -> DomainEvent:
    """The event that asks the mailer to send ``request`` for ``tenant_id``."""
    return DomainEvent(
        type=EMAIL_REQUESTED,
        tenant_id=tenant_id,
        actor_id=actor_id,
        data=request.model_dump(mode="json"),
    )
