"""The local stack's resources come from the same definitions as the CDK app."""

from __future__ import annotations

from chalicelib import runtime
from infra.workflows import definition_files


def test_local_workflows_are_rendered_for_this_deployment(aws):
    # GIVEN every resource created on moto WHEN the state machines are read back
    client = runtime.client("stepfunctions")
    machines = {
        m["name"]: m["stateMachineArn"] for m in client.list_state_machines()["stateMachines"]
    }
    names = runtime.settings().names

    # THEN each ASL file has a machine whose placeholders are filled with this deployment's names
    for logical in definition_files():
        definition = client.describe_state_machine(
            stateMachineArn=machines[names.state_machine(logical)]
        )["definition"]
        assert "${" not in definition
    assert names.event_bus in "".join(
        client.describe_state_machine(stateMachineArn=arn)["definition"]
        for arn in machines.values()
    )


def test_every_consumer_has_a_queue_with_a_dead_letter_queue(aws):
    sqs = runtime.client("sqs")
    for consumer, url in aws.items():
        attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["RedrivePolicy"])[
            "Attributes"
        ]
        assert runtime.settings().names.dead_letter_queue(consumer) in attributes["RedrivePolicy"]
