"""The ``discussion_worker`` Lambda: keeps comment like counts equal to the like items.

Fed by the ``discussion`` consumer's queue (``discussion.comment_like.changed``).
Each record recounts one comment from its like items, so duplicate and
out-of-order deliveries store the same count; failed records alone return to
the queue (partial batch response).
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
from chalicelib.discussion.blueprint import bp
from shared.discussion import recount_comment_likes
from shared.events import DomainEvent
from shared.observability import logger
from shared.tenancy import TenantContext

LIKE_CHANGED = "discussion.comment_like.changed"


def handle_record(record: SQSRecord) -> None:
    envelope = json.loads(record.body)
    event = DomainEvent.model_validate(envelope.get("detail", envelope))
    if event.type != LIKE_CHANGED:
        logger.warning("unexpected event", extra={"type": event.type})
        return
    runtime.settings()  # binds the table models on a cold start
    tenant = TenantContext(event.tenant_id, host="")
    likes = recount_comment_likes(tenant, str(event.data["comment_id"]))
    logger.info(
        "comment likes recounted",
        extra={"event_id": event.event_id, "tenant_id": event.tenant_id, "likes": likes},
    )


@bp.lambda_function(name="discussion_worker")
def discussion_worker(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Recount the likes of every comment named in the batch; report the failed records."""
    processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)
    result = process_partial_response(
        event=event, record_handler=handle_record, processor=processor, context=context
    )
    return dict(result)
