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
    MODERATION_DIGEST = "moderation_digest"
    DATA_EXPORT_READY = "data_export_ready"
    ACCOUNT_DELETION = "account_deletion"


class NotificationType(StrEnum):
    """Why a resident is notified; each type can be turned off for email on its own."""

    MENTION = "mention"
    COMMENT_REPLY = "comment_reply"
    COMMENT_ON_MY_IDEA = "comment_on_my_idea"
    IDEA_STATUS_CHANGED = "idea_status_changed"
    OFFICIAL_UPDATE = "official_update"
    PROPOSAL_REACHED = "proposal_reached"  # to its author, its followers and the project's team
    # The back-office team's types (moderators, managers, admins of the project).
    NEW_INPUT = "new_input"
    NEW_REPORT = "new_report"
    INPUT_ASSIGNED = "input_assigned"
    NOTE_MENTION = "note_mention"


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
    actor_former: bool = Field(
        default=False,
        description="The actor deleted their account: named as a former resident in the "
        "recipient's language.",
    )
    target_title: str = Field(max_length=300)
    excerpt: str | None = Field(default=None, max_length=500)
    link: str = Field(max_length=2000)
    unsubscribe_link: str = Field(max_length=2000)
    one_click_link: str = Field(max_length=2000)

    @field_validator("link", "unsubscribe_link", "one_click_link")
    @classmethod
    def _links(cls, value: str) -> str:
        return _web_link(value)


class DigestProject(BaseModel):
    """One project's line in the moderation digest (title in the recipient's language)."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(max_length=300)
    pending: int = Field(ge=0)


class DigestParams(BaseModel):
    """Parameters of the ``moderation_digest`` template: what awaits review on a platform.

    ``pending`` counts visible items nobody reviewed yet, ``reported`` those of
    them with reports; ``projects`` lists the projects with pending items,
    most first (at most :data:`DIGEST_PROJECTS`, ``more_projects`` counts the
    rest); ``link`` opens the activity overview.
    """

    model_config = ConfigDict(extra="forbid")

    first_name: str = Field(max_length=80)
    pending: int = Field(ge=1)
    reported: int = Field(ge=0)
    projects: list[DigestProject] = Field(max_length=50)
    more_projects: int = Field(default=0, ge=0)
    link: str = Field(max_length=2000)

    @field_validator("link")
    @classmethod
    def _links(cls, value: str) -> str:
        return _web_link(value)


DIGEST_PROJECTS = 50
_PARAMS: dict[MailTemplate, type[BaseModel]] = {
    MailTemplate.NOTIFICATION: NotificationParams,
    MailTemplate.MODERATION_DIGEST: DigestParams,
}


class EmailRequested(BaseModel):
    """The ``data`` of an ``identity.email.requested`` event."""

    model_config = ConfigDict(extra="forbid")

    template: MailTemplate
    to: EmailStr
    locale: str = Field(max_length=10)
    params: TemplateParams | NotificationParams | DigestParams

    @model_validator(mode="after")
    def _params_fit_the_template(self) -> EmailRequested:
        wanted = _PARAMS.get(self.template, TemplateParams)
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
