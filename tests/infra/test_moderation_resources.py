"""Moderation and export resources, each named: the generic tests loop over the code's
own lists (models, consumers, scheduled jobs, workflow files), so an entry dropped
from a list would drop its resource and its test together. These name what
moderation and the input manager's exports need, so losing one fails here.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.infra.conftest import Synthesis, props, resources

pytestmark = pytest.mark.infra


def _events(synthesis: Synthesis, stack_set: Any) -> dict[str, Any]:
    return synthesis.template(stack_set.events)


def _bus_id(template: dict[str, Any]) -> str:
    (bus_id,) = resources(template, "AWS::Events::EventBus")
    return bus_id


def _queue_id(template: dict[str, Any], name: str) -> str:
    found = [
        logical
        for logical, queue in resources(template, "AWS::SQS::Queue").items()
        if queue["Properties"]["QueueName"] == name
    ]
    assert found, f"no queue named {name}"
    return found[0]


def test_the_moderation_and_exports_tables(synthesis: Synthesis, stack_set: Any) -> None:
    # GIVEN the data stack's tables by name
    prefix = stack_set.deployment.prefix
    template = synthesis.template(stack_set.data)
    tables = {t["TableName"]: t for t in props(template, "AWS::DynamoDB::GlobalTable")}

    # THEN the moderation table serves the queue and the audit trail from three indexes
    moderation = tables[f"{prefix}-moderation"]
    assert moderation["KeySchema"] == [
        {"AttributeName": "pk", "KeyType": "HASH"},
        {"AttributeName": "sk", "KeyType": "RANGE"},
    ]
    assert sorted(i["IndexName"] for i in moderation["GlobalSecondaryIndexes"]) == [
        "gsi1",
        "gsi2",
        "gsi3",
    ]
    # AND export jobs expire on their own
    exports = tables[f"{prefix}-exports"]
    assert exports["TimeToLiveSpecification"] == {"AttributeName": "expires", "Enabled": True}


@pytest.mark.parametrize(
    ("queue", "detail_type", "source"),
    [
        ("moderation", "moderation.report.filed", "townhall.moderation"),
        ("moderation-digest", "schedule.moderation.digest_requested", "townhall.schedule"),
    ],
)
def test_the_moderation_queues_have_a_dlq_and_a_rule(
    synthesis: Synthesis, stack_set: Any, queue: str, detail_type: str, source: str
) -> None:
    # GIVEN the events stack
    prefix = stack_set.deployment.prefix
    template = _events(synthesis, stack_set)

    # WHEN the queue and its dead-letter queue are looked up by name
    queue_id = _queue_id(template, f"{prefix}-{queue}")
    dlq_id = _queue_id(template, f"{prefix}-{queue}-dlq")

    # THEN failures go to the DLQ
    redrive = resources(template, "AWS::SQS::Queue")[queue_id]["Properties"]["RedrivePolicy"]
    assert redrive["deadLetterTargetArn"] == {"Fn::GetAtt": [dlq_id, "Arn"]}
    # AND a rule on the platform bus feeds the queue the event it handles
    (rule,) = [r for r in props(template, "AWS::Events::Rule") if r["Name"] == f"{prefix}-{queue}"]
    assert rule["EventBusName"] == {"Ref": _bus_id(template)}
    assert detail_type in rule["EventPattern"]["detail-type"]
    assert source in rule["EventPattern"]["source"]
    (target,) = rule["Targets"]
    assert target["Arn"] == {"Fn::GetAtt": [queue_id, "Arn"]}
    assert target["DeadLetterConfig"] == {"Arn": {"Fn::GetAtt": [dlq_id, "Arn"]}}


@pytest.mark.parametrize(
    ("queue", "function"),
    [("moderation", "moderation-worker"), ("moderation-digest", "moderation-digest")],
)
def test_each_moderation_queue_feeds_its_worker(
    synthesis: Synthesis, stack_set: Any, queue: str, function: str
) -> None:
    prefix = stack_set.deployment.prefix
    mappings = props(synthesis.template(stack_set.api), "AWS::Lambda::EventSourceMapping")
    (mapping,) = [m for m in mappings if m["FunctionName"] == f"{prefix}-{function}"]
    assert mapping["EventSourceArn"]["Fn::Join"][1][-1] == f":{prefix}-{queue}"
    assert mapping["FunctionResponseTypes"] == ["ReportBatchItemFailures"]


def test_the_daily_digest_is_scheduled_at_seven_on_the_bus(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # GIVEN the events stack's schedules by name (MODERATION_DIGEST must be a scheduled job)
    prefix = stack_set.deployment.prefix
    template = _events(synthesis, stack_set)
    schedules = {s["Name"]: s for s in props(template, "AWS::Scheduler::Schedule")}

    # WHEN the digest's schedule is looked up
    assert f"{prefix}-moderation-digest" in schedules, sorted(schedules)
    schedule = schedules[f"{prefix}-moderation-digest"]

    # THEN it runs every day at 07:00 Brussels time and puts the digest's event on the bus
    assert schedule["ScheduleExpression"] == "cron(0 7 * * ? *)"
    assert schedule["ScheduleExpressionTimezone"] == "Europe/Brussels"
    assert schedule["State"] == "ENABLED"
    target = schedule["Target"]
    assert target["Arn"] == {"Fn::GetAtt": [_bus_id(template), "Arn"]}
    assert target["EventBridgeParameters"] == {
        "DetailType": "schedule.moderation.digest_requested",
        "Source": "townhall.schedule",
    }
    assert json.loads(target["Input"]) == {"job": "moderation_digest"}


def test_the_input_export_state_machine(synthesis: Synthesis, stack_set: Any) -> None:
    # GIVEN the events stack's state machines by name
    prefix = stack_set.deployment.prefix
    template = _events(synthesis, stack_set)
    machines = {
        m["StateMachineName"]: m for m in props(template, "AWS::StepFunctions::StateMachine")
    }

    # WHEN the export workflow is looked up
    machine = machines[f"{prefix}-input-export"]
    definition = json.loads(machine["DefinitionString"])

    # THEN it invokes the export worker once, with its own timeout, and marks failures
    export = definition["States"][definition["StartAt"]]
    assert export["Resource"] == "arn:aws:states:::lambda:invoke"
    assert export["Parameters"]["FunctionName"] == "${ExportWorkerFunction}"
    assert machine["DefinitionSubstitutions"]["ExportWorkerFunction"] == f"{prefix}-export-worker"
    assert export["TimeoutSeconds"] == 900
    (catch,) = export["Catch"]
    assert catch["ErrorEquals"] == ["States.ALL"]
    assert catch["Next"] in definition["States"]
    assert machine["StateMachineType"] == "STANDARD"
