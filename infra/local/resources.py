"""Create every resource of a deployment on an AWS-compatible endpoint.

Used by the dev runner (moto's server) and by tests (``mock_aws``). Tables
come from the PynamoDB registry, buckets from :data:`shared.resources.BUCKETS`,
queues and rules from :data:`shared.events.consumers.CONSUMERS`, workflows
from ``step_functions/*.asl.json``: the same definitions the CDK app uses.
"""

from __future__ import annotations

import json
from typing import Any

from infra.workflows import rendered_definitions
from shared.config import Settings
from shared.db.registry import table_models, table_specs
from shared.events.consumers import CONSUMERS
from shared.resources import BUCKETS

LOCAL_ACCOUNT = "123456789012"


def _exists(error: Exception) -> bool:
    code = getattr(error, "response", {}).get("Error", {}).get("Code", "")
    return code in {
        "ResourceInUseException",
        "BucketAlreadyOwnedByYou",
        "BucketAlreadyExists",
        "ResourceAlreadyExistsException",
        "StateMachineAlreadyExists",
    }


def create_tables(settings: Settings, dynamodb: Any) -> None:
    specs = {spec.logical_name: spec for spec in table_specs()}
    existing = set(dynamodb.list_tables().get("TableNames", []))
    for logical, model in table_models().items():
        name = settings.names.table(logical)
        if name in existing:
            continue
        model.create_table(billing_mode="PAY_PER_REQUEST", wait=False)
        spec = specs[logical]
        if spec.ttl_attribute:
            dynamodb.update_time_to_live(
                TableName=name,
                TimeToLiveSpecification={"Enabled": True, "AttributeName": spec.ttl_attribute},
            )


def create_buckets(settings: Settings, s3: Any, origins: list[str]) -> None:
    for logical in BUCKETS:
        name = settings.names.bucket(logical)
        try:
            s3.create_bucket(
                Bucket=name, CreateBucketConfiguration={"LocationConstraint": settings.region}
            )
        except Exception as error:
            if not _exists(error):
                raise
        s3.put_bucket_cors(
            Bucket=name,
            CORSConfiguration={
                "CORSRules": [
                    {
                        "AllowedOrigins": origins or ["*"],
                        "AllowedMethods": ["GET", "POST", "PUT", "HEAD"],
                        "AllowedHeaders": ["*"],
                        "MaxAgeSeconds": 3000,
                    }
                ]
            },
        )


def create_events(settings: Settings, events: Any, sqs: Any) -> dict[str, str]:
    """The bus, and per consumer a queue with DLQ and a rule; returns queue URLs."""
    bus = settings.names.event_bus
    try:
        events.create_event_bus(Name=bus)
    except Exception as error:
        if not _exists(error):
            raise
    urls = {}
    for consumer in CONSUMERS:
        dlq_url = sqs.create_queue(QueueName=settings.names.dead_letter_queue(consumer.name))[
            "QueueUrl"
        ]
        dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])[
            "Attributes"
        ]["QueueArn"]
        url = sqs.create_queue(
            QueueName=settings.names.queue(consumer.name),
            Attributes={
                "VisibilityTimeout": "60",
                "RedrivePolicy": json.dumps(
                    {
                        "deadLetterTargetArn": dlq_arn,
                        "maxReceiveCount": str(consumer.max_receive_count),
                    }
                ),
            },
        )["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"][
            "QueueArn"
        ]
        rule = f"{settings.resource_prefix}-{consumer.name}"
        events.put_rule(
            Name=rule, EventBusName=bus, EventPattern=json.dumps(consumer.event_pattern())
        )
        events.put_targets(Rule=rule, EventBusName=bus, Targets=[{"Id": consumer.name, "Arn": arn}])
        urls[consumer.name] = url
    return urls


def create_workflows(settings: Settings, stepfunctions: Any) -> None:
    existing = {m["name"] for m in stepfunctions.list_state_machines()["stateMachines"]}
    for logical, definition in rendered_definitions(settings.names).items():
        name = settings.names.state_machine(logical)
        if name in existing:
            continue
        stepfunctions.create_state_machine(
            name=name,
            definition=definition,
            roleArn=f"arn:aws:iam::{LOCAL_ACCOUNT}:role/{settings.resource_prefix}-workflows",
        )


def create_mail_identity(settings: Settings, sesv2: Any) -> None:
    """SES only sends from verified identities; moto enforces that too."""
    sender = settings.mail_sender
    identities = {
        i["IdentityName"] for i in sesv2.list_email_identities().get("EmailIdentities", [])
    }
    if sender not in identities:
        sesv2.create_email_identity(EmailIdentity=sender)


def create_all(settings: Settings, client: Any, origins: list[str] | None = None) -> dict[str, str]:
    """Create everything; ``client(service)`` returns a boto3 client. Idempotent."""
    create_tables(settings, client("dynamodb"))
    create_mail_identity(settings, client("sesv2"))
    create_buckets(settings, client("s3"), origins or [])
    urls = create_events(settings, client("events"), client("sqs"))
    create_workflows(settings, client("stepfunctions"))
    return urls
