"""The Chalice app in CloudFormation: functions, roles, event sources and the REST API."""

from __future__ import annotations

import json
from typing import Any

import pytest

from infra.access import WORKERS, UndeclaredWorkerError, access_for
from infra.config import (
    BATCH_FUNCTIONS,
    LAMBDA_ARCHITECTURE,
    LAMBDA_RUNTIME,
    TENANT_HOST_HEADER,
)
from infra.workflows import STEP_FUNCTIONS_DIR
from shared.config import Settings
from shared.events.consumers import CONSUMERS
from tests.infra.conftest import Synthesis, props, resources

pytestmark = pytest.mark.infra


def _functions(synthesis: Synthesis, stack_set: Any) -> dict[str, dict[str, Any]]:
    template = synthesis.template(stack_set.api)
    return {
        r["Properties"]["FunctionName"]: r["Properties"]
        for r in resources(template, "AWS::Serverless::Function").values()
    }


def _policy_statements(template: dict[str, Any], role_prefix: str) -> list[dict[str, Any]]:
    statements: list[dict[str, Any]] = []
    for policy in props(template, "AWS::IAM::Policy"):
        if any(r["Ref"].startswith(role_prefix) for r in policy["Roles"]):
            statements += policy["PolicyDocument"]["Statement"]
    return statements


