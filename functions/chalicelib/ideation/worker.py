"""The ``ideation_worker`` and ``ideation_reconcile`` Lambdas: derived data of ideas.

``ideation_worker`` is fed by the ``ideation`` consumer's queue. Every handler
recomputes from source items (ballots, comments, the stored idea), so
duplicate and out-of-order deliveries leave the same result; failed records
alone return to the queue (partial batch response):

- ``ideation.idea.published`` / ``updated``: reindex the idea's words, make
  the missing image variants;
- ``ideation.idea.deleted``: drop its words, give its reactions back;
- ``ideation.reaction.changed``: mirror the resident's ballot, recount; a proposal that
  now has its signatures is marked reached and announced once (``proposal_goals``);
- ``discussion.comment.posted`` / ``deleted`` on ideas: recount comments.
- ``moderation.content.moderated`` of a comment on an idea: recount comments (hidden
  comments are not counted).

``ideation_reconcile`` (invoked with ``{"tenant_id", "phase_id"?}``) rebuilds the
reaction index and every count of one phase, or of every ideation phase of a
tenant, and returns ``{"ideas", "changed"}``. Fed by the ``ideation_reconcile``
consumer's queue instead (an SQS batch of the nightly scheduled job's event,
``shared.events.schedules``), it reconciles every platform.
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
from pydantic import BaseModel, Field

from chalicelib import runtime
from chalicelib.ideation.blueprint import bp
from chalicelib.ideation.wiring import search_index
from shared.discussion.counts import count_visible_comments
from shared.events import DomainEvent
from shared.ideation.counters import IDEA_TARGET, IdeaCounters, ReconcileResult
from shared.ideation.images import (
    IdeaImageRepository,
    ImageRejectedError,
    ImageVariants,
    VariantKeys,
    missing_variants,
)
from shared.ideation.proposal_goals import ProposalGoals
from shared.ideation.reactions import REACTION_CHANGED
from shared.ideation.repository import IdeaRepository
from shared.inputs.backfill import backfill_manager_keys
from shared.observability import logger
from shared.tenancy import TenantContext, TenantId

PUBLISHED = "ideation.idea.published"
UPDATED = "ideation.idea.updated"
DELETED = "ideation.idea.deleted"
COMMENT_POSTED = "discussion.comment.posted"
COMMENT_DELETED = "discussion.comment.deleted"
CONTENT_MODERATED = "moderation.content.moderated"
DETAIL_TYPES = (
    PUBLISHED,
    UPDATED,
    DELETED,
    REACTION_CHANGED,
    COMMENT_POSTED,
    COMMENT_DELETED,
    CONTENT_MODERATED,
)


@runtime.cached
def counters() -> IdeaCounters:
    return IdeaCounters(IdeaRepository, count_visible_comments)


@runtime.cached
def proposal_goals() -> ProposalGoals:
    return ProposalGoals(runtime.publisher())


@runtime.cached
def image_variants() -> ImageVariants:
    return ImageVariants(runtime.client("s3"), runtime.settings().names.bucket("uploads"))


def refresh_images(tenant: TenantContext, idea_id: str) -> int:
    """Make the variants an idea's images lack and record them; return how many were made."""
    record = IdeaRepository(tenant).get(idea_id, consistent=True)
    if record is None:
        return 0
    made: dict[str, VariantKeys] = {}
    for key in missing_variants(list(record.images or [])):
        if not key.startswith(f"{tenant.tenant_id}/"):
            logger.warning("image of another platform", extra={"idea_id": idea_id})
            continue
        try:
            made[key] = image_variants().ensure(key)
        except ImageRejectedError:
            # Confirmed as an image at upload; unreadable now. Retrying will not help.
            logger.warning("image refused", extra={"idea_id": idea_id, "key": key})
    if not made:
        return 0
    IdeaImageRepository(tenant).record_variants(idea_id, made)
    # An edit or a deletion may have removed images meanwhile: drop their variants.
    current = IdeaRepository(tenant).get(idea_id, consistent=True)
    kept = {i.get("key") for i in (current.images or [])} if current is not None else set()
    for key, keys in made.items():
        if key not in kept:
            image_variants().discard(keys)
    return len(made)


def handle(event: DomainEvent) -> None:
    """Apply one domain event to the derived data of the idea it names."""
    tenant = TenantContext(event.tenant_id, host="")
    data = event.data
    if event.type in (PUBLISHED, UPDATED):
        search_index().reindex(tenant, str(data["idea_id"]))
        refresh_images(tenant, str(data["idea_id"]))
    elif event.type == DELETED:
        search_index().remove(tenant, str(data["idea_id"]))
        counters().idea_deleted(tenant, str(data["idea_id"]), str(data["phase_id"]))
    elif event.type == REACTION_CHANGED:
        counters().reaction_changed(
            tenant, str(data["idea_id"]), str(data["phase_id"]), str(data["user_id"])
        )
        # Also when this delivery changed no count: an earlier one may have failed after it.
        proposal_goals().check(tenant, str(data["idea_id"]))
    elif event.type in (COMMENT_POSTED, COMMENT_DELETED):
        if data.get("target_kind") == IDEA_TARGET:
            counters().comments_changed(tenant, str(data["target_id"]))
    elif event.type == CONTENT_MODERATED:
        if data.get("target_kind") == "comment" and data.get("idea_id"):
            counters().comments_changed(tenant, str(data["idea_id"]))
    else:
        logger.warning("unexpected event", extra={"type": event.type})


def handle_record(record: SQSRecord) -> None:
    envelope = json.loads(record.body)
    event = DomainEvent.model_validate(envelope.get("detail", envelope))
    runtime.settings()  # binds the table models on a cold start
    handle(event)
    logger.info(
        "ideation event applied",
        extra={"event_id": event.event_id, "tenant_id": event.tenant_id, "type": event.type},
    )


@bp.lambda_function(name="ideation_worker")
def ideation_worker(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Apply every event of the batch; report the records that failed."""
    processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)
    result = process_partial_response(
        event=event, record_handler=handle_record, processor=processor, context=context
    )
    return dict(result)


class ReconcileRequest(BaseModel):
    tenant_id: TenantId
    phase_id: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9-]{0,79}$")


def reconcile_every_platform() -> dict[str, int]:
    """The nightly job: reconcile every ideation phase of every platform.

    It also gives ideas stored before the input manager existed (an older
    deployment or snapshot) their manager index keys, so they join its table.
    """
    totals = {"platforms": 0, "ideas": 0, "changed": 0, "indexed": 0}
    for tenant in runtime.platforms().every_tenant():
        result = counters().reconcile_all(tenant)
        totals["platforms"] += 1
        totals["ideas"] += result.ideas
        totals["changed"] += result.changed
        totals["indexed"] += backfill_manager_keys(tenant)
    logger.info("nightly ideation reconcile", extra=totals)
    return totals


@bp.lambda_function(name="ideation_reconcile")
def ideation_reconcile(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Recompute reactions and counts of one phase, of a tenant, or (scheduled) of everyone."""
    runtime.settings()
    if "Records" in event:  # the scheduled job, through its consumer queue
        return {**reconcile_every_platform(), "batchItemFailures": []}
    request = ReconcileRequest.model_validate(event)
    tenant = TenantContext(request.tenant_id, host="")
    result: ReconcileResult
    if request.phase_id is not None:
        result = counters().reconcile(tenant, request.phase_id)
    else:
        result = counters().reconcile_all(tenant)
    logger.info("ideation reconciled", extra={"tenant_id": tenant.tenant_id, **result.model_dump()})
    return result.model_dump()
