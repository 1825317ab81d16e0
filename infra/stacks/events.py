"""The events stack: the platform bus, consumer queues, workflows, schedules, email.

Everything asynchronous lives here: the custom EventBridge bus the functions
publish to, one queue + DLQ + rule per consumer, the Step Functions state
machines loaded from ``step_functions/``, the EventBridge Scheduler group
for scheduled jobs, and SES (configuration set, sending identity, and the
bounce/complaint feedback forwarded onto the platform bus).
"""

from __future__ import annotations

from collections.abc import Callable

import aws_cdk as cdk
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_scheduler as scheduler
from aws_cdk import aws_scheduler_targets as scheduler_targets
from aws_cdk import aws_ses as ses
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from infra.config import Deployment
from infra.constructs.consumers import ConsumerQueues
from infra.constructs.workflows import Workflows
from infra.workflows import function_name
from shared.events.schedules import SCHEDULE_SOURCE, SCHEDULED_JOBS, ScheduledJob

# What each workflow's role may do, next to the resources it touches.
Grant = Callable[["EventsStack", iam.IGrantable], object]
WORKFLOW_GRANTS: dict[str, Grant] = {
    "deferred_event": lambda stack, role: stack.bus.grant_put_events_to(role),
    "input_export": lambda stack, role: grant_invoke(stack, role, "export_worker"),
    "personal_data_export": lambda stack, role: grant_invoke(stack, role, "personal_data_worker"),
    "account_deletion": lambda stack, role: grant_invoke(stack, role, "account_deletion_worker"),
}


def grant_invoke(stack: EventsStack, grantee: iam.IGrantable, chalice_name: str) -> None:
    """Invoke one task function (named, not referenced: the API stack comes later)."""
    arn = stack.format_arn(
        service="lambda",
        resource="function",
        resource_name=function_name(stack.names, chalice_name),
        arn_format=cdk.ArnFormat.COLON_RESOURCE_NAME,
    )
    grantee.grant_principal.add_to_principal_policy(
        iam.PolicyStatement(actions=["lambda:InvokeFunction"], resources=[arn])
    )


def configuration_set_name(deployment: Deployment) -> str:
    return f"{deployment.prefix}-mail"


SES_FEEDBACK_TYPES = ("Email Bounced", "Email Complaint Received", "Email Rejected")