def test_every_function_has_a_deliberate_runtime_size_and_tracing(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # GIVEN the stage's sizing
    stage = stack_set.deployment.stage

    # WHEN the API stack is synthesised
    functions = _functions(synthesis, stack_set)

    # THEN every Chalice function (API handler and workers) carries it
    assert set(functions) == set(stack_set.api.function_names.values())
    for name, function in functions.items():
        batch = any(name.endswith("-" + job.replace("_", "-")) for job in BATCH_FUNCTIONS)
        sizing = (
            stage.api if name.endswith("-api-handler") else stage.batch if batch else stage.worker
        )
        assert function["Runtime"] == LAMBDA_RUNTIME
        assert function["Architectures"] == [LAMBDA_ARCHITECTURE]
        assert function["Tracing"] == "Active"
        assert function["MemorySize"] == sizing.memory_mb
        assert function["Timeout"] == sizing.timeout_seconds
        assert function["ReservedConcurrentExecutions"] == sizing.reserved_concurrency
        assert function["LoggingConfig"]["LogFormat"] == "JSON"
        if sizing.provisioned_concurrency:
            assert function["AutoPublishAlias"] == "live"
            assert function["ProvisionedConcurrencyConfig"] == {
                "ProvisionedConcurrentExecutions": sizing.provisioned_concurrency
            }
        else:
            assert "ProvisionedConcurrencyConfig" not in function


def test_function_logs_have_the_stage_retention(synthesis: Synthesis, stack_set: Any) -> None:
    # GIVEN the API stack
    template = synthesis.template(stack_set.api)

    # WHEN its log groups are inspected
    groups = {
        p.get("LogGroupName"): p
        for p in props(template, "AWS::Logs::LogGroup")
        if p.get("LogGroupName")
    }

    # THEN every function has its log group with the stage's retention, KMS-encrypted
    for physical in stack_set.api.function_names.values():
        group = groups[f"/aws/lambda/{physical}"]
        assert group["RetentionInDays"] == stack_set.deployment.stage.log_retention_days
        assert "KmsKeyId" in group


def test_the_environment_names_every_resource_the_stacks_create(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # GIVEN the environment of the API handler, parsed the way the functions parse it
    function = next(
        f for n, f in _functions(synthesis, stack_set).items() if n.endswith("-api-handler")
    )
    env = function["Environment"]["Variables"]
    settings = Settings.from_env({k: v for k, v in env.items() if isinstance(v, str)})
    data = synthesis.template(stack_set.data)
    events = synthesis.template(stack_set.events)

    # THEN the names the functions derive are the names of the synthesised resources
    assert settings.stage == stack_set.deployment.stage.name
    assert settings.tenant_host_header == TENANT_HOST_HEADER
    tables = {p["TableName"] for p in props(data, "AWS::DynamoDB::GlobalTable")}
    assert {settings.names.table(t) for t in stack_set.data.tables} == tables
    queues = {p["QueueName"] for p in props(events, "AWS::SQS::Queue")}
    for consumer in CONSUMERS:
        assert settings.names.queue(consumer.name) in queues
        assert settings.names.dead_letter_queue(consumer.name) in queues
    machines = {p["StateMachineName"] for p in props(events, "AWS::StepFunctions::StateMachine")}
    assert {
        settings.names.state_machine(w) for w in stack_set.events.workflows.machines
    } == machines
    (bus,) = props(events, "AWS::Events::EventBus")
    assert settings.names.event_bus == bus["Name"]
    (config_set,) = props(events, "AWS::SES::ConfigurationSet")
    assert settings.ses_configuration_set == config_set["Name"]
    assert settings.mail_sender == f"no-reply@{stack_set.deployment.stage.mail_domain}"
    # Buckets and secrets carry account-specific values, resolved by CloudFormation.
    buckets = [p["BucketName"] for p in props(data, "AWS::S3::Bucket") if "BucketName" in p]
    for logical in stack_set.data.buckets:
        assert env[f"TOWNHALL_RESOURCE_BUCKET_{logical.upper()}"] in buckets
    assert "secretsmanager:" in json.dumps(env["TOWNHALL_SIGNING_KEY_SOURCE"])
    assert "TOWNHALL_ORIGIN_SECRET_SOURCE" in env


def test_secrets_are_generated_by_secrets_manager_never_written(synthesis: Synthesis) -> None:
    # GIVEN every synthesised template
    secrets = [
        p for t in synthesis.templates.values() for p in props(t, "AWS::SecretsManager::Secret")
    ]

    # THEN each secret is generated at deploy time and KMS-encrypted; none carries a value
    assert secrets
    for secret in secrets:
        assert "GenerateSecretString" in secret
        assert "SecretString" not in secret
        assert "KmsKeyId" in secret


def test_each_worker_role_reaches_only_what_it_declares(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # GIVEN the worker functions and their declared access
    template = synthesis.template(stack_set.api)
    names = stack_set.deployment.names
    workers = [n for n in stack_set.api.function_names if n != "api_handler"]
    assert workers, "the app defines at least one worker"

    for worker in workers:
        access = access_for(worker)
        ident = "".join(p.title() for p in worker.split("_"))

        # WHEN its role's statements are collected
        statements = _policy_statements(template, f"{ident}Role")
        text = json.dumps(statements)

        # THEN table access is limited to the declared tables, and nothing else is reachable
        allowed = {names.table(t) for t in (*access.read_tables, *access.write_tables)}
        for table in stack_set.data.tables:
            assert (f"table/{names.table(table)}" in text) is (names.table(table) in allowed)
        writes = {
            a
            for s in statements
            for a in ([s["Action"]] if isinstance(s["Action"], str) else s["Action"])
        }
        if not access.write_tables:
            assert not writes & {"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"}
        assert ("ses:SendEmail" in writes) is access.send_email
        assert ("events:PutEvents" in writes) is access.publish_events
        assert not any(a.endswith("*") for a in writes)


def test_a_worker_without_declared_access_is_refused() -> None:
    # GIVEN a function nobody declared
    # WHEN its access is looked up
    with pytest.raises(UndeclaredWorkerError) as error:
        access_for("image_resizer", workers=dict(WORKERS))

    # THEN synthesis would stop with a message naming the function
    assert "image_resizer" in str(error.value)


def test_each_consumer_queue_drives_its_function_with_partial_failures(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # GIVEN the consumers registered in shared
    template = synthesis.template(stack_set.api)
    names = stack_set.deployment.names

    # WHEN the event source mappings are inspected
    mappings = props(template, "AWS::Lambda::EventSourceMapping")

    # THEN each consumer's queue feeds its Chalice function and reports batch item failures
    assert len(mappings) == len(CONSUMERS)
    for consumer in CONSUMERS:
        mapping = next(
            m
            for m in mappings
            if m["FunctionName"] == stack_set.api.function_names[consumer.function]
        )
        assert json.dumps(mapping["EventSourceArn"]).endswith(f':{names.queue(consumer.name)}"]]}}')
        assert mapping["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
        assert mapping["BatchSize"] == consumer.batch_size


def test_the_rest_api_is_regional_tls12_throttled_logged_and_validated(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # GIVEN the stage's limits
    stage = stack_set.deployment.stage

    # WHEN the REST API is synthesised
    (api,) = props(synthesis.template(stack_set.api), "AWS::Serverless::Api")

    # THEN it is reachable only through its TLS 1.2 custom domain, throttled, logged and traced
    assert api["DisableExecuteApiEndpoint"] is True
    assert api["EndpointConfiguration"] == {"Type": "REGIONAL"}
    assert api["Domain"]["SecurityPolicy"] == "TLS_1_2"
    assert api["Domain"]["DomainName"] == {"Ref": "ApiDomainName"}
    assert api["TracingEnabled"] is True
    (method,) = api["MethodSettings"]
    assert method["ThrottlingRateLimit"] == stage.api_rate_limit
    assert method["ThrottlingBurstLimit"] == stage.api_burst_limit
    assert method["LoggingLevel"] == "ERROR"
    assert "DestinationArn" in api["AccessLogSetting"]
    assert "$context.requestId" in api["AccessLogSetting"]["Format"]
    body = api["DefinitionBody"]
    assert body["x-amazon-apigateway-request-validator"] == "params"
    assert body["x-amazon-apigateway-request-validators"]["params"]["validateRequestParameters"]
    uris = {
        json.dumps(op["x-amazon-apigateway-integration"]["uri"])
        for path in body["paths"].values()
        for op in path.values()
    }
    if stage.api.provisioned_concurrency:
        assert all("${APIHandler.Arn}:live" in uri for uri in uris)
    else:
        assert all("${APIHandler.Arn}/invocations" in uri for uri in uris)


def test_the_export_task_may_run_as_long_as_its_workflow_waits(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # GIVEN the input_export workflow's task timeout
    definition = json.loads((STEP_FUNCTIONS_DIR / "input_export.asl.json").read_text())
    waits = [s["TimeoutSeconds"] for s in definition["States"].values() if "TimeoutSeconds" in s]

    # WHEN the export worker is synthesised
    functions = _functions(synthesis, stack_set)
    worker = next(f for name, f in functions.items() if name.endswith("-export-worker"))

    # THEN it may run as long as the workflow lets its task run
    assert worker["Timeout"] >= max(waits)
    assert worker["Timeout"] == stack_set.deployment.stage.batch.timeout_seconds


def test_the_api_alone_reaches_the_platforms_secrets_by_prefix(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # GIVEN the API handler's role and environment
    template = synthesis.template(stack_set.api)
    prefix = Settings(resource_prefix=stack_set.deployment.prefix).platform_secrets_prefix
    statements = [
        s
        for s in _policy_statements(template, "ApiHandlerRole")
        if "secretsmanager:CreateSecret" in s["Action"]
    ]
    # THEN one statement creates, replaces and reads secrets under the platforms' prefix only
    (statement,) = statements
    assert sorted(statement["Action"]) == [
        "secretsmanager:CreateSecret",
        "secretsmanager:DescribeSecret",
        "secretsmanager:GetSecretValue",
        "secretsmanager:PutSecretValue",
    ]
    assert json.dumps(statement["Resource"]).endswith(f':secret:{prefix}/*"]]}}')
    # AND new secrets are encrypted with the data key the role may use
    function = next(
        f for n, f in _functions(synthesis, stack_set).items() if n.endswith("-api-handler")
    )
    assert "DataKey" in json.dumps(
        function["Environment"]["Variables"]["TOWNHALL_PLATFORM_SECRETS_KEY"]
    )
    # AND no worker reaches them
    for worker in (n for n in stack_set.api.function_names if n != "api_handler"):
        ident = "".join(p.title() for p in worker.split("_"))
        assert prefix not in json.dumps(_policy_statements(template, f"{ident}Role"))


def test_the_privacy_tasks_list_and_erase_only_the_buckets_they_declare(
    synthesis: Synthesis, stack_set: Any
) -> None:
    from infra.stacks.data import bucket_name

    # GIVEN the two privacy tasks' roles
    template = synthesis.template(stack_set.api)
    uploads = bucket_name(stack_set.deployment, "uploads")
    exports = bucket_name(stack_set.deployment, "exports")

    def actions_on(role: str) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for s in _policy_statements(template, role):
            actions = [s["Action"]] if isinstance(s["Action"], str) else s["Action"]
            for action in actions:
                found.setdefault(action, set()).add(json.dumps(s["Resource"]))
        return found

    # WHEN their statements are read
    archive = actions_on("PersonalDataWorkerRole")
    erase = actions_on("AccountDeletionWorkerRole")

    # THEN the archive task lists and reads the uploads, writes archives, erases nothing
    assert "s3:ListBucket" in archive and "s3:GetObject" in archive
    assert all("uploads" in r for r in archive["s3:ListBucket"])
    assert "s3:DeleteObjectVersion" not in archive
    assert any("exports" in r for r in archive["s3:PutObject"])
    assert "events:PutEvents" in archive
    # AND the erasure task erases every version in both buckets, but writes no objects
    erased = " ".join(erase["s3:DeleteObjectVersion"])
    assert "uploads" in erased and "exports" in erased
    assert "s3:PutObject" not in erase and "s3:GetObject" not in erase
    listed = " ".join(erase["s3:ListBucketVersions"])
    assert "/*" not in listed and "uploads" in listed and "exports" in listed
    assert uploads and exports
