"""The delivery ledger: send each requested email once, even when SQS redelivers.

A worker claims an event id with a conditional put before sending. A claim
left ``sending`` by a worker that died is taken over after
:data:`STALE_CLAIM_SECONDS`; a send that fails releases the claim so the
retry can send.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pynamodb.exceptions import PutError

from shared.db.repository import TenantRepository
from shared.mail.models import MailDeliveryRecord

STALE_CLAIM_SECONDS = 300
KEEP_DAYS = 7
SENDING, SENT = "sending", "sent"


class DeliveryLedger(TenantRepository):
    """Delivery state of one platform's emails."""

    def _key(self, event_id: str) -> str:
        return self.key("MAIL", event_id)

    def claim(self, event_id: str, now: datetime) -> bool:
        """True when this worker may send the email of ``event_id``."""
        record = MailDeliveryRecord(
            self._key(event_id),
            status=SENDING,
            claimed_at=now,
            expires=now + timedelta(days=KEEP_DAYS),
        )
        stale = now - timedelta(seconds=STALE_CLAIM_SECONDS)
        try:
            record.save(
                condition=MailDeliveryRecord.pk.does_not_exist()
                | ((MailDeliveryRecord.status == SENDING) & (MailDeliveryRecord.claimed_at < stale))
            )
        except PutError as error:
            if getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException":
                return False
            raise
        return True

    def mark_sent(self, event_id: str, message_id: str) -> None:
        MailDeliveryRecord(self._key(event_id)).update(
            actions=[
                MailDeliveryRecord.status.set(SENT),
                MailDeliveryRecord.message_id.set(message_id),
            ]
        )

    def release(self, event_id: str) -> None:
        """Give the claim back after a failed send."""
        MailDeliveryRecord(self._key(event_id)).delete(
            condition=MailDeliveryRecord.status == SENDING
        )
