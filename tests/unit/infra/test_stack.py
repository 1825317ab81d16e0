"""The embedded stack's moto server and the environment that points clients at it."""

from __future__ import annotations

import json
import time
from pathlib import Path

import boto3
import requests

from infra.local import stack


def test_environment_points_everything_at_moto_with_fake_credentials(tmp_path):
    env = stack.local_environment("http://127.0.0.1:5999", 8123, tmp_path, {"EXTRA": "1"})
    assert env["AWS_ENDPOINT_URL"] == "http://127.0.0.1:5999"
    assert env["AWS_ACCESS_KEY_ID"] == "local" and env["AWS_REGION"] == "eu-west-1"
    assert env["TOWNHALL_STAGE"] == "local" and env["AWS_XRAY_SDK_ENABLED"] == "false"
    assert env["TOWNHALL_SIGNING_KEY_SOURCE"] == f"file:{tmp_path / 'keys' / 'signing.key'}"
    assert env["TOWNHALL_PUBLIC_STORAGE_ENDPOINT"] == "http://localhost:8123/_storage"
    assert env["TOWNHALL_SITE_PORT"] == "8123"  # links in emails point at the runner
    assert env["EXTRA"] == "1"


def test_stage_variables_cannot_override_the_stack():
    env = stack.local_environment("http://m", 1, Path("/s"), {"TOWNHALL_STAGE": "production"})
    assert env["TOWNHALL_STAGE"] == "local"


def test_applying_drops_real_profiles_and_keeps_chosen_log_level():
    target = {"AWS_PROFILE": "work", "POWERTOOLS_LOG_LEVEL": "DEBUG"}
    stack.apply_environment({"AWS_ENDPOINT_URL": "http://m"}, target)
    assert target == {"POWERTOOLS_LOG_LEVEL": "DEBUG", "AWS_ENDPOINT_URL": "http://m"}
    quiet: dict[str, str] = {}
    stack.apply_environment({}, quiet)
    assert quiet["POWERTOOLS_LOG_LEVEL"] == "WARNING"


def test_moto_starts_on_a_free_port_with_step_functions_executing():
    # GIVEN moto started by the stack and a state machine with a Pass state
    server, endpoint = stack.start_moto(0)
    try:
        assert endpoint.startswith("http://127.0.0.1:")
        sfn = boto3.client(
            "stepfunctions",
            region_name="eu-west-1",
            endpoint_url=endpoint,
            aws_access_key_id="local",
            aws_secret_access_key="local",
        )
        machine = sfn.create_state_machine(
            name="probe",
            definition=json.dumps(
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"x": 1}, "End": True}}}
            ),
            roleArn="arn:aws:iam::123456789012:role/probe",
        )["stateMachineArn"]
        # WHEN it runs THEN the ASL was really executed: the Pass state's result is the output
        execution = sfn.start_execution(stateMachineArn=machine)["executionArn"]
        deadline = time.monotonic() + 20
        described = sfn.describe_execution(executionArn=execution)
        while described["status"] == "RUNNING" and time.monotonic() < deadline:
            time.sleep(0.05)
            described = sfn.describe_execution(executionArn=execution)
        assert described["status"] == "SUCCEEDED"
        assert json.loads(described["output"]) == {"x": 1}
    finally:
        # moto's config is process-wide: leave the default for the other tests
        requests.post(
            f"{endpoint}/moto-api/config",
            json={"stepfunctions": {"execute_state_machine": False}},
        )
        requests.post(f"{endpoint}/moto-api/reset")
        server.stop()
