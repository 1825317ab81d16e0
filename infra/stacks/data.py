"""The data stack: what must outlive every other stack.

Tables (from the model registry), the upload and export buckets, the
customer-managed KMS key that encrypts them, the secrets the functions read,
and the AWS Backup plan. Everything here is retained on stack deletion and,
in production, protected against deletion.
"""

from __future__ import annotations

import aws_cdk as cdk
from aws_cdk import aws_backup as backup
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_events as events
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct

from infra.config import Deployment
from infra.constructs.buckets import log_bucket, secure_bucket
from infra.constructs.tables import RegistryTables
from shared.exports.models import PERSONAL_KEEP_DAYS
from shared.resources import BUCKETS

BACKUP_COPY_VAULT = "copies"


def bucket_name(deployment: Deployment, logical: str) -> str:
    """Bucket names are global: the account and region make them unique to this deployment.

    Deterministic (rather than CDK-generated) so that other stacks refer to a
    bucket by name, without a CloudFormation export pinning it.
    """
    return f"{deployment.prefix}-{logical}-{cdk.Aws.ACCOUNT_ID}-{deployment.region}"


def secret_name(deployment: Deployment, purpose: str) -> str:
    """Secrets have fixed names so other stacks can refer to them without exports."""
    return f"{deployment.prefix}/{purpose}"


class DataStack(cdk.Stack):
    """Tables, buckets, the data key, secrets and backups of one deployment."""

    def __init__(self, scope: Construct, construct_id: str, *, deployment: Deployment) -> None:
        super().__init__(
            scope,
            construct_id,
            env=cdk.Environment(account=deployment.account, region=deployment.region),
            termination_protection=deployment.stage.is_production,
            description=f"Townhall {deployment.stage.name} data ({deployment.region})",
        )
        stage = deployment.stage
        self.key = kms.Key(
            self,
            "DataKey",
            alias=f"alias/{deployment.prefix}-data",
            description="Encrypts Townhall's tables, buckets, secrets and backups",
            enable_key_rotation=True,
            removal_policy=cdk.RemovalPolicy.RETAIN,
        )
        self.registry = RegistryTables(
            self,
            "Tables",
            names=deployment.base_names,
            key=self.key,
            deletion_protection=stage.deletion_protection,
        )
        self.tables: dict[str, dynamodb.TableV2] = self.registry.tables

        self.access_logs = log_bucket(self, "AccessLogs", retention_days=stage.log_retention_days)
        methods = {
            "uploads": (s3.HttpMethods.GET, s3.HttpMethods.HEAD, s3.HttpMethods.POST),
            "exports": (s3.HttpMethods.GET, s3.HttpMethods.HEAD),
        }
        expiry = {"exports": 30}  # exports are regenerated on demand; they hold personal data
        # A resident's archive of their own data goes after a week (shared.privacy.exports).
        tagged = {"exports": (("retention", "personal-data", PERSONAL_KEEP_DAYS),)}
        self.buckets: dict[str, s3.Bucket] = {
            logical: secure_bucket(
                self,
                f"{logical.title()}Bucket",
                bucket_name=bucket_name(deployment, logical),
                key=self.key,
                logs=self.access_logs,
                cors_origins=stage.platform_origins,
                cors_methods=methods.get(logical, (s3.HttpMethods.GET,)),
                expire_current_after_days=expiry.get(logical),
                expire_tagged=tagged.get(logical, ()),
            )
            for logical in BUCKETS
        }
        if not stage.platform_origins:
            cdk.Annotations.of(self).add_warning_v2(
                "townhall:no-platform-origins",
                f"No townhall:{stage.name}:platformOrigins context: browsers cannot upload "
                "directly to the uploads bucket until the platforms' origins are listed.",
            )

        self.signing_key = self._secret(deployment, "SigningKey", "signing-key", 64)
        self.origin_secret = self._secret(deployment, "OriginVerify", "origin-verify", 48)
        self._backups(deployment)

    def _secret(
        self, deployment: Deployment, construct_id: str, purpose: str, length: int
    ) -> secretsmanager.Secret:
        secret = secretsmanager.Secret(
            self,
            construct_id,
            secret_name=secret_name(deployment, purpose),
            encryption_key=self.key,
            generate_secret_string=secretsmanager.SecretStringGenerator(
                password_length=length, exclude_punctuation=True
            ),
            removal_policy=cdk.RemovalPolicy.RETAIN,
        )
        cdk.Validations.of(secret).acknowledge(
            cdk.Acknowledgment(
                id="AwsSolutions::AwsSolutions-SMG4",
                reason="Rotation is an operator runbook (docs/operations.md, 'Rotate keys'): "
                "it must be coordinated with CloudFront (origin header) or with token "
                "lifetimes (signing key), which a blind rotation Lambda would break.",
            )
        )
        return secret

    def _backups(self, deployment: Deployment) -> None:
        stage = deployment.stage
        self.vault = backup.BackupVault(
            self,
            "Vault",
            backup_vault_name=f"{deployment.prefix}-backups",
            encryption_key=self.key,
            removal_policy=cdk.RemovalPolicy.RETAIN,
        )
        copy_actions = []
        if stage.copy_backups:
            # Every production region hosts the copy vault its partner region writes to.
            backup.BackupVault(
                self,
                "CopyVault",
                backup_vault_name=f"{deployment.prefix}-{BACKUP_COPY_VAULT}",
                encryption_key=self.key,
                removal_policy=cdk.RemovalPolicy.RETAIN,
            )
            partner_vault = backup.BackupVault.from_backup_vault_arn(
                self,
                "PartnerCopyVault",
                cdk.Arn.format(
                    cdk.ArnComponents(
                        service="backup",
                        region=deployment.backup_partner,
                        resource="backup-vault",
                        resource_name=f"{deployment.prefix}-{BACKUP_COPY_VAULT}",
                        arn_format=cdk.ArnFormat.COLON_RESOURCE_NAME,
                    ),
                    self,
                ),
            )
            copy_actions.append(
                backup.BackupPlanCopyActionProps(
                    destination_backup_vault=partner_vault,
                    delete_after=cdk.Duration.days(stage.backup_retention_days),
                )
            )
        self.plan = backup.BackupPlan(
            self,
            "BackupPlan",
            backup_plan_name=f"{deployment.prefix}-daily",
            backup_vault=self.vault,
            backup_plan_rules=[
                backup.BackupPlanRule(
                    rule_name="daily",
                    schedule_expression=events.Schedule.cron(hour="2", minute="30"),
                    start_window=cdk.Duration.hours(1),
                    completion_window=cdk.Duration.hours(4),
                    delete_after=cdk.Duration.days(stage.backup_retention_days),
                    copy_actions=copy_actions or None,
                )
            ],
        )
        selection = self.plan.add_selection(
            "Tables",
            resources=[backup.BackupResource.from_arn(t.table_arn) for t in self.tables.values()],
            allow_restores=True,
        )
        for policy in (
            "AWSBackupServiceRolePolicyForBackup",
            "AWSBackupServiceRolePolicyForRestores",
        ):
            cdk.Validations.of(selection).acknowledge(
                cdk.Acknowledgment(
                    id="AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:"
                    f"policy/service-role/{policy}]",
                    reason="AWS Backup's own service policies, maintained by AWS for the "
                    "resource types it backs up; the selection limits it to our tables.",
                )
            )
