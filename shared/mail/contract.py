"""The contract of ``identity.email.requested``: what a service asks the mailer to send.

Services publish the event; the mailer worker renders and sends it. The data
holds only what rendering needs: the template, the recipient, the language
and the template's parameters.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator, model_validator

from shared.events import DomainEvent

EMAIL_REQUESTED = "identity.email.requested"


class MailTemplate(StrEnum):
    CONFIRM_EMAIL = "confirm_email"
    PASSWORD_RESET = "password_reset"  # noqa: S105 - a template name
    NOTIFICATION = "notification"


class NotificationType(StrEnum):
    """Why a resident is notified; each type can be turned off for email on its own."""

    MENTION = "mention"
    COMMENT_REPLY = "comment_reply"
    COMMENT_ON_MY_IDEA = "comment_on_my_idea"
    IDEA_STATUS_CHANGED = "idea_status_changed"
    OFFICIAL_UPDATE = "official_update"


def _web_link(value: str) -> str:
    if not value.startswith(("https://", "http://")):
        raise ValueError("links in emails must be http(s) URLs")
    return value


class TemplateParams(BaseModel):
    """Parameters every current template uses."""

    model_config = ConfigDict(extra="forbid")

    first_name: str = Field(max_length=80)
    link: str = Field(max_length=2000)
    expires_hours: int = Field(ge=1, le=24 * 30)

    @field_validator("link")
    @classmethod
    def _links(cls, value: str) -> str:
        return _web_link(value)


class NotificationParams(BaseModel):
    """Parameters of the ``notification`` template: one in-app notification, as an email.

    ``target_title`` is already in the recipient's language; ``actor_name`` is
    the public display name of who acted (none when the city speaks: status
    changes and official updates). ``unsubscribe_link`` opens the page that
    turns this type off; ``one_click_link`` is the RFC 8058 endpoint that a
    mail client POSTs to (``List-Unsubscribe``).
    """

    model_config = ConfigDict(extra="forbid")

    first_name: str = Field(max_length=80)
    type: NotificationType
    actor_name: str | None = Field(default=None, max_length=120)
    target_title: str = Field(max_length=300)
    excerpt: str | None = Field(default=None, max_length=500)
    link: str = Field(max_length=2000)
    unsubscribe_link: str = Field(max_length=2000)
    one_click_link: str = Field(max_length=2000)

    @field_validator("link", "unsubscribe_link", "one_click_link")
    @classmethod
    def _links(cls, value: str) -> str:
        return _web_link(value)


class EmailRequested(BaseModel):
    """The ``data`` of an ``identity.email.requested`` event."""

    model_config = ConfigDict(extra="forbid")

    template: MailTemplate
    to: EmailStr
    locale: str = Field(max_length=10)
    params: TemplateParams | NotificationParams

    @model_validator(mode="after")
    def _params_fit_the_template(self) -> EmailRequested:
        wanted = (
            NotificationParams if self.template is MailTemplate.NOTIFICATION else TemplateParams
        )
        if not isinstance(self.params, wanted):
            raise ValueError(f"the {self.template.value!r} template needs {wanted.__name__}")
        return self


def email_requested(tenant_id: str, request: EmailRequested, actor_id: str | None) -> DomainEvent:
    """The event that asks the mailer to send ``request`` for ``tenant_id``."""
    return DomainEvent(
        type=EMAIL_REQUESTED,
        tenant_id=tenant_id,
        actor_id=actor_id,
        data=request.model_dump(mode="json"),
    )
