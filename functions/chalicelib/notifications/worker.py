"""The ``notifier_worker`` Lambda: SQS batches of domain events -> follows and notifications.

Like the mailer, each SQS record holds an EventBridge event whose ``detail``
is a :class:`~shared.events.DomainEvent`; Powertools' batch processor reports
only the failed records, and the notifier's conditional writes make a
redelivery harmless.
"""

from __future__ import annotations

import json
from typing import Any

from aws_lambda_powertools.utilities.batch import (
    BatchProcessor,
    EventType,
    process_partial_response,
)
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from chalicelib.notifications import wiring
from chalicelib.notifications.blueprint import bp
from shared.events import DomainEvent
from shared.observability import logger


def handle_record(record: SQSRecord) -> None:
    envelope = json.loads(record.body)
    event = DomainEvent.model_validate(envelope.get("detail", envelope))
    outcome = wiring.notifier().handle(event)
    logger.info(
        "notifier handled event",
        extra={
            "event_id": event.event_id,
            "event_type": event.type,
            "tenant_id": event.tenant_id,
            "followed": len(outcome.followed),
            "notified": len(outcome.notified),
            "emailed": len(outcome.emailed),
        },
    )


@bp.lambda_function(name="notifier_worker")
def notifier_worker(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Handle every event of the batch; report the ones that failed."""
    processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)
    result = process_partial_response(
        event=event, record_handler=handle_record, processor=processor, context=context
    )
    return dict(result)
