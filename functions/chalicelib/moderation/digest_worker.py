"""The ``moderation_digest`` Lambda: the admins' daily email of what awaits review.

Fed by the ``moderation_digest`` consumer queue, which receives the daily
scheduled job's event (``shared.events.schedules.MODERATION_DIGEST``); one
run goes through every platform (``shared.moderation.digest``). A direct
invocation with ``{"tenant_id": ...}`` sends one platform's digest now.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from chalicelib import runtime
from chalicelib.identity import wiring as identity
from chalicelib.moderation.blueprint import bp
from chalicelib.notifications.wiring import platform_origin
from shared.moderation.activity import ActivityRepository
from shared.moderation.digest import ModerationDigest
from shared.observability import logger
from shared.projects.repository import ProjectRepository
from shared.tenancy import TenantContext, TenantRequest


def pending_summary(tenant: TenantContext) -> dict[str, Any]:
    return ActivityRepository(tenant).pending_summary()


def project_titles(tenant: TenantContext, project_ids: Iterable[str]) -> dict[str, dict[str, str]]:
    """Titles of the digest's projects (a few dozen at most: one read each)."""
    repository = ProjectRepository(tenant)
    found = {}
    for project_id in project_ids:
        record = repository.get_project(project_id)
        if record is not None:
            found[project_id] = dict(record.title or {})
    return found


@runtime.cached
def digest() -> ModerationDigest:
    return ModerationDigest(
        tenants=lambda: runtime.platforms().every_tenant(),
        summaries=pending_summary,
        admins=identity.directory(),
        project_titles=project_titles,
        publisher=runtime.publisher(),
        origin=platform_origin,
    )


@bp.lambda_function(name="moderation_digest")
def moderation_digest(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Send the digest of every platform (scheduled), or of the one named."""
    runtime.settings()  # binds the table models on a cold start
    if "Records" in event:  # the scheduled job, through its consumer queue
        outcome = digest().send_all()
        logger.info("moderation digest", extra=vars(outcome))
        return {**vars(outcome), "batchItemFailures": []}
    request = TenantRequest.model_validate(event)
    sent = digest().send(TenantContext(request.tenant_id, host=""))
    logger.info("moderation digest", extra={"tenant_id": request.tenant_id, "emailed": sent})
    return {"tenant_id": request.tenant_id, "emailed": sent or 0, "pending": sent is not None}
