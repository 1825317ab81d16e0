"""Least-privilege statements with explicit actions and name-derived ARNs.

CDK's ``grant_*`` helpers use action wildcards (``s3:GetObject*``,
``kms:GenerateDataKey*``) and resource ARNs imported from other stacks,
which cdk-nag can only report, not verify. These helpers list each action
and build ARNs from the deterministic physical names, so the only
wildcards left are the ones IAM has no alternative for (a table's
``/index/*`` and a bucket's ``/*`` objects), each acknowledged with the
exact finding it produces.
"""

from __future__ import annotations

from collections.abc import Iterable

import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms

TABLE_READ = (
    "dynamodb:GetItem",
    "dynamodb:BatchGetItem",
    "dynamodb:Query",
    "dynamodb:Scan",
    "dynamodb:ConditionCheckItem",
    "dynamodb:DescribeTable",
)
TABLE_WRITE = (
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:BatchWriteItem",
)
OBJECT_READ = ("s3:GetObject", "s3:GetObjectVersion")
OBJECT_WRITE = ("s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload")
OBJECT_ERASE = ("s3:DeleteObject", "s3:DeleteObjectVersion")
BUCKET_LIST = ("s3:ListBucket", "s3:ListBucketVersions")
KEY_USE = ("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey")


def _rendered(stack: cdk.Stack, value: str, pseudo: str) -> str:
    """How cdk-nag prints a pseudo parameter: literally when known, ``<AWS::X>`` otherwise."""
    return f"<AWS::{pseudo}>" if cdk.Token.is_unresolved(value) else value


def _acknowledge_index_wildcard(role: iam.Role, rendered_resource: str, why: str) -> None:
    cdk.Validations.of(role).acknowledge(
        cdk.Acknowledgment(
            id=f"AwsSolutions::AwsSolutions-IAM5[Resource::{rendered_resource}]", reason=why
        )
    )


def grant_tables(role: iam.Role, table_names: Iterable[str], *, write: bool) -> None:
    """Item access to the named tables and their indexes."""
    stack = cdk.Stack.of(role)
    resources = []
    for name in sorted(set(table_names)):
        arn = stack.format_arn(service="dynamodb", resource="table", resource_name=name)
        resources += [arn, f"{arn}/index/*"]
        _acknowledge_index_wildcard(
            role,
            f"arn:<AWS::Partition>:dynamodb:{_rendered(stack, stack.region, 'Region')}:"
            f"{_rendered(stack, stack.account, 'AccountId')}:table/{name}/index/*",
            f"Queries on the {name} table's own GSIs; the index names are the model's.",
        )
    if resources:
        actions = TABLE_READ + TABLE_WRITE if write else TABLE_READ
        role.add_to_policy(iam.PolicyStatement(actions=list(actions), resources=resources))


def grant_objects(role: iam.Role, bucket_names: Iterable[str], *, write: bool) -> None:
    """Object access in the named buckets (``bucket_names`` may hold the account token)."""
    stack = cdk.Stack.of(role)
    resources = []
    for name in sorted(set(bucket_names)):
        resources.append(f"arn:{stack.partition}:s3:::{name}/*")
        rendered = name.replace(stack.account, _rendered(stack, stack.account, "AccountId"))
        _acknowledge_index_wildcard(
            role,
            f"arn:<AWS::Partition>:s3:::{rendered}/*",
            f"Objects of the {rendered} bucket; keys are per tenant and checked by the app.",
        )
    if resources:
        actions = OBJECT_READ + OBJECT_WRITE if write else OBJECT_READ
        role.add_to_policy(iam.PolicyStatement(actions=list(actions), resources=resources))


def grant_listing(role: iam.Role, bucket_names: Iterable[str]) -> None:
    """Listing keys and versions of the named buckets (the bucket ARNs, no wildcard)."""
    stack = cdk.Stack.of(role)
    resources = [f"arn:{stack.partition}:s3:::{name}" for name in sorted(set(bucket_names))]
    if resources:
        role.add_to_policy(iam.PolicyStatement(actions=list(BUCKET_LIST), resources=resources))


def grant_erasure(role: iam.Role, bucket_names: Iterable[str]) -> None:
    """Deleting every version of objects in the named buckets (and listing them first)."""
    stack = cdk.Stack.of(role)
    names = sorted(set(bucket_names))
    grant_listing(role, names)
    resources = []
    for name in names:
        resources.append(f"arn:{stack.partition}:s3:::{name}/*")
        rendered = name.replace(stack.account, _rendered(stack, stack.account, "AccountId"))
        _acknowledge_index_wildcard(
            role,
            f"arn:<AWS::Partition>:s3:::{rendered}/*",
            f"Erasing a person's objects in the {rendered} bucket; keys are per tenant and "
            "person, chosen by the app.",
        )
    if resources:
        role.add_to_policy(iam.PolicyStatement(actions=list(OBJECT_ERASE), resources=resources))


def grant_key(role: iam.Role, key: kms.IKey, *, encrypt: bool = True) -> None:
    """Use of one KMS key without the ``ReEncrypt*``/``GenerateDataKey*`` wildcards."""
    actions = KEY_USE if encrypt else ("kms:Decrypt",)
    role.add_to_policy(iam.PolicyStatement(actions=list(actions), resources=[key.key_arn]))
