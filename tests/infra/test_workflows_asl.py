"""Every workflow's ASL runs on moto's Step Functions interpreter.

The definitions are rendered with the same loader contract the CDK app uses
(``infra.workflows``), so a workflow that passes here is the one deployed.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from moto import mock_aws

from infra.workflows import rendered_definitions
from shared.events import DomainEvent
from shared.resources import ResourceNames

pytestmark = pytest.mark.infra

REGION = "eu-west-1"
NAMES = ResourceNames("townhall-asltest")
ROLE = "arn:aws:iam::123456789012:role/townhall-asltest-workflows"


@pytest.fixture
def aws() -> Iterator[dict[str, Any]]:
    with mock_aws(config={"stepfunctions": {"execute_state_machine": True}}):
        clients = {
            service: boto3.client(service, region_name=REGION)
            for service in ("stepfunctions", "events", "sqs")
        }
        yield clients


def _capture_bus(aws: dict[str, Any]) -> str:
    """The platform bus with a catch-all rule into a queue we can read."""
    aws["events"].create_event_bus(Name=NAMES.event_bus)
    url = aws["sqs"].create_queue(QueueName="capture")["QueueUrl"]
    arn = aws["sqs"].get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    aws["events"].put_rule(
        Name="capture",
        EventBusName=NAMES.event_bus,
        EventPattern=json.dumps({"source": [{"prefix": "townhall."}]}),
    )
    aws["events"].put_targets(
        Rule="capture", EventBusName=NAMES.event_bus, Targets=[{"Id": "q", "Arn": arn}]
    )
    return str(url)


def _run(aws: dict[str, Any], workflow: str, payload: dict[str, Any]) -> dict[str, Any]:
    machine = aws["stepfunctions"].create_state_machine(
        name=NAMES.state_machine(workflow),
        definition=rendered_definitions(NAMES)[workflow],
        roleArn=ROLE,
    )["stateMachineArn"]
    execution = aws["stepfunctions"].start_execution(
        stateMachineArn=machine, input=json.dumps(payload)
    )["executionArn"]
    for _ in range(200):  # bounded polling of an in-process interpreter, not a timing assertion
        described = aws["stepfunctions"].describe_execution(executionArn=execution)
        if described["status"] != "RUNNING":
            return dict(described)
        time.sleep(0.05)
    raise AssertionError("the execution did not finish")


def test_deferred_event_publishes_the_event_on_the_platform_bus(aws: dict[str, Any]) -> None:
    # GIVEN the platform bus and an event due now
    queue = _capture_bus(aws)
    event = DomainEvent(type="projects.phase.started", tenant_id="alpha", data={"phase": "p1"})
    due = (datetime.now(UTC) - timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")

    # WHEN the deferred_event workflow runs
    result = _run(
        aws, "deferred_event", {"publish_at": due, "event": event.model_dump(mode="json")}
    )

    # THEN it succeeded and the event reached the bus with the envelope's source and type
    assert result["status"] == "SUCCEEDED", result
    assert json.loads(result["output"])["published"] == {"failed_entries": 0}
    messages = aws["sqs"].receive_message(QueueUrl=queue, MaxNumberOfMessages=10)["Messages"]
    delivered = json.loads(messages[0]["Body"])
    assert delivered["source"] == "townhall.projects"
    assert delivered["detail-type"] == "projects.phase.started"
    assert DomainEvent.model_validate(delivered["detail"]) == event


def test_deferred_event_fails_when_the_due_time_is_not_a_timestamp(aws: dict[str, Any]) -> None:
    # GIVEN the platform bus
    _capture_bus(aws)
    event = DomainEvent(type="projects.phase.started", tenant_id="alpha")

    # WHEN the workflow is started with a malformed due time
    result = _run(
        aws, "deferred_event", {"publish_at": "tomorrow", "event": event.model_dump(mode="json")}
    )

    # THEN the execution fails instead of publishing at an arbitrary time
    assert result["status"] == "FAILED"


class _ExportWorker:
    """Stands in for ``export_worker`` through the in-process Lambda shim; records calls."""

    def __init__(self, fail_with: Exception | None = None) -> None:
        self.calls: list[dict[str, Any]] = []
        self.fail_with = fail_with

    def __call__(self, event: dict[str, Any], context: Any) -> dict[str, Any]:
        self.calls.append(event)
        if event["action"] == "export" and self.fail_with is not None:
            raise self.fail_with
        return {"job_id": event["job_id"], "status": "done", "rows_written": 7, "error": None}


class ExportRefusedError(Exception):
    """Named like the runner's own error: the Lambda errorType is the class name."""


