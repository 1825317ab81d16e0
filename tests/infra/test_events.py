"""The bus, per-consumer queues and rules, workflows from step_functions/, schedules, email."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from infra.workflows import (
    WorkflowDefinitionError,
    definition_files,
    placeholders,
    render,
    substitutions,
)
from shared.events.consumers import CONSUMERS
from tests.infra.conftest import Synthesis, props, resources

pytestmark = pytest.mark.infra


def _queue(template: dict[str, Any], name: str) -> tuple[str, dict[str, Any]]:
    return next(
        (logical, r["Properties"])
        for logical, r in resources(template, "AWS::SQS::Queue").items()
        if r["Properties"]["QueueName"] == name
    )


def test_the_bus_is_encrypted_and_archived(synthesis: Synthesis, stack_set: Any) -> None:
    # GIVEN the events stack
    template = synthesis.template(stack_set.events)

    # WHEN the bus is inspected
    (bus,) = props(template, "AWS::Events::EventBus")

    # THEN it has the deployment's name, a customer-managed key and a replay archive
    assert bus["Name"] == stack_set.deployment.names.event_bus
    assert "KmsKeyIdentifier" in bus
    (archive,) = props(template, "AWS::Events::Archive")
    assert archive["RetentionDays"] == 30


def test_every_consumer_has_a_queue_a_dlq_and_a_rule(synthesis: Synthesis, stack_set: Any) -> None:
    # GIVEN the consumers registered in shared
    template = synthesis.template(stack_set.events)
    names = stack_set.deployment.names
    rules = props(template, "AWS::Events::Rule")

    for consumer in CONSUMERS:
        # WHEN its queue, DLQ and rule are looked up
        queue_id, queue = _queue(template, names.queue(consumer.name))
        dlq_id, dlq = _queue(template, names.dead_letter_queue(consumer.name))
        rule = next(
            r for r in rules if r.get("Name", "").endswith(f"-{consumer.name.replace('_', '-')}")
        )

        # THEN failures move to the DLQ, and the rule feeds the consumer's event types
        assert queue["RedrivePolicy"]["maxReceiveCount"] == consumer.max_receive_count
        assert queue["RedrivePolicy"]["deadLetterTargetArn"] == {"Fn::GetAtt": [dlq_id, "Arn"]}
        assert queue["VisibilityTimeout"] >= 6 * stack_set.deployment.stage.worker.timeout_seconds
        assert "KmsMasterKeyId" in queue and "KmsMasterKeyId" in dlq
        assert rule["EventPattern"] == consumer.event_pattern()
        (target,) = rule["Targets"]
        assert target["Arn"] == {"Fn::GetAtt": [queue_id, "Arn"]}


def test_every_workflow_file_is_a_state_machine_with_its_values(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # GIVEN the workflow files in step_functions/
    template = synthesis.template(stack_set.events)
    names = stack_set.deployment.names
    machines = {
        m["StateMachineName"]: m for m in props(template, "AWS::StepFunctions::StateMachine")
    }
    files = definition_files()
    assert files, "at least one workflow exists"

    for logical, path in files.items():
        # WHEN its state machine is looked up
        machine = machines[names.state_machine(logical)]

        # THEN the definition is the file's, every placeholder has a value, and it is traced
        definition = machine["DefinitionString"]
        assert json.loads(definition) == json.loads(path.read_text())
        values = machine["DefinitionSubstitutions"]
        assert set(values) == placeholders(definition)
        assert values == {k: v for k, v in substitutions(names).items() if k in values}
        resolved = render(logical, definition, values)
        assert not placeholders(resolved)
        assert all(value in resolved for value in values.values())
        assert machine["TracingConfiguration"] == {"Enabled": True}
        assert machine["LoggingConfiguration"]["Level"] == "ALL"
        assert machine["StateMachineType"] == "STANDARD"


def test_the_deferred_event_workflow_may_put_events_on_the_bus_only(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # GIVEN the events stack
    template = synthesis.template(stack_set.events)

    # WHEN the workflow role's statements are collected
    statements = [
        s
        for p in props(template, "AWS::IAM::Policy")
        if any(r["Ref"].startswith("WorkflowsDeferredEventRole") for r in p["Roles"])
        for s in p["PolicyDocument"]["Statement"]
    ]

    # THEN it may put events on the platform bus and nothing beyond logging and tracing
    put = [s for s in statements if s["Action"] == "events:PutEvents"]
    assert len(put) == 1
    (bus_id,) = resources(template, "AWS::Events::EventBus")
    assert put[0]["Resource"] == {"Fn::GetAtt": [bus_id, "Arn"]}
    others = {
        a
        for s in statements
        if s is not put[0]
        for a in ([s["Action"]] if isinstance(s["Action"], str) else s["Action"])
    }
    assert all(a.split(":")[0] in {"logs", "xray"} for a in others), others


def test_a_placeholder_without_a_value_fails_synthesis(tmp_path: Path) -> None:
    # GIVEN a workflow that refers to a value nobody defines
    import aws_cdk as cdk
    from aws_cdk import aws_kms as kms

    from infra.constructs.workflows import Workflows
    from shared.resources import ResourceNames

    (tmp_path / "orphan.asl.json").write_text(
        json.dumps(
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "${Nowhere}", "End": True}}}
        )
    )
    stack = cdk.Stack(cdk.App(), "W", env=cdk.Environment(region="eu-west-1"))

    # WHEN the workflows are built
    with pytest.raises(WorkflowDefinitionError) as error:
        Workflows(
            stack,
            "Workflows",
            names=ResourceNames("th"),
            key=kms.Key(stack, "K"),
            log_retention_days=30,
            directory=tmp_path,
        )

    # THEN the error names the file and the placeholder
    assert "orphan" in str(error.value) and "Nowhere" in str(error.value)


def test_every_scheduled_job_of_shared_has_a_schedule_and_a_consumer(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # GIVEN the jobs declared in shared (the nightly ideation reconcile among them)
    from shared.events.schedules import SCHEDULE_SOURCE, SCHEDULED_JOBS

    template = synthesis.template(stack_set.events)
    schedules = {s["Name"]: s for s in props(template, "AWS::Scheduler::Schedule")}
    assert "ideation_reconcile" in {job.name for job in SCHEDULED_JOBS}
    for job in SCHEDULED_JOBS:
        # THEN each is a schedule putting its event on the bus...
        schedule = schedules[f"{stack_set.deployment.prefix}-{job.name}".replace("_", "-")]
        assert schedule["ScheduleExpression"] == job.expression
        assert schedule["Target"]["EventBridgeParameters"]["DetailType"] == job.detail_type
        # ...that some consumer's rule picks up
        assert any(
            job.detail_type in c.detail_types and c.event_pattern()["source"] == [SCHEDULE_SOURCE]
            for c in CONSUMERS
        )


def test_a_scheduled_job_becomes_a_scheduler_schedule_on_the_bus() -> None:
    # GIVEN a recurring job
    import aws_cdk as cdk
    from aws_cdk.assertions import Template

    from infra.config import deployments
    from infra.stacks.events import EventsStack
    from shared.events.schedules import ScheduledJob

    (deployment,) = deployments({"townhall:regions": "eu-west-1", "townhall:stages": "staging"})
    job = ScheduledJob(
        "weekly_report", "cron(0 7 ? * MON *)", "insights.report.due", "Weekly admin report"
    )

    # WHEN the events stack is built with it
    stack = EventsStack(cdk.App(), "E", deployment=deployment, scheduled_jobs=(job,))
    template = Template.from_stack(stack).to_json()

    # THEN a schedule in the deployment's group puts the job's event on the platform bus
    (schedule,) = props(template, "AWS::Scheduler::Schedule")
    assert schedule["ScheduleExpression"] == "cron(0 7 ? * MON *)"
    assert schedule["ScheduleExpressionTimezone"] == "Europe/Brussels"
    (group,) = props(template, "AWS::Scheduler::ScheduleGroup")
    assert schedule["GroupName"] == group["Name"] == deployment.prefix
    assert schedule["Target"]["EventBridgeParameters"]["DetailType"] == "insights.report.due"


def test_mail_has_a_configuration_set_an_identity_and_feedback_on_the_bus(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # GIVEN the events stack
    template = synthesis.template(stack_set.events)

    # WHEN the SES resources are inspected
    (identity,) = props(template, "AWS::SES::EmailIdentity")
    (destination,) = props(template, "AWS::SES::ConfigurationSetEventDestination")
    feedback = next(
        r
        for r in props(template, "AWS::Events::Rule")
        if r.get("Name", "").endswith("mail-feedback")
    )

    # THEN the stage's domain sends, and bounces and complaints reach the platform bus
    assert identity["EmailIdentity"] == stack_set.deployment.stage.mail_domain
    events = destination["EventDestination"]["MatchingEventTypes"]
    assert {"bounce", "complaint"} <= set(events)
    assert feedback["EventPattern"]["source"] == ["aws.ses"]
    assert "Email Bounced" in feedback["EventPattern"]["detail-type"]
    (target,) = feedback["Targets"]
    (bus_id,) = resources(template, "AWS::Events::EventBus")
    assert target["Arn"] == {"Fn::GetAtt": [bus_id, "Arn"]}
    assert "DeadLetterConfig" in target


def test_the_input_export_workflow_may_invoke_the_export_worker_only(
    synthesis: Synthesis, stack_set: Any
) -> None:
    from infra.workflows import function_name

    # GIVEN the events stack and the function the API stack deploys
    template = synthesis.template(stack_set.events)
    worker = function_name(stack_set.deployment.names, "export_worker")
    assert stack_set.api.function_names["export_worker"] == worker

    # WHEN the workflow role's statements are collected
    statements = [
        s
        for p in props(template, "AWS::IAM::Policy")
        if any(r["Ref"].startswith("WorkflowsInputExportRole") for r in p["Roles"])
        for s in p["PolicyDocument"]["Statement"]
    ]

    # THEN it may invoke that one function (by name: no reference to the later API stack)
    invoke = [s for s in statements if s["Action"] == "lambda:InvokeFunction"]
    assert len(invoke) == 1
    arn = json.dumps(invoke[0]["Resource"])
    assert f":function:{worker}" in arn
    assert "*" not in arn
    # AND nothing beyond logging and tracing
    others = {
        a
        for s in statements
        if s is not invoke[0]
        for a in ([s["Action"]] if isinstance(s["Action"], str) else s["Action"])
    }
    assert all(a.split(":")[0] in {"logs", "xray"} for a in others), others
    # AND the definition names the same function
    (machine,) = [
        m
        for m in props(template, "AWS::StepFunctions::StateMachine")
        if m["StateMachineName"] == stack_set.deployment.names.state_machine("input_export")
    ]
    assert machine["DefinitionSubstitutions"]["ExportWorkerFunction"] == worker


@pytest.mark.parametrize(
    ("workflow", "task", "placeholder", "role"),
    [
        (
            "personal_data_export",
            "personal_data_worker",
            "PersonalDataWorkerFunction",
            "WorkflowsPersonalDataExportRole",
        ),
        (
            "account_deletion",
            "account_deletion_worker",
            "AccountDeletionWorkerFunction",
            "WorkflowsAccountDeletionRole",
        ),
    ],
)
def test_each_privacy_workflow_may_invoke_its_own_task_only(
    synthesis: Synthesis, stack_set: Any, workflow: str, task: str, placeholder: str, role: str
) -> None:
    from infra.workflows import function_name

    # GIVEN the events stack and the task function the API stack deploys
    template = synthesis.template(stack_set.events)
    worker = function_name(stack_set.deployment.names, task)
    assert stack_set.api.function_names[task] == worker
    # WHEN the workflow role's statements are collected
    statements = [
        s
        for p in props(template, "AWS::IAM::Policy")
        if any(r["Ref"].startswith(role) for r in p["Roles"])
        for s in p["PolicyDocument"]["Statement"]
    ]
    # THEN it may invoke that one function, and nothing beyond logging and tracing
    invoke = [s for s in statements if s["Action"] == "lambda:InvokeFunction"]
    assert len(invoke) == 1 and f":function:{worker}" in json.dumps(invoke[0]["Resource"])
    others = {
        a
        for s in statements
        if s is not invoke[0]
        for a in ([s["Action"]] if isinstance(s["Action"], str) else s["Action"])
    }
    assert all(a.split(":")[0] in {"logs", "xray"} for a in others), others
    (machine,) = [
        m
        for m in props(template, "AWS::StepFunctions::StateMachine")
        if m["StateMachineName"] == stack_set.deployment.names.state_machine(workflow)
    ]
    assert machine["DefinitionSubstitutions"][placeholder] == worker
