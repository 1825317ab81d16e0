"""The privacy workflows' tasks.

``personal_data_worker`` (workflow ``personal_data_export``) is invoked with
``{"action": "export", "tenant_id", "owner_id", "job_id"}`` to write one
archive, and from the workflow's catch with ``"action": "fail"`` plus the
caught ``error`` and ``cause``, exactly like ``export_worker``.

``account_deletion_worker`` (workflow ``account_deletion``) is invoked with
``{"tenant_id", "user_id", "mode"}`` and erases the account; the workflow
retries it until it completes (every step is idempotent).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from chalicelib import runtime
from chalicelib.exports.worker import ExportTask
from chalicelib.privacy import wiring
from chalicelib.privacy.blueprint import bp
from shared.observability import logger
from shared.privacy.modes import ErasureMode
from shared.tenancy import TenantContext, TenantId


@bp.lambda_function(name="personal_data_worker")
def personal_data_worker(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Write one person's archive, or mark its job failed."""
    task = ExportTask.model_validate(event)
    runtime.settings()  # binds the table models on a cold start
    tenant = TenantContext(task.tenant_id, host="")
    if task.action == "fail":
        result = wiring.archiver().fail(
            tenant, task.owner_id, task.job_id, task.error or "", task.cause
        )
    else:
        result = wiring.archiver().export(tenant, task.owner_id, task.job_id)
    logger.info("personal data task done", extra={"action": task.action, **result})
    return result


class ErasureTask(BaseModel):
    """What the ``account_deletion`` workflow passes to its task."""

    tenant_id: TenantId
    user_id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")
    mode: ErasureMode


@bp.lambda_function(name="account_deletion_worker")
def account_deletion_worker(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Erase one account's personal data from every domain, then the account."""
    task = ErasureTask.model_validate(event)
    runtime.settings()
    result = wiring.eraser().erase(TenantContext(task.tenant_id, host=""), task.user_id, task.mode)
    logger.info("account erased", extra=result)
    return result
