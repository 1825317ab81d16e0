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
