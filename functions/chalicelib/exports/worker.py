"""The ``export_worker`` Lambda: the task of the ``input_export`` workflow.

Step Functions invokes it with ``{"action": "export", "tenant_id", "owner_id",
"job_id"}`` to write the file, and, from the workflow's catch, with
``"action": "fail"`` plus the caught ``error`` and ``cause`` to mark the job
failed. An exception ends the invocation as a Lambda function error whose
``errorType`` is the exception's class name; the workflow retries the
service's transient errors and catches the rest.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from chalicelib.exports import wiring
from chalicelib.exports.blueprint import bp
from shared.observability import logger
from shared.tenancy import TenantContext, TenantId

ID = r"^[A-Za-z0-9_-]{1,64}$"


class ExportTask(BaseModel):
    """What the workflow passes to the task."""

    action: Literal["export", "fail"] = "export"
    tenant_id: TenantId
    owner_id: str = Field(pattern=ID)
    job_id: str = Field(pattern=ID)
    error: str | None = Field(default=None, max_length=256)
    cause: str | None = Field(default=None, max_length=32_768)


@bp.lambda_function(name="export_worker")
def export_worker(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Write one export job's file, or mark it failed."""
    task = ExportTask.model_validate(event)
    tenant = TenantContext(task.tenant_id, host="")
    if task.action == "fail":
        result = wiring.runner().fail(
            tenant, task.owner_id, task.job_id, task.error or "", task.cause
        )
    else:
        result = wiring.runner().export(tenant, task.owner_id, task.job_id)
    logger.info("export task done", extra={"action": task.action, **result})
    return result
