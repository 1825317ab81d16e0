"""The ``user_words`` Lambda: gives users stored before the word index their search words.

Fed by the ``user_words`` consumer queue, which receives the nightly scheduled
job's event (``shared.events.schedules.USER_WORDS``). New users and profile
changes write their words themselves (``shared.identity.users``); this job
indexes the users of an older deployment or snapshot, on every platform.
Users already indexed cost one read each. A direct invocation with
``{"tenant_id": ...}`` indexes one platform now.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from chalicelib import runtime
from chalicelib.identity.blueprint import bp
from shared.identity.users import UserRepository
from shared.observability import logger
from shared.tenancy import TenantContext, TenantRequest


def index_platform(tenant: TenantContext) -> int:
    """Index every user of the platform that lacks word items; return how many."""
    repository = UserRepository(tenant)
    now = datetime.now(UTC)
    return sum(repository.index_words(user, now) for user in repository.every_user())


@bp.lambda_function(name="user_words")
def user_words(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Index the users of every platform (scheduled), or of the one named."""
    runtime.settings()  # binds the table models on a cold start
    if "Records" in event:  # the scheduled job, through its consumer queue
        totals = {"platforms": 0, "indexed": 0}
        for tenant in runtime.platforms().every_tenant():
            totals["platforms"] += 1
            totals["indexed"] += index_platform(tenant)
        logger.info("user words indexed", extra=totals)
        return {**totals, "batchItemFailures": []}
    request = TenantRequest.model_validate(event)
    indexed = index_platform(TenantContext(request.tenant_id, host=""))
    logger.info("user words indexed", extra={"tenant_id": request.tenant_id, "indexed": indexed})
    return {"tenant_id": request.tenant_id, "indexed": indexed}
