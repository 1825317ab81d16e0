"""The monitoring stack: the alarm topic, the alarms and one dashboard.

Every alarm here has a runbook entry in ``docs/operations.md`` under the
same name. Alarms notify the SNS topic, which mails the stage's alarm
address when one is configured (``townhall:<stage>:alarmEmail``).
"""

from __future__ import annotations

import aws_cdk as cdk
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_cloudwatch_actions as actions
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sns_subscriptions as subscriptions
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from infra.config import API_STAGE, Deployment
from infra.stacks.api import ApiStack
from infra.stacks.data import DataStack
from infra.stacks.events import EventsStack

FIVE_MINUTES = cdk.Duration.minutes(5)
API_5XX_RATE_PERCENT = 1
API_P99_LATENCY_MS = 3000


class MonitoringStack(cdk.Stack):
    """Alarms on the API, functions, queues, tables and workflows of one deployment."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        deployment: Deployment,
        data: DataStack,
        events_stack: EventsStack,
        api: ApiStack,
    ) -> None:
        super().__init__(
            scope,
            construct_id,
            env=cdk.Environment(account=deployment.account, region=deployment.region),
            description=f"Townhall {deployment.stage.name} monitoring ({deployment.region})",
        )
        stage = deployment.stage
        key = kms.Key(
            self,
            "AlarmsKey",
            alias=f"alias/{deployment.prefix}-alarms",
            description="Encrypts Townhall's alarm topic",
            enable_key_rotation=True,
        )
        self.topic = sns.Topic(
            self,
            "AlarmTopic",
            topic_name=f"{deployment.prefix}-alarms",
            master_key=key,
            enforce_ssl=True,
        )
        key.grant_encrypt_decrypt(iam.ServicePrincipal("cloudwatch.amazonaws.com"))
        if stage.alarm_email:
            undelivered = sqs.Queue(
                self,
                "UndeliveredAlarms",
                queue_name=f"{deployment.prefix}-undelivered-alarms",
                encryption=sqs.QueueEncryption.KMS,
                encryption_master_key=key,
                enforce_ssl=True,
                retention_period=cdk.Duration.days(14),
            )
            key.grant_encrypt_decrypt(iam.ServicePrincipal("sns.amazonaws.com"))
            cdk.Validations.of(undelivered).acknowledge(
                cdk.Acknowledgment(
                    id="AwsSolutions::AwsSolutions-SQS3",
                    reason="This is the dead-letter queue of the alarm e-mail subscription.",
                ),
                cdk.Acknowledgment(
                    id="Serverless::Serverless-SQSRedrivePolicy",
                    reason="This is a dead-letter queue; alarms in it are read, not redriven.",
                ),
            )
            self.topic.add_subscription(
                subscriptions.EmailSubscription(stage.alarm_email, dead_letter_queue=undelivered)
            )
        self.alarms: dict[str, cloudwatch.Alarm] = {}
        self.dashboard = cloudwatch.Dashboard(
            self,
            "Dashboard",
            dashboard_name=f"{deployment.prefix}-{deployment.region}",
            default_interval=cdk.Duration.hours(6),
        )
        self._api_alarms(deployment, api)
        self._function_alarms(api)
        self._queue_alarms(deployment, events_stack)
        self._table_alarms(deployment, data)
        self._workflow_alarms(deployment, events_stack)

    def _alarm(
        self,
        name: str,
        metric: cloudwatch.IMetric,
        threshold: float,
        description: str,
        evaluation_periods: int = 1,
        datapoints: int = 1,
    ) -> cloudwatch.Alarm:
        alarm = cloudwatch.Alarm(
            self,
            name,
            alarm_name=f"{self.stack_name}-{name}",
            alarm_description=f"{description} Runbook: docs/operations.md#{name.lower()}",
            metric=metric,
            threshold=threshold,
            evaluation_periods=evaluation_periods,
            datapoints_to_alarm=datapoints,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        alarm.add_alarm_action(actions.SnsAction(self.topic))
        alarm.add_ok_action(actions.SnsAction(self.topic))
        self.alarms[name] = alarm
        return alarm

    def _api_alarms(self, deployment: Deployment, api: ApiStack) -> None:
        dimensions = {"ApiName": api.rest_api_name, "Stage": API_STAGE}

        def metric(name: str, statistic: str) -> cloudwatch.Metric:
            return cloudwatch.Metric(
                namespace="AWS/ApiGateway",
                metric_name=name,
                dimensions_map=dimensions,
                statistic=statistic,
                period=FIVE_MINUTES,
            )

        rate = cloudwatch.MathExpression(
            expression="IF(requests > 20, 100 * errors / requests, 0)",
            using_metrics={"errors": metric("5XXError", "Sum"), "requests": metric("Count", "Sum")},
            label="5xx rate (%)",
            period=FIVE_MINUTES,
        )
        latency = metric("Latency", "p99")
        self._alarm(
            "Api5xxRate",
            rate,
            API_5XX_RATE_PERCENT,
            f"More than {API_5XX_RATE_PERCENT}% of API requests failed with 5xx.",
            evaluation_periods=3,
            datapoints=2,
        )
        self._alarm(
            "ApiLatencyP99",
            latency,
            API_P99_LATENCY_MS,
            f"The API's p99 latency is above {API_P99_LATENCY_MS} ms.",
            evaluation_periods=3,
            datapoints=3,
        )
        self.dashboard.add_widgets(
            cloudwatch.GraphWidget(title="API requests", left=[metric("Count", "Sum")], width=8),
            cloudwatch.GraphWidget(title="API 5xx rate (%)", left=[rate], width=8),
            cloudwatch.GraphWidget(
                title="API latency p50/p99",
                left=[metric("Latency", "p50"), latency],
                width=8,
            ),
        )

    def _function_alarms(self, api: ApiStack) -> None:
        errors, throttles = [], []
        for name, physical in api.function_names.items():
            ident = "".join(part.title() for part in name.split("_"))

            def metric(metric_name: str, physical: str = physical) -> cloudwatch.Metric:
                return cloudwatch.Metric(
                    namespace="AWS/Lambda",
                    metric_name=metric_name,
                    dimensions_map={"FunctionName": physical},
                    statistic="Sum",
                    period=FIVE_MINUTES,
                )

            self._alarm(
                f"{ident}Errors",
                metric("Errors"),
                5,
                f"The {name} function raised errors.",
                evaluation_periods=2,
                datapoints=2,
            )
            self._alarm(
                f"{ident}Throttles", metric("Throttles"), 1, f"The {name} function was throttled."
            )
            errors.append(metric("Errors"))
            throttles.append(metric("Throttles"))
        self.dashboard.add_widgets(
            cloudwatch.GraphWidget(title="Function errors", left=errors, width=8),
            cloudwatch.GraphWidget(title="Function throttles", left=throttles, width=8),
        )

    def _queue_alarms(self, deployment: Deployment, events_stack: EventsStack) -> None:
        """Metrics address resources by their derived names, so no stack exports pin them."""
        names = deployment.names

        def metric(metric_name: str, queue: str, statistic: str) -> cloudwatch.Metric:
            return cloudwatch.Metric(
                namespace="AWS/SQS",
                metric_name=metric_name,
                dimensions_map={"QueueName": queue},
                statistic=statistic,
                period=FIVE_MINUTES,
            )

        depths = []
        for name, consumer in events_stack.consumers.queues.items():
            ident = "".join(part.title() for part in name.split("_"))
            depth = metric(
                "ApproximateNumberOfMessagesVisible", names.dead_letter_queue(name), "Maximum"
            )
            self._alarm(
                f"{ident}DeadLetters",
                depth,
                1,
                f"Events for the {name} consumer failed {consumer.consumer.max_receive_count} "
                "times and wait in its dead-letter queue.",
            )
            depths.append(depth)
            depths.append(metric("ApproximateAgeOfOldestMessage", names.queue(name), "Maximum"))
        self.dashboard.add_widgets(
            cloudwatch.GraphWidget(title="Dead letters and queue age", left=depths, width=8)
        )

    def _table_alarms(self, deployment: Deployment, data: DataStack) -> None:
        widgets = []
        for index, logical in enumerate(data.tables):
            ident = "".join(part.title() for part in logical.split("_"))
            physical = deployment.names.table(logical)

            def metric(metric_name: str, table_name: str = physical) -> cloudwatch.Metric:
                return cloudwatch.Metric(
                    namespace="AWS/DynamoDB",
                    metric_name=metric_name,
                    dimensions_map={"TableName": table_name},
                    statistic="Sum",
                    period=FIVE_MINUTES,
                )

            throttled = cloudwatch.MathExpression(
                expression=f"reads{index} + writes{index}",
                using_metrics={
                    f"reads{index}": metric("ReadThrottleEvents"),
                    f"writes{index}": metric("WriteThrottleEvents"),
                },
                label=f"{logical} throttled requests",
                period=FIVE_MINUTES,
            )
            self._alarm(
                f"{ident}TableThrottles",
                throttled,
                1,
                f"Requests to the {logical} table were throttled.",
            )
            widgets.append(throttled)
        self.dashboard.add_widgets(
            cloudwatch.GraphWidget(title="DynamoDB throttles", left=widgets, width=8)
        )

    def _workflow_alarms(self, deployment: Deployment, events_stack: EventsStack) -> None:
        failed = []
        for logical in events_stack.workflows.machines:
            ident = "".join(part.title() for part in logical.split("_"))
            arn = self.format_arn(
                service="states",
                resource="stateMachine",
                resource_name=deployment.names.state_machine(logical),
                arn_format=cdk.ArnFormat.COLON_RESOURCE_NAME,
            )
            metric = cloudwatch.Metric(
                namespace="AWS/States",
                metric_name="ExecutionsFailed",
                dimensions_map={"StateMachineArn": arn},
                statistic="Sum",
                period=FIVE_MINUTES,
            )
            self._alarm(f"{ident}WorkflowFailures", metric, 1, f"A {logical} execution failed.")
            failed.append(metric)
        if failed:
            self.dashboard.add_widgets(
                cloudwatch.GraphWidget(title="Workflow failures", left=failed, width=8)
            )