class EventsStack(cdk.Stack):
    """Bus, queues, workflows, schedules and email of one deployment."""

    bus: events.EventBus

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        deployment: Deployment,
        scheduled_jobs: tuple[ScheduledJob, ...] = SCHEDULED_JOBS,
    ) -> None:
        super().__init__(
            scope,
            construct_id,
            env=cdk.Environment(account=deployment.account, region=deployment.region),
            description=f"Townhall {deployment.stage.name} events and workflows "
            f"({deployment.region})",
        )
        names = deployment.names
        self.names = names
        stage = deployment.stage
        self.key = kms.Key(
            self,
            "EventsKey",
            alias=f"alias/{deployment.prefix}-events",
            description="Encrypts Townhall's event bus, queues and workflow logs",
            enable_key_rotation=True,
        )
        for service in ("events", "sqs", f"logs.{deployment.region}", "states"):
            self.key.grant_encrypt_decrypt(iam.ServicePrincipal(f"{service}.amazonaws.com"))
        self.bus = events.EventBus(self, "Bus", event_bus_name=names.event_bus, kms_key=self.key)
        self.bus.archive(
            "Archive",
            archive_name=f"{deployment.prefix}-events",
            description="Replay source after a consumer bug",
            event_pattern=events.EventPattern(source=events.Match.prefix("townhall.")),
            retention=cdk.Duration.days(30),
        )
        self.consumers = ConsumerQueues(
            self,
            "Consumers",
            names=names,
            bus=self.bus,
            key=self.key,
            worker_timeout_seconds=stage.worker.timeout_seconds,
        )
        self.workflows = Workflows(
            self,
            "Workflows",
            names=names,
            key=self.key,
            log_retention_days=stage.log_retention_days,
        )
        for logical, machine in self.workflows.machines.items():
            grant = WORKFLOW_GRANTS.get(logical)
            if grant:
                grant(self, machine)
            cdk.Validations.of(machine.role).acknowledge(
                cdk.Acknowledgment(
                    id="AwsSolutions::AwsSolutions-IAM5[Resource::*]",
                    reason="CDK's X-Ray and log-delivery statements for Step Functions; "
                    "those actions support no resource-level permissions.",
                )
            )
        self._schedules(deployment, scheduled_jobs)
        self._email(deployment)

    def _schedules(self, deployment: Deployment, jobs: tuple[ScheduledJob, ...]) -> None:
        self.schedule_group = scheduler.ScheduleGroup(
            self, "Schedules", schedule_group_name=deployment.prefix
        )
        self.schedules: dict[str, scheduler.Schedule] = {}
        for job in jobs:
            self.schedules[job.name] = scheduler.Schedule(
                self,
                "".join(p.title() for p in job.name.split("_")) + "Schedule",
                schedule_name=f"{deployment.prefix}-{job.name}".replace("_", "-"),
                schedule_group=self.schedule_group,
                description=job.description,
                schedule=scheduler.ScheduleExpression.expression(
                    job.expression, cdk.TimeZone.EUROPE_BRUSSELS
                ),
                target=scheduler_targets.EventBridgePutEvents(
                    entry=scheduler_targets.EventBridgePutEventsEntry(
                        event_bus=self.bus,
                        source=SCHEDULE_SOURCE,
                        detail_type=job.detail_type,
                        detail=scheduler.ScheduleTargetInput.from_object({"job": job.name}),
                    ),
                ),
            )

    def _email(self, deployment: Deployment) -> None:
        stage = deployment.stage
        self.mail_identity = ses.EmailIdentity(
            self, "MailIdentity", identity=ses.Identity.domain(stage.mail_domain)
        )
        self.configuration_set = ses.ConfigurationSet(
            self,
            "MailConfigurationSet",
            configuration_set_name=configuration_set_name(deployment),
            reputation_metrics=True,
            sending_enabled=True,
            suppression_reasons=ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
            tls_policy=ses.ConfigurationSetTlsPolicy.REQUIRE,
        )
        default_bus = events.EventBus.from_event_bus_name(self, "DefaultBus", "default")
        self.mail_feedback_dlq = sqs.Queue(
            self,
            "MailFeedbackDeadLetters",
            queue_name=f"{deployment.prefix}-mail-feedback-dlq",
            encryption=sqs.QueueEncryption.KMS,
            encryption_master_key=self.key,
            enforce_ssl=True,
            retention_period=cdk.Duration.days(14),
        )
        cdk.Validations.of(self.mail_feedback_dlq).acknowledge(
            cdk.Acknowledgment(
                id="AwsSolutions::AwsSolutions-SQS3",
                reason="This is the dead-letter queue of the feedback forwarding rule.",
            ),
            cdk.Acknowledgment(
                id="Serverless::Serverless-SQSRedrivePolicy",
                reason="This is a dead-letter queue; an operator redrives it.",
            ),
        )
        # SES publishes to the default bus only; feedback is forwarded to the platform bus.
        self.configuration_set.add_event_destination(
            "Feedback",
            destination=ses.EventDestination.event_bus(default_bus),
            events=[
                ses.EmailSendingEvent.BOUNCE,
                ses.EmailSendingEvent.COMPLAINT,
                ses.EmailSendingEvent.REJECT,
                ses.EmailSendingEvent.DELIVERY,
            ],
        )
        self.mail_feedback_rule = events.Rule(
            self,
            "MailFeedbackRule",
            rule_name=f"{deployment.prefix}-mail-feedback",
            event_bus=default_bus,
            event_pattern=events.EventPattern(
                source=["aws.ses"],
                detail_type=list(SES_FEEDBACK_TYPES),
                detail={
                    "mail": {
                        "tags": {
                            "ses:configuration-set": [self.configuration_set.configuration_set_name]
                        }
                    }
                },
            ),
            targets=[targets.EventBus(self.bus, dead_letter_queue=self.mail_feedback_dlq)],
        )
