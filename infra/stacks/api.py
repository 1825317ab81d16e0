"""The API stack: the Chalice app (REST API and workers) with its roles and wiring.

The Chalice project is included through :class:`CachedChalice` (a
``chalice.cdk.Chalice``); this stack then gives every function its
deployment-specific settings, a CDK-defined least-privilege role, a log
group with retention, X-Ray tracing, and (for workers) the SQS event source
mapping of its consumer queue. The REST API gets a regional custom domain
with a TLS 1.2 security policy (the execute-api endpoint is disabled),
throttling, access logs, execution logs and request validation.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import aws_cdk as cdk
from aws_cdk import aws_apigateway as apigateway
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct

from infra.access import WorkerAccess, access_for
from infra.config import (
    BATCH_FUNCTIONS,
    LAMBDA_ARCHITECTURE,
    LAMBDA_RUNTIME,
    METRICS_NAMESPACE,
    TENANT_HOST_HEADER,
    Deployment,
    FunctionSizing,
)
from infra.constructs.chalice_app import CachedChalice
from infra.constructs.grants import (
    grant_erasure,
    grant_key,
    grant_listing,
    grant_objects,
    grant_tables,
)
from infra.constructs.retention import retention
from infra.packaging import ROOT
from infra.stacks.data import DataStack, bucket_name
from infra.stacks.events import EventsStack, configuration_set_name
from shared.config import Settings
from shared.events.consumers import CONSUMERS

API_HANDLER = "api_handler"
LIVE_ALIAS = "live"
ACCESS_LOG_FORMAT = {
    "requestId": "$context.requestId",
    "ip": "$context.identity.sourceIp",
    "requestTime": "$context.requestTime",
    "httpMethod": "$context.httpMethod",
    "resourcePath": "$context.resourcePath",
    "status": "$context.status",
    "protocol": "$context.protocol",
    "responseLength": "$context.responseLength",
    "integrationLatency": "$context.integrationLatency",
    "latency": "$context.responseLatency",
    "xrayTraceId": "$context.xrayTraceId",
    "userAgent": "$context.identity.userAgent",
}


def function_name(deployment: Deployment, chalice_name: str) -> str:
    return f"{deployment.prefix}-{chalice_name}".replace("_", "-")


class ApiStack(cdk.Stack):
    """The Chalice app of one deployment."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        deployment: Deployment,
        data: DataStack,
        events_stack: EventsStack,
    ) -> None:
        super().__init__(
            scope,
            construct_id,
            env=cdk.Environment(account=deployment.account, region=deployment.region),
            description=f"Townhall {deployment.stage.name} API and workers ({deployment.region})",
        )
        self.deployment = deployment
        self.rest_api_name = f"{deployment.prefix}-api"
        self.data = data
        self.events_stack = events_stack
        self.api_domain_name = cdk.CfnParameter(
            self,
            "ApiDomainName",
            type="String",
            description="Host name of the API origin behind CloudFront, e.g. "
            "api.townhall.example.org (a regional custom domain; the execute-api "
            "endpoint is disabled)",
            allowed_pattern=r"^[a-z0-9.-]+\.[a-z]{2,}$",
        )
        self.api_certificate_arn = cdk.CfnParameter(
            self,
            "ApiCertificateArn",
            type="String",
            description=f"ACM certificate in {deployment.region} for ApiDomainName",
            allowed_pattern=r"^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate/.+$",
        )
        self.key = kms.Key(
            self,
            "LogsKey",
            alias=f"alias/{deployment.prefix}-api-logs",
            description="Encrypts Townhall's function and API logs",
            enable_key_rotation=True,
        )
        self.key.grant_encrypt_decrypt(
            iam.ServicePrincipal(f"logs.{deployment.region}.amazonaws.com")
        )
        self.chalice = CachedChalice(self, "Chalice", source_dir=str(ROOT / "functions"))
        self.function_ids = self.chalice.function_ids()
        self.function_environment = self._environment()
        self.roles: dict[str, iam.Role] = {}
        self.event_sources: dict[str, lambda_.CfnEventSourceMapping] = {}
        self.log_groups: dict[str, logs.LogGroup] = {}
        self.function_names: dict[str, str] = {}
        for name, logical in self.function_ids.items():
            is_api = name == API_HANDLER
            sizing = (
                deployment.stage.api
                if is_api
                else deployment.stage.batch
                if name in BATCH_FUNCTIONS
                else deployment.stage.worker
            )
            self._configure_function(name, logical, sizing)
            if is_api:
                self._grant_api(self.roles[name])
            else:
                self._grant_worker(self.roles[name], access_for(name))
        self._wire_consumers()
        self._configure_rest_api()
        cdk.CfnOutput(self, "ApiOriginDomain", value=self.api_domain_name.value_as_string)

    # -- functions ---------------------------------------------------------------------

    def _environment(self) -> dict[str, str]:
        """Every setting of ``shared.config.Settings`` and every resource name.

        Names are derived, not imported from the other stacks, so no
        CloudFormation export pins them; only the secrets' ARNs (random suffix)
        are references.
        """
        deployment = self.deployment
        names = deployment.names
        stage = deployment.stage
        env = {
            "TOWNHALL_STAGE": stage.name,
            "TOWNHALL_RESOURCE_PREFIX": deployment.prefix,
            "TOWNHALL_SIGNING_KEY_SOURCE": f"secretsmanager:{self.data.signing_key.secret_arn}",
            "TOWNHALL_TENANT_HOST_HEADER": TENANT_HOST_HEADER,
            "TOWNHALL_ORIGIN_SECRET_SOURCE": self.data.origin_secret.secret_arn,
            "TOWNHALL_PLATFORM_SECRETS_KEY": self.data.key.key_arn,
            "TOWNHALL_MAIL_SENDER": f"no-reply@{stage.mail_domain}",
            "TOWNHALL_SES_CONFIGURATION_SET": configuration_set_name(deployment),
            "TOWNHALL_RESOURCE_BUS_EVENTS": names.event_bus,
            "POWERTOOLS_SERVICE_NAME": "townhall",
            "POWERTOOLS_METRICS_NAMESPACE": METRICS_NAMESPACE,
            "POWERTOOLS_LOG_LEVEL": "INFO",
        }
        for logical in self.data.tables:
            env[names.env("table", logical)[0]] = names.table(logical)
        for logical in self.data.buckets:
            env[names.env("bucket", logical)[0]] = bucket_name(deployment, logical)
        for logical in self.events_stack.consumers.queues:
            env[names.env("queue", logical)[0]] = names.queue(logical)
            env[f"TOWNHALL_RESOURCE_DLQ_{logical.upper()}"] = names.dead_letter_queue(logical)
        for logical in self.events_stack.workflows.machines:
            env[names.env("state_machine", logical)[0]] = names.state_machine(logical)
        return env

    def _configure_function(self, name: str, logical: str, sizing: FunctionSizing) -> None:
        physical = function_name(self.deployment, name)
        ident = "".join(part.title() for part in name.split("_"))
        log_group = logs.LogGroup(
            self,
            f"{ident}Logs",
            log_group_name=f"/aws/lambda/{physical}",
            retention=retention(self.deployment.stage.log_retention_days),
            encryption_key=self.key,
        )
        role = iam.Role(
            self,
            f"{ident}Role",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            description=f"Least privilege for the {name} function",
        )
        log_group.grant_write(role)
        role.add_to_policy(
            iam.PolicyStatement(
                actions=["xray:PutTraceSegments", "xray:PutTelemetryRecords"], resources=["*"]
            )
        )
        cdk.Validations.of(role).acknowledge(
            cdk.Acknowledgment(
                id="AwsSolutions::AwsSolutions-IAM5[Resource::*]",
                reason="X-Ray's PutTraceSegments and PutTelemetryRecords support no "
                "resource-level permissions; the other statements are scoped.",
            )
        )
        function = self.chalice.get_resource(logical)
        properties: dict[str, Any] = {
            "FunctionName": physical,
            "Runtime": LAMBDA_RUNTIME,
            "Architectures": [LAMBDA_ARCHITECTURE],
            "MemorySize": sizing.memory_mb,
            "Timeout": sizing.timeout_seconds,
            "Tracing": "Active",
            "Role": role.role_arn,
            "LoggingConfig": {"LogGroup": log_group.log_group_name, "LogFormat": "JSON"},
        }
        if sizing.reserved_concurrency is not None:
            properties["ReservedConcurrentExecutions"] = sizing.reserved_concurrency
        if sizing.provisioned_concurrency:
            properties["AutoPublishAlias"] = LIVE_ALIAS
            properties["ProvisionedConcurrencyConfig"] = {
                "ProvisionedConcurrentExecutions": sizing.provisioned_concurrency
            }
        for key, value in properties.items():
            function.add_property_override(key, value)
        for key, value in self.function_environment.items():
            self.chalice.add_environment_variable(key, value, logical)
        function.node.add_dependency(role)
        self.roles[name] = role
        self.log_groups[name] = log_group
        self.function_names[name] = physical

    def _grant_api(self, role: iam.Role) -> None:
        """The API serves every domain: all tables, both buckets, the bus, the workflows."""
        deployment, names = self.deployment, self.deployment.names
        grant_tables(role, [names.table(t) for t in self.data.tables], write=True)
        grant_objects(role, [bucket_name(deployment, b) for b in self.data.buckets], write=True)
        grant_key(role, self.data.key)
        self._grant_secrets(role, self.data.signing_key, self.data.origin_secret)
        self._grant_platform_secrets(role)
        self._grant_publish(role)
        self._grant_workflows(role, list(self.events_stack.workflows.machines))
        self._grant_email(role)

    def _grant_worker(self, role: iam.Role, access: WorkerAccess) -> None:
        """A worker gets exactly what ``infra/access.py`` declares for it."""
        deployment, names = self.deployment, self.deployment.names
        read_only = set(access.read_tables) - set(access.write_tables)
        grant_tables(role, [names.table(t) for t in read_only], write=False)
        grant_tables(role, [names.table(t) for t in access.write_tables], write=True)
        read_buckets = set(access.read_buckets) - set(access.write_buckets)
        grant_objects(role, [bucket_name(deployment, b) for b in read_buckets], write=False)
        grant_objects(role, [bucket_name(deployment, b) for b in access.write_buckets], write=True)
        grant_listing(role, [bucket_name(deployment, b) for b in access.list_buckets])
        grant_erasure(role, [bucket_name(deployment, b) for b in access.erase_buckets])
        buckets = access.read_buckets or access.write_buckets or access.erase_buckets
        if access.read_tables or access.write_tables or buckets:
            grant_key(role, self.data.key)
        if access.publish_events:
            self._grant_publish(role)
        if access.send_email:
            self._grant_email(role)
        if access.read_signing_key:
            self._grant_secrets(role, self.data.signing_key)
        self._grant_workflows(role, list(access.start_workflows))

    def _grant_secrets(self, role: iam.Role, *secrets: secretsmanager.ISecret) -> None:
        """Read access in the role's own policy.

        ``Secret.grant_read`` would also add the role to the data key's policy in
        the data stack, which would make the data stack depend on this one. The
        key policy already delegates to IAM, so the role's policy is enough.
        """
        role.add_to_policy(
            iam.PolicyStatement(
                actions=["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
                resources=[secret.secret_arn for secret in secrets],
            )
        )
        grant_key(role, self.data.key, encrypt=False)

    def _grant_platform_secrets(self, role: iam.Role) -> None:
        """The platforms' own secrets (code-hashing keys, OIDC client secrets), by name prefix.

        The API creates them on first use, encrypted with the data key
        (``TOWNHALL_PLATFORM_SECRETS_KEY``), and replaces a client secret
        when an admin sets a new one; nothing else may reach the prefix.
        """
        prefix = Settings(resource_prefix=self.deployment.prefix).platform_secrets_prefix
        role.add_to_policy(
            iam.PolicyStatement(
                actions=[
                    "secretsmanager:CreateSecret",
                    "secretsmanager:PutSecretValue",
                    "secretsmanager:GetSecretValue",
                    "secretsmanager:DescribeSecret",
                ],
                resources=[
                    self.format_arn(
                        service="secretsmanager",
                        resource="secret",
                        resource_name=f"{prefix}/*",
                        arn_format=cdk.ArnFormat.COLON_RESOURCE_NAME,
                    )
                ],
            )
        )
        grant_key(role, self.data.key)
        cdk.Validations.of(role).acknowledge(
            cdk.Acknowledgment(
                id=f"AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:"
                f"{self.region}:<AWS::AccountId>:secret:{prefix}/*]",
                reason="Each platform's secrets are created at run time, when an admin sets "
                "up verification; the prefix holds nothing else.",
            )
        )

    def _grant_publish(self, role: iam.Role) -> None:
        bus_arn = self.format_arn(
            service="events", resource="event-bus", resource_name=self.deployment.names.event_bus
        )
        role.add_to_policy(iam.PolicyStatement(actions=["events:PutEvents"], resources=[bus_arn]))
        grant_key(role, self.events_stack.key)

    def _grant_workflows(self, role: iam.Role, workflows: list[str]) -> None:
        if not workflows:
            return
        arns = [
            self.format_arn(
                service="states",
                resource="stateMachine",
                resource_name=self.deployment.names.state_machine(w),
                arn_format=cdk.ArnFormat.COLON_RESOURCE_NAME,
            )
            for w in workflows
        ]
        role.add_to_policy(iam.PolicyStatement(actions=["states:StartExecution"], resources=arns))

    def _grant_email(self, role: iam.Role) -> None:
        stage = self.deployment.stage
        role.add_to_policy(
            iam.PolicyStatement(
                actions=["ses:SendEmail", "ses:SendRawEmail"],
                resources=[
                    self.format_arn(
                        service="ses", resource="identity", resource_name=stage.mail_domain
                    ),
                    self.format_arn(
                        service="ses",
                        resource="configuration-set",
                        resource_name=configuration_set_name(self.deployment),
                    ),
                ],
            )
        )

    def _wire_consumers(self) -> None:
        """Each consumer's queue drives its Chalice function, reporting partial failures."""
        names = self.deployment.names
        for consumer in CONSUMERS:
            if consumer.function not in self.function_ids:
                raise LookupError(
                    f"consumer {consumer.name!r} needs the Chalice lambda_function "
                    f"{consumer.function!r}, which the app does not define"
                )
            queue = names.queue(consumer.name)
            queue_arn = f"arn:{self.partition}:sqs:{self.region}:{self.account}:{queue}"
            role = self.roles[consumer.function]
            role.add_to_policy(
                iam.PolicyStatement(
                    actions=[
                        "sqs:ReceiveMessage",
                        "sqs:DeleteMessage",
                        "sqs:ChangeMessageVisibility",
                        "sqs:GetQueueAttributes",
                    ],
                    resources=[queue_arn],
                )
            )
            grant_key(role, self.events_stack.key, encrypt=False)
            ident = "".join(part.title() for part in consumer.name.split("_"))
            mapping = lambda_.CfnEventSourceMapping(
                self,
                f"{ident}EventSource",
                function_name=self.function_names[consumer.function],
                event_source_arn=queue_arn,
                batch_size=consumer.batch_size,
                maximum_batching_window_in_seconds=1,
                function_response_types=["ReportBatchItemFailures"],
                scaling_config=lambda_.CfnEventSourceMapping.ScalingConfigProperty(
                    maximum_concurrency=max(
                        2, self.deployment.stage.worker.reserved_concurrency or 2
                    )
                ),
            )
            mapping.node.add_dependency(self.chalice)
            mapping.node.add_dependency(role)
            cdk.Validations.of(mapping).acknowledge(
                cdk.Acknowledgment(
                    id="Serverless::Serverless-LambdaEventSourceMappingDestination",
                    reason="SQS event sources take no on-failure destination; a message "
                    "that keeps failing moves to the queue's redrive DLQ, which is alarmed.",
                )
            )
            self.event_sources[consumer.name] = mapping

    # -- REST API ----------------------------------------------------------------------

    def _definition_body(self) -> dict[str, Any]:
        """Chalice's swagger with request validation, and the alias when it is provisioned."""
        body = self.chalice.swagger()
        body["x-amazon-apigateway-request-validators"] = {
            "params": {"validateRequestParameters": True, "validateRequestBody": False}
        }
        body["x-amazon-apigateway-request-validator"] = "params"
        if self.deployment.stage.api.provisioned_concurrency:
            text = json.dumps(body).replace("${APIHandler.Arn}", "${APIHandler.Arn}:" + LIVE_ALIAS)
            body = json.loads(text)
        return copy.deepcopy(body)

    def _configure_rest_api(self) -> None:
        stage = self.deployment.stage
        access_logs = logs.LogGroup(
            self,
            "ApiAccessLogs",
            retention=retention(stage.log_retention_days),
            encryption_key=self.key,
        )
        cloudwatch_role = iam.Role(
            self,
            "ApiGatewayLogsRole",
            assumed_by=iam.ServicePrincipal("apigateway.amazonaws.com"),
            managed_policies=[
                iam.ManagedPolicy.from_aws_managed_policy_name(
                    "service-role/AmazonAPIGatewayPushToCloudWatchLogs"
                )
            ],
        )
        cdk.Validations.of(cloudwatch_role).acknowledge(
            cdk.Acknowledgment(
                id="AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:"
                "policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]",
                reason="AWS's own policy for API Gateway's account-level logging role; "
                "API Gateway writes to log groups it names itself.",
            )
        )
        account = apigateway.CfnAccount(
            self, "ApiGatewayAccount", cloud_watch_role_arn=cloudwatch_role.role_arn
        )
        api = self.chalice.get_resource("RestAPI")
        overrides: dict[str, Any] = {
            "Name": self.rest_api_name,
            "DefinitionBody": self._definition_body(),
            "EndpointConfiguration": {"Type": "REGIONAL"},
            "DisableExecuteApiEndpoint": True,
            "TracingEnabled": True,
            "AccessLogSetting": {
                "DestinationArn": access_logs.log_group_arn,
                "Format": json.dumps(ACCESS_LOG_FORMAT, separators=(",", ":")),
            },
            "MethodSettings": [
                {
                    "ResourcePath": "/*",
                    "HttpMethod": "*",
                    "ThrottlingRateLimit": stage.api_rate_limit,
                    "ThrottlingBurstLimit": stage.api_burst_limit,
                    "LoggingLevel": "ERROR",
                    "MetricsEnabled": True,
                    "DataTraceEnabled": False,
                }
            ],
            "Domain": {
                "DomainName": self.api_domain_name.value_as_string,
                "CertificateArn": self.api_certificate_arn.value_as_string,
                "EndpointConfiguration": "REGIONAL",
                "SecurityPolicy": "TLS_1_2",
            },
        }
        for key, value in overrides.items():
            api.add_property_override(key, value)
        api.node.add_dependency(account)
        if stage.api.provisioned_concurrency:
            permission = self.chalice.get_resource("APIHandlerInvokePermission")
            permission.add_property_override(
                "FunctionName", {"Fn::Sub": "${APIHandler.Arn}:" + LIVE_ALIAS}
            )
            # SAM names the alias it publishes <Function>Alias<alias>.
            permission.add_override("DependsOn", [f"APIHandlerAlias{LIVE_ALIAS}"])
            cdk.Validations.of(permission).acknowledge(
                cdk.Acknowledgment(
                    id="CloudFormation-Validate::F1020",
                    reason=f"APIHandlerAlias{LIVE_ALIAS} is created by the SAM transform "
                    "(AutoPublishAlias), which CDK's template check does not expand.",
                )
            )
        self.access_logs = access_logs
        for rule, reason in (
            (
                "AwsSolutions::AwsSolutions-APIG3",
                "WAF sits on CloudFront, the only way in: "
                "the execute-api endpoint is disabled and the app refuses requests without the "
                "CloudFront origin secret.",
            ),
            (
                "AwsSolutions::AwsSolutions-APIG4",
                "Authentication is the app's (signed JWTs "
                "checked per route by shared/permissions); API Gateway authorizers cannot see "
                "tenant-bound audiences.",
            ),
            (
                "AwsSolutions::AwsSolutions-COG4",
                "Townhall has its own identity domain, not "
                "Cognito (docs/adr/0002-infrastructure.md).",
            ),
        ):
            cdk.Validations.of(self.chalice).acknowledge(cdk.Acknowledgment(id=rule, reason=reason))
