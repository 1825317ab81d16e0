"""Alarms for 5xx rate, latency, function errors and throttles, DLQs, table throttles, workflows."""

from __future__ import annotations

import json
from typing import Any

import pytest

from infra.stacks.monitoring import API_5XX_RATE_PERCENT, API_P99_LATENCY_MS
from shared.events.consumers import CONSUMERS
from tests.infra.conftest import Synthesis, props, resources

pytestmark = pytest.mark.infra


def _alarms(synthesis: Synthesis, stack_set: Any) -> dict[str, dict[str, Any]]:
    template = synthesis.template(stack_set.monitoring)
    return {a["AlarmName"].rsplit("-", 1)[1]: a for a in props(template, "AWS::CloudWatch::Alarm")}


def test_every_alarm_notifies_the_encrypted_topic(synthesis: Synthesis, stack_set: Any) -> None:
    # GIVEN the monitoring stack
    template = synthesis.template(stack_set.monitoring)
    (topic_id,) = resources(template, "AWS::SNS::Topic")

    # THEN the topic is KMS-encrypted and every alarm (and its recovery) is sent to it
    (topic,) = props(template, "AWS::SNS::Topic")
    assert "KmsMasterKeyId" in topic
    for alarm in props(template, "AWS::CloudWatch::Alarm"):
        assert alarm["AlarmActions"] == [{"Ref": topic_id}]
        assert alarm["OKActions"] == [{"Ref": topic_id}]
        assert "docs/operations.md#" in alarm["AlarmDescription"]
    assert len(props(template, "AWS::CloudWatch::Dashboard")) == 1


def test_there_is_an_alarm_for_every_resource_that_can_fail(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # WHEN the alarms are collected
    alarms = _alarms(synthesis, stack_set)

    # THEN the API, every function, every DLQ, every table and every workflow is covered
    expected = {"Api5xxRate", "ApiLatencyP99"}
    for name in stack_set.api.function_names:
        ident = "".join(p.title() for p in name.split("_"))
        expected |= {f"{ident}Errors", f"{ident}Throttles"}
    for consumer in CONSUMERS:
        expected.add("".join(p.title() for p in consumer.name.split("_")) + "DeadLetters")
    for table in stack_set.data.tables:
        expected.add("".join(p.title() for p in table.split("_")) + "TableThrottles")
    for workflow in stack_set.events.workflows.machines:
        expected.add("".join(p.title() for p in workflow.split("_")) + "WorkflowFailures")
    assert set(alarms) == expected


def test_thresholds_match_the_runbook(synthesis: Synthesis, stack_set: Any) -> None:
    # WHEN the key alarms are inspected
    alarms = _alarms(synthesis, stack_set)
    names = stack_set.deployment.names

    # THEN a DLQ alarms on its first message, and API alarms use the documented thresholds
    for consumer in CONSUMERS:
        dlq = alarms["".join(p.title() for p in consumer.name.split("_")) + "DeadLetters"]
        assert dlq["Threshold"] == 1
        assert dlq["Dimensions"] == [
            {"Name": "QueueName", "Value": names.dead_letter_queue(consumer.name)}
        ]
    assert alarms["Api5xxRate"]["Threshold"] == API_5XX_RATE_PERCENT
    latency = alarms["ApiLatencyP99"]
    assert latency["Threshold"] == API_P99_LATENCY_MS and latency["ExtendedStatistic"] == "p99"
    assert "5XXError" in json.dumps(alarms["Api5xxRate"]["Metrics"])
