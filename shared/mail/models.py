"""PynamoDB model of the mailer's delivery ledger (table ``mail_deliveries``).

Key layout (hash key only): ``T#<tenant>#MAIL#<event_id>`` — one item per
requested email event, so a redelivered event is sent once. ``status`` is
``sending`` while a worker holds the claim and ``sent`` afterwards;
``expires`` (TTL) forgets the item after a week.
"""

from __future__ import annotations

from pynamodb.attributes import TTLAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.models import Model

from shared.db.registry import table_model


@table_model("mail_deliveries")
class MailDeliveryRecord(Model):
    """One email event's delivery state (see module docstring for keys)."""

    class Meta:
        table_name = "mail_deliveries"

    pk = UnicodeAttribute(hash_key=True)
    status = UnicodeAttribute()
    claimed_at = UTCDateTimeAttribute()
    message_id = UnicodeAttribute(null=True)
    expires = TTLAttribute()
