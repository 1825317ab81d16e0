"""The local mail viewer: what the platform "sent", for admins on local stages only.

SES messages carry no tenant on moto (it drops SES tags), so a message is
shown on a platform when its ``X-Townhall-Platform`` header (the mailer sets it) names that
platform, and on every platform when it has no such header (simple SES
messages cannot carry one). This is a development aid, never deployed
behaviour: on any other stage the route answers 404 as if it did not exist.
"""

from __future__ import annotations

from datetime import UTC, datetime

from chalice.app import Blueprint
from pydantic import BaseModel, Field

from chalicelib import runtime
from chalicelib.api import RequestContext, api_route
from chalicelib.devtools.sent_mail import SentMessage, sent_messages
from shared.errors import AuthenticationError, NotFoundError
from shared.html import sanitize_html
from shared.permissions import Action, Resource, authorize

bp = Blueprint(__name__)

LOCAL_STAGES = ("local", "test")
_OLDEST = datetime.min.replace(tzinfo=UTC)


class MailQuery(BaseModel):
    limit: int = Field(default=50, ge=1, le=200, description="How many emails to return.")


class SentMail(BaseModel):
    """One sent email as the viewer shows it."""

    id: str
    sender: str
    to: list[str]
    subject: str
    date: datetime | None = Field(
        default=None, description="From the email's Date header; null when moto kept none."
    )
    text: str | None = Field(default=None, description="The plain-text body, if any.")
    html: str | None = Field(default=None, description="The HTML body, sanitised.")


class SentMailList(BaseModel):
    items: list[SentMail] = Field(description="Newest first.")
    total: int = Field(description="How many emails this platform's viewer holds in all.")


def _newest_first(message: SentMessage) -> tuple[datetime, int]:
    date = message.date or _OLDEST
    return (date if date.tzinfo else date.replace(tzinfo=UTC), message.sequence)


def _shape(message: SentMessage) -> SentMail:
    return SentMail(
        id=message.id,
        sender=message.sender,
        to=message.to,
        subject=message.subject,
        date=message.date,
        text=message.text,
        html=sanitize_html(message.html) if message.html else None,
    )


@api_route(
    bp,
    "/dev/mails",
    query=MailQuery,
    response=SentMailList,
    auth="public",
    tags=("devtools",),
    errors=(403, 404),
)
def list_sent_mails(ctx: RequestContext, query: MailQuery) -> SentMailList:
    """Emails sent by the local stack, newest first (admins, local stages only)."""
    # Public at the routing layer so that on other stages even anonymous callers
    # get the 404 first; then sign-in is required exactly as ``auth="user"`` would.
    settings = runtime.settings()
    if settings.stage not in LOCAL_STAGES:
        raise NotFoundError()
    if not ctx.principal.is_authenticated:
        raise AuthenticationError()
    authorize(ctx.principal, Action.DEV_MAIL_READ, Resource(tenant_id=ctx.tenant.tenant_id))
    tenant_id = ctx.tenant.tenant_id
    mine = [
        m
        for m in sent_messages(settings.endpoint_url, settings.region)
        if m.tenant_id in (None, tenant_id)
    ]
    mine.sort(key=_newest_first, reverse=True)
    return SentMailList(items=[_shape(m) for m in mine[: query.limit]], total=len(mine))
