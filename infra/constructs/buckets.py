"""S3 buckets with the same safety rails everywhere.

Public access blocked, SSE-KMS with the deployment's key (bucket keys on, to
keep KMS request costs low), TLS enforced, versioning, lifecycle rules that
expire old versions and abandoned multipart uploads, and server access logs
into the deployment's log bucket.
"""

from __future__ import annotations

from collections.abc import Sequence

import aws_cdk as cdk
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from constructs import Construct

NONCURRENT_VERSION_DAYS = 30


def log_bucket(scope: Construct, construct_id: str, retention_days: int) -> s3.Bucket:
    """The access-log bucket: S3-managed encryption, because log delivery cannot use KMS."""
    bucket = s3.Bucket(
        scope,
        construct_id,
        block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
        encryption=s3.BucketEncryption.S3_MANAGED,
        enforce_ssl=True,
        versioned=True,
        object_ownership=s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
        lifecycle_rules=[
            s3.LifecycleRule(
                id="expire-logs",
                expiration=cdk.Duration.days(retention_days),
                noncurrent_version_expiration=cdk.Duration.days(1),
                abort_incomplete_multipart_upload_after=cdk.Duration.days(1),
            )
        ],
        removal_policy=cdk.RemovalPolicy.RETAIN,
    )
    cdk.Validations.of(bucket).acknowledge(
        cdk.Acknowledgment(
            id="AwsSolutions::AwsSolutions-S1",
            reason="This is the access-log bucket; logging it into itself would loop.",
        )
    )
    return bucket


def secure_bucket(
    scope: Construct,
    construct_id: str,
    *,
    key: kms.IKey,
    logs: s3.IBucket,
    bucket_name: str | None = None,
    cors_origins: Sequence[str] = (),
    cors_methods: Sequence[s3.HttpMethods] = (s3.HttpMethods.GET, s3.HttpMethods.HEAD),
    expire_current_after_days: int | None = None,
    expire_tagged: Sequence[tuple[str, str, int]] = (),
) -> s3.Bucket:
    """A private, encrypted, versioned, logged bucket.

    ``expire_tagged``: (tag key, tag value, days) — objects with that tag expire sooner
    than the rest (e.g. personal-data archives).
    """
    rules = [
        s3.LifecycleRule(
            id="tidy-versions",
            noncurrent_version_expiration=cdk.Duration.days(NONCURRENT_VERSION_DAYS),
            abort_incomplete_multipart_upload_after=cdk.Duration.days(1),
            expired_object_delete_marker=True,
        )
    ]
    if expire_current_after_days:
        rules.append(
            s3.LifecycleRule(
                id="expire-objects", expiration=cdk.Duration.days(expire_current_after_days)
            )
        )
    rules += [
        s3.LifecycleRule(
            id=f"expire-{value}",
            tag_filters={key: value},
            expiration=cdk.Duration.days(days),
        )
        for key, value, days in expire_tagged
    ]
    cors = (
        [
            s3.CorsRule(
                allowed_origins=list(cors_origins),
                allowed_methods=list(cors_methods),
                allowed_headers=["*"],
                max_age=3000,
            )
        ]
        if cors_origins
        else None
    )
    return s3.Bucket(
        scope,
        construct_id,
        bucket_name=bucket_name,
        block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
        encryption=s3.BucketEncryption.KMS,
        encryption_key=key,
        bucket_key_enabled=True,
        enforce_ssl=True,
        versioned=True,
        object_ownership=s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
        server_access_logs_bucket=logs,
        server_access_logs_prefix=f"{construct_id}/",
        lifecycle_rules=rules,
        cors=cors,
        removal_policy=cdk.RemovalPolicy.RETAIN,
    )