@pytest.fixture
def export_worker() -> Iterator[Any]:
    from infra.local import sfn_lambda
    from infra.workflows import function_name

    def register(worker: _ExportWorker) -> _ExportWorker:
        sfn_lambda.install({function_name(NAMES, "export_worker"): worker})
        return worker

    yield register
    sfn_lambda.uninstall()


JOB = {"tenant_id": "alpha", "owner_id": "u1", "job_id": "0001"}


def test_input_export_runs_the_task_and_ends_with_the_job(
    aws: dict[str, Any], export_worker: Any
) -> None:
    # GIVEN the export task answering for the deployment's function name
    worker = export_worker(_ExportWorker())
    # WHEN the workflow runs for a job
    result = _run(aws, "input_export", JOB)
    # THEN the task was asked to export that job and the execution ends with its summary
    assert result["status"] == "SUCCEEDED"
    assert worker.calls == [{"action": "export", **JOB}]
    assert json.loads(result["output"])["rows_written"] == 7


def test_input_export_marks_the_job_failed_when_the_task_fails(
    aws: dict[str, Any], export_worker: Any
) -> None:
    # GIVEN a task that fails with an error of its own
    worker = export_worker(_ExportWorker(ExportRefusedError("no access any more")))
    # WHEN the workflow runs
    result = _run(aws, "input_export", JOB)
    # THEN the catch asked the task to mark the job failed with the error and its cause
    assert result["status"] == "FAILED" and result["error"] == "ExportFailed"
    export, fail = worker.calls
    assert export["action"] == "export"
    assert {k: fail[k] for k in ("action", "tenant_id", "owner_id", "job_id", "error")} == {
        "action": "fail",
        **JOB,
        "error": "ExportRefusedError",
    }
    assert json.loads(fail["cause"])["errorMessage"] == "no access any more"


@pytest.fixture
def task() -> Iterator[Any]:
    """Registers a stand-in for one named task function through the in-process shim."""
    from infra.local import sfn_lambda
    from infra.workflows import function_name

    def register(chalice_name: str, worker: Any) -> Any:
        sfn_lambda.install({function_name(NAMES, chalice_name): worker})
        return worker

    yield register
    sfn_lambda.uninstall()


def test_personal_data_export_runs_the_task_and_ends_with_the_job(
    aws: dict[str, Any], task: Any
) -> None:
    # GIVEN the archive task answering for the deployment's function name
    worker = task("personal_data_worker", _ExportWorker())
    # WHEN the workflow runs for a job
    result = _run(aws, "personal_data_export", JOB)
    # THEN the task made that job's archive and the execution ends with its summary
    assert result["status"] == "SUCCEEDED"
    assert worker.calls == [{"action": "export", **JOB}]


def test_personal_data_export_marks_the_job_failed_when_the_task_fails(
    aws: dict[str, Any], task: Any
) -> None:
    worker = task("personal_data_worker", _ExportWorker(ExportRefusedError("account deleted")))
    result = _run(aws, "personal_data_export", JOB)
    assert result["status"] == "FAILED" and result["error"] == "ExportFailed"
    assert [call["action"] for call in worker.calls] == ["export", "fail"]
    assert worker.calls[1]["error"] == "ExportRefusedError"


class _Eraser:
    """Stands in for ``account_deletion_worker``: fails ``failures`` times, then erases."""

    def __init__(self, failures: int = 0) -> None:
        self.calls: list[dict[str, Any]] = []
        self.failures = failures

    def __call__(self, event: dict[str, Any], context: Any) -> dict[str, Any]:
        self.calls.append(event)
        if len(self.calls) <= self.failures:
            raise RuntimeError("a table was throttled")
        return {"user_id": event["user_id"], "mode": event["mode"], "erased": ["identity"]}


ERASURE = {"tenant_id": "alpha", "user_id": "u1", "mode": "anonymise"}


def test_account_deletion_retries_a_partial_failure_until_the_erasure_completes(
    aws: dict[str, Any], task: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN an eraser that fails twice (the third, idempotent run completes), and the
    # interpreter's retry back-off without its waits
    from types import SimpleNamespace

    from moto.stepfunctions.parser.asl.component.common.retry import retrier_decl

    monkeypatch.setattr(retrier_decl, "time", SimpleNamespace(sleep=lambda seconds: None))
    worker = task("account_deletion_worker", _Eraser(failures=2))
    # WHEN the workflow runs for an account
    result = _run(aws, "account_deletion", ERASURE)
    # THEN the same erasure ran again until it completed
    assert result["status"] == "SUCCEEDED", result
    assert worker.calls == [ERASURE] * 3
    assert json.loads(result["output"])["erased"] == ["identity"]
