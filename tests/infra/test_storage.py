"""Buckets: private, SSE-KMS, TLS only, versioned, lifecycle-managed, logged, CORS per platform."""

from __future__ import annotations

from typing import Any

import pytest

from tests.infra.conftest import CONTEXT, Synthesis, resources

pytestmark = pytest.mark.infra


def _buckets(template: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return resources(template, "AWS::S3::Bucket")


def _tls_enforced(template: dict[str, Any], bucket_logical: str) -> bool:
    for policy in resources(template, "AWS::S3::BucketPolicy").values():
        if policy["Properties"]["Bucket"] != {"Ref": bucket_logical}:
            continue
        for statement in policy["Properties"]["PolicyDocument"]["Statement"]:
            if statement["Effect"] == "Deny" and statement.get("Condition") == {
                "Bool": {"aws:SecureTransport": "false"}
            }:
                return True
    return False


def test_data_buckets_are_private_encrypted_versioned_and_logged(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # GIVEN the data stack of a stack set
    template = synthesis.template(stack_set.data)
    names = {"UploadsBucket", "ExportsBucket"}

    # WHEN its buckets are inspected
    buckets = {
        logical: bucket
        for logical, bucket in _buckets(template).items()
        if any(logical.startswith(n) for n in names)
    }

    # THEN each has every safety rail
    assert len(buckets) == 2
    for logical, bucket in buckets.items():
        p = bucket["Properties"]
        assert p["PublicAccessBlockConfiguration"] == {
            "BlockPublicAcls": True,
            "BlockPublicPolicy": True,
            "IgnorePublicAcls": True,
            "RestrictPublicBuckets": True,
        }
        (rule,) = p["BucketEncryption"]["ServerSideEncryptionConfiguration"]
        assert rule["ServerSideEncryptionByDefault"]["SSEAlgorithm"] == "aws:kms"
        assert rule["BucketKeyEnabled"] is True
        assert p["VersioningConfiguration"] == {"Status": "Enabled"}
        assert any("NoncurrentVersionExpiration" in r for r in p["LifecycleConfiguration"]["Rules"])
        assert "DestinationBucketName" in p["LoggingConfiguration"]
        assert _tls_enforced(template, logical), logical
        assert bucket["DeletionPolicy"] == "Retain"


def test_cors_allows_only_the_platform_origins(synthesis: Synthesis, stack_set: Any) -> None:
    # GIVEN the platform origins configured for the stage
    stage = stack_set.deployment.stage.name
    expected = CONTEXT[f"townhall:{stage}:platformOrigins"].split(",")

    # WHEN the uploads bucket is synthesised
    uploads = next(
        b
        for logical, b in _buckets(synthesis.template(stack_set.data)).items()
        if logical.startswith("UploadsBucket")
    )

    # THEN browsers may POST uploads from those origins and no other
    (rule,) = uploads["Properties"]["CorsConfiguration"]["CorsRules"]
    assert rule["AllowedOrigins"] == expected
    assert "POST" in rule["AllowedMethods"]


def test_without_platform_origins_no_cors_rule_is_created() -> None:
    # GIVEN a stage without configured origins
    import aws_cdk as cdk
    from aws_cdk.assertions import Template

    from infra.config import deployments
    from infra.stacks.data import DataStack

    (deployment,) = deployments({"townhall:regions": "eu-west-1", "townhall:stages": "staging"})

    # WHEN its data stack is synthesised
    stack = DataStack(cdk.App(), "D", deployment=deployment)

    # THEN no bucket allows cross-origin requests (nothing is opened to "*")
    for bucket in Template.from_stack(stack).find_resources("AWS::S3::Bucket").values():
        assert "CorsConfiguration" not in bucket["Properties"]


def test_the_site_bucket_is_private_behind_origin_access_control(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # GIVEN the frontend stack
    template = synthesis.template(stack_set.frontend)

    # WHEN its buckets and origin access controls are inspected
    site = next(b for logical, b in _buckets(template).items() if logical.startswith("SiteBucket"))
    controls = resources(template, "AWS::CloudFront::OriginAccessControl")

    # THEN the site is private, KMS-encrypted, and read by CloudFront through OAC only
    assert site["Properties"]["PublicAccessBlockConfiguration"]["RestrictPublicBuckets"] is True
    assert "WebsiteConfiguration" not in site["Properties"]
    assert len(controls) == 1
    (control,) = controls.values()
    assert control["Properties"]["OriginAccessControlConfig"]["SigningBehavior"] == "always"


def test_personal_data_archives_expire_after_a_week(synthesis: Synthesis, stack_set: Any) -> None:
    # GIVEN the exports bucket
    template = synthesis.template(stack_set.data)
    (bucket,) = [b for n, b in _buckets(template).items() if n.startswith("ExportsBucket")]
    rules = bucket["Properties"]["LifecycleConfiguration"]["Rules"]
    # THEN objects tagged as a person's archive go after 7 days, the rest after 30
    tagged = [r for r in rules if r.get("TagFilters")]
    assert tagged == [
        {
            "Id": "expire-personal-data",
            "Status": "Enabled",
            "ExpirationInDays": 7,
            "TagFilters": [{"Key": "retention", "Value": "personal-data"}],
        }
    ]
    assert any(r.get("ExpirationInDays") == 30 and not r.get("TagFilters") for r in rules)
