"""The ``moderation_worker`` Lambda: keeps the moderation queue equal to its sources.

Fed by the ``moderation`` consumer's queue (ideas and comments published,
updated or deleted; reports filed or withdrawn). Each record recomputes one activity item
from its content and report items, so duplicate and out-of-order deliveries
store the same item; failed records alone return to the queue.
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

from chalicelib import runtime
from chalicelib.moderation.blueprint import bp
from chalicelib.moderation.wiring import activity
from shared.events import DomainEvent
from shared.observability import logger
from shared.tenancy import TenantContext

SUBJECTS = {
    "ideation.idea.published": ("idea", "idea_id"),
    "ideation.idea.updated": ("idea", "idea_id"),
    "ideation.idea.deleted": ("idea", "idea_id"),
    "discussion.comment.posted": ("comment", "comment_id"),
    "discussion.comment.updated": ("comment", "comment_id"),
    "discussion.comment.deleted": ("comment", "comment_id"),
}
REPORT_FILED = "moderation.report.filed"
# A deleted account's reports are withdrawn (shared.moderation.personal_data).
REPORT_WITHDRAWN = "moderation.report.withdrawn"
DETAIL_TYPES = (*SUBJECTS, REPORT_FILED, REPORT_WITHDRAWN)


def subject_of(event: DomainEvent) -> tuple[str, str] | None:
    """The (kind, id) of the content an event is about, or None for other events."""
    if event.type in (REPORT_FILED, REPORT_WITHDRAWN):
        return str(event.data["target_kind"]), str(event.data["target_id"])
    found = SUBJECTS.get(event.type)
    return (found[0], str(event.data[found[1]])) if found else None


def handle_record(record: SQSRecord) -> None:
    envelope = json.loads(record.body)
    event = DomainEvent.model_validate(envelope.get("detail", envelope))
    subject = subject_of(event)
    if subject is None:
        logger.warning("unexpected event", extra={"type": event.type})
        return
    runtime.settings()  # binds the table models on a cold start
    tenant = TenantContext(event.tenant_id, host="")
    activity().refresh(tenant, *subject)
    logger.info(
        "activity refreshed",
        extra={"event_id": event.event_id, "tenant_id": event.tenant_id, "kind": subject[0]},
    )


@bp.lambda_function(name="moderation_worker")
def moderation_worker(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Refresh the activity item of every input or comment named in the batch."""
    processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)
    result = process_partial_response(
        event=event, record_handler=handle_record, processor=processor, context=context
    )
    return dict(result)
