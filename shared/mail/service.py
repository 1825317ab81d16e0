"""The mailer: turn an ``identity.email.requested`` event into one sent email."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from shared.events import DomainEvent
from shared.mail.contract import EMAIL_REQUESTED, EmailRequested
from shared.mail.deliveries import DeliveryLedger
from shared.mail.renderer import MailBranding, MailRenderer
from shared.mail.sender import SesMailer
from shared.tenancy.context import TenantContext


@dataclass(frozen=True)
class DeliveryResult:
    event_id: str
    sent: bool
    message_id: str | None = None


class MailService:
    """Renders and sends requested emails, each event at most once."""

    def __init__(
        self,
        mailer: SesMailer,
        branding: Callable[[TenantContext, str], MailBranding],
        renderer: MailRenderer | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._mailer = mailer
        self._branding = branding
        self._renderer = renderer or MailRenderer()
        self._clock = clock

    def deliver(self, event: DomainEvent) -> DeliveryResult:
        """Send the email of ``event`` unless it was sent already (redelivery)."""
        if event.type != EMAIL_REQUESTED:
            raise ValueError(f"the mailer does not handle {event.type!r}")
        request = EmailRequested.model_validate(event.data)
        tenant = TenantContext(event.tenant_id, host="")
        ledger = DeliveryLedger(tenant)
        if not ledger.claim(event.event_id, self._clock()):
            return DeliveryResult(event.event_id, sent=False)
        try:
            brand = self._branding(tenant, request.locale)
            mail = self._renderer.render(request.template, request.locale, request.params, brand)
            message_id = self._mailer.send(
                mail, str(request.to), brand.name, tenant.tenant_id, request.template.value
            )
        except Exception:
            ledger.release(event.event_id)
            raise
        ledger.mark_sent(event.event_id, message_id)
        return DeliveryResult(event.event_id, sent=True, message_id=message_id)
