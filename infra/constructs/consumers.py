"""One SQS queue with a dead-letter queue per event consumer, fed by a bus rule.

Derived from :data:`shared.events.consumers.CONSUMERS` at synth time, the same
list the dev runner's event pump reads, so a consumer added in ``shared``
gets its queue, DLQ and rule here without editing the stacks.
"""

from __future__ import annotations

from dataclasses import dataclass

import aws_cdk as cdk
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_kms as kms
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from shared.events.consumers import CONSUMERS, Consumer
from shared.resources import ResourceNames

DLQ_RETENTION = cdk.Duration.days(14)


@dataclass(frozen=True)
class ConsumerQueue:
    consumer: Consumer
    queue: sqs.Queue
    dead_letter_queue: sqs.Queue
    rule: events.Rule


def visibility_timeout(function_timeout_seconds: int) -> cdk.Duration:
    """AWS's guidance: at least six times the function timeout for SQS event sources."""
    return cdk.Duration.seconds(6 * function_timeout_seconds)


class ConsumerQueues(Construct):
    """Queues, DLQs and rules of every consumer."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        names: ResourceNames,
        bus: events.IEventBus,
        key: kms.IKey,
        worker_timeout_seconds: int,
        consumers: tuple[Consumer, ...] = CONSUMERS,
    ) -> None:
        super().__init__(scope, construct_id)
        self.queues: dict[str, ConsumerQueue] = {}
        for consumer in consumers:
            ident = "".join(part.title() for part in consumer.name.split("_"))
            dlq = sqs.Queue(
                self,
                f"{ident}DeadLetterQueue",
                queue_name=names.dead_letter_queue(consumer.name),
                encryption=sqs.QueueEncryption.KMS,
                encryption_master_key=key,
                enforce_ssl=True,
                retention_period=DLQ_RETENTION,
            )
            cdk.Validations.of(dlq).acknowledge(
                cdk.Acknowledgment(
                    id="AwsSolutions::AwsSolutions-SQS3",
                    reason="This is the dead-letter queue; its depth is alarmed on.",
                ),
                cdk.Acknowledgment(
                    id="Serverless::Serverless-SQSRedrivePolicy",
                    reason="This is the dead-letter queue; messages are redriven by an "
                    "operator (docs/operations.md) after the cause is fixed.",
                ),
            )
            queue = sqs.Queue(
                self,
                f"{ident}Queue",
                queue_name=names.queue(consumer.name),
                encryption=sqs.QueueEncryption.KMS,
                encryption_master_key=key,
                enforce_ssl=True,
                visibility_timeout=visibility_timeout(worker_timeout_seconds),
                dead_letter_queue=sqs.DeadLetterQueue(
                    queue=dlq, max_receive_count=consumer.max_receive_count
                ),
            )
            pattern = consumer.event_pattern()
            rule = events.Rule(
                self,
                f"{ident}Rule",
                rule_name=f"{names.prefix}-{consumer.name}".replace("_", "-"),
                event_bus=bus,
                event_pattern=events.EventPattern(
                    source=pattern["source"], detail_type=pattern["detail-type"]
                ),
                targets=[targets.SqsQueue(queue, dead_letter_queue=dlq)],
            )
            self.queues[consumer.name] = ConsumerQueue(consumer, queue, dlq, rule)
