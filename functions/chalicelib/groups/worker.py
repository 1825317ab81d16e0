"""The ``groups_worker`` Lambda: smart memberships, member counts and participation facts.

Fed by the ``groups`` consumer's queue. A user's change re-evaluates every
smart group for that user; a group's change re-evaluates that group for
every user; taking part (posting, commenting, reacting, an idea's new
status) grows the participant's facts first. Every step recomputes from
source data, so duplicates and reordering leave the same state; failed
records alone return to the queue.
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
from chalicelib.groups.blueprint import bp
from chalicelib.groups.wiring import participation, sync
from shared.events import DomainEvent
from shared.groups import GROUP_CHANGED, MEMBERSHIP_CHANGED
from shared.observability import logger
from shared.tenancy import TenantContext

USER_CHANGED = "identity.user.changed"
USER_DELETED = "identity.user.deleted"
IDEA_PUBLISHED = "ideation.idea.published"
IDEA_STATUS_CHANGED = "ideation.idea.status_changed"
COMMENT_POSTED = "discussion.comment.posted"
REACTION_CHANGED = "ideation.reaction.changed"
DETAIL_TYPES = (
    GROUP_CHANGED,
    MEMBERSHIP_CHANGED,
    USER_CHANGED,
    USER_DELETED,
    IDEA_PUBLISHED,
    IDEA_STATUS_CHANGED,
    COMMENT_POSTED,
    REACTION_CHANGED,
)


def _participant(tenant: TenantContext, event: DomainEvent) -> str | None:
    """Record what the event says someone took part in; return whose groups to refresh."""
    data, log = event.data, participation()
    if event.type in (IDEA_PUBLISHED, IDEA_STATUS_CHANGED):
        idea_id = str(data["idea_id"])
        author = log.author_of(tenant, idea_id)
        if author is not None:
            log.took_part(tenant, author, idea_id, own_status=True)
        return author
    if event.type == COMMENT_POSTED:
        author = str(data["author_id"])
        if data.get("target_kind") == "idea":
            log.took_part(tenant, author, str(data["target_id"]))
        return author
    if event.type == REACTION_CHANGED:
        user = str(data["user_id"])
        if data.get("kind") is not None:
            log.took_part(tenant, user, str(data["idea_id"]))
        return user
    return str(data["user_id"])  # identity's events name the user


def handle_record(record: SQSRecord) -> None:
    envelope = json.loads(record.body)
    event = DomainEvent.model_validate(envelope.get("detail", envelope))
    runtime.settings()  # binds the table models on a cold start
    tenant = TenantContext(event.tenant_id, host="")
    if event.type == GROUP_CHANGED:
        sync().refresh_group(tenant, str(event.data["group_id"]))
    elif event.type == MEMBERSHIP_CHANGED:
        sync().recount(tenant, [str(event.data["group_id"])])
    elif event.type in DETAIL_TYPES:
        user_id = _participant(tenant, event)
        if user_id is not None:
            sync().refresh_user(tenant, user_id)
    else:
        logger.warning("unexpected event", extra={"type": event.type})
        return
    logger.info("groups refreshed", extra={"event_id": event.event_id, "type": event.type})


@bp.lambda_function(name="groups_worker")
def groups_worker(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Apply every group-relevant event of the batch."""
    processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)
    result = process_partial_response(
        event=event, record_handler=handle_record, processor=processor, context=context
    )
    return dict(result)
