"""Smoke test of the one shim that lets moto's ASL execution invoke Lambda in-process."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws

from infra.local import sfn_lambda

ROLE = "arn:aws:iam::123456789012:role/townhall-shim-test"
DEFINITION = {
    "StartAt": "Call",
    "States": {
        "Call": {
            "Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {"FunctionName": "shim-fn", "Payload": {"n.$": "$.n"}},
            "ResultSelector": {"answer.$": "$.Payload"},
            "Catch": [{"ErrorEquals": ["ValueError"], "ResultPath": "$.caught", "Next": "Caught"}],
            "End": True,
        },
        "Caught": {"Type": "Pass", "End": True},
    },
}


@pytest.fixture
def sfn() -> Iterator[Any]:
    with mock_aws(config={"stepfunctions": {"execute_state_machine": True}}):
        yield boto3.client("stepfunctions", region_name="eu-west-1")
    sfn_lambda.uninstall()


def _run(sfn: Any, payload: dict[str, Any]) -> dict[str, Any]:
    machine = sfn.create_state_machine(
        name=f"shim-{payload['n']}", definition=json.dumps(DEFINITION), roleArn=ROLE
    )["stateMachineArn"]
    execution = sfn.start_execution(stateMachineArn=machine, input=json.dumps(payload))
    for _ in range(200):  # bounded polling of an in-process interpreter, not a timing assertion
        described = sfn.describe_execution(executionArn=execution["executionArn"])
        if described["status"] != "RUNNING":
            return dict(described)
        time.sleep(0.02)
    raise AssertionError("the execution did not finish")


def test_a_registered_handler_answers_the_lambda_task(sfn: Any) -> None:
    # GIVEN a handler registered under the function's name
    seen: list[dict[str, Any]] = []

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        seen.append(event)
        return {"doubled": event["n"] * 2, "by": context.function_name}

    sfn_lambda.install({"shim-fn": handler})
    # WHEN a workflow invokes it
    described = _run(sfn, {"n": 21})
    # THEN the handler got the payload and its answer is the task's result
    assert described["status"] == "SUCCEEDED"
    assert seen == [{"n": 21}]
    assert json.loads(described["output"]) == {"answer": {"doubled": 42, "by": "shim-fn"}}


def test_a_handler_error_is_a_function_error_the_workflow_can_catch(sfn: Any) -> None:
    # GIVEN a handler that raises
    def handler(event: dict[str, Any], context: Any) -> None:
        raise ValueError("no good")

    sfn_lambda.install({"shim-fn": handler})
    # WHEN a workflow invokes it
    described = _run(sfn, {"n": 1})
    # THEN the Catch saw the exception's type as the error, its message in the cause
    assert described["status"] == "SUCCEEDED"
    caught = json.loads(described["output"])["caught"]
    assert caught["Error"] == "ValueError"
    assert json.loads(caught["Cause"])["errorMessage"] == "no good"


@pytest.mark.parametrize(
    ("reference", "name"),
    [
        ("fn", "fn"),
        ("fn:live", "fn"),
        ("arn:aws:lambda:eu-west-1:123456789012:function:fn", "fn"),
        ("arn:aws:lambda:eu-west-1:123456789012:function:fn:3", "fn"),
        ("123456789012:function:fn", "fn"),
    ],
)
def test_functions_are_found_by_name_arn_or_partial_arn(reference: str, name: str) -> None:
    assert sfn_lambda.function_name(reference) == name


def test_uninstalling_the_last_handler_restores_moto() -> None:
    # GIVEN the shim installed
    original = sfn_lambda._ORIGINAL
    sfn_lambda.install({"shim-fn": lambda event, context: None})
    assert sfn_lambda.lambda_eval_utils._invoke_lambda_function is sfn_lambda.invoke
    # WHEN its handlers are removed THEN moto's own invoke is back
    sfn_lambda.uninstall(["shim-fn"])
    assert sfn_lambda.lambda_eval_utils._invoke_lambda_function is original
