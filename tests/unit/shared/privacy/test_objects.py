"""Erasing a person's objects deletes every version, not just the current one."""

from __future__ import annotations

import boto3
from moto import mock_aws

from shared.privacy.objects import S3ObjectStore


def test_erase_prefix_removes_every_version_and_nothing_else() -> None:
    with mock_aws():
        s3 = boto3.client("s3", region_name="eu-west-1")
        s3.create_bucket(
            Bucket="person-files", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
        )
        s3.put_bucket_versioning(
            Bucket="person-files", VersioningConfiguration={"Status": "Enabled"}
        )
        for body in (b"one", b"two"):
            s3.put_object(Bucket="person-files", Key="alpha/avatar/u1/a/me.png", Body=body)
        s3.put_object(Bucket="person-files", Key="alpha/avatar/u2/b/other.png", Body=b"keep")
        store = S3ObjectStore(s3, "person-files")
        assert list(store.keys("alpha/avatar/u1/")) == ["alpha/avatar/u1/a/me.png"]
        # WHEN the person's prefix is erased
        assert store.erase_prefix("alpha/avatar/u1/") == 1
        # THEN no version of theirs is left, and the other person's file is
        versions = s3.list_object_versions(Bucket="person-files")
        keys = {
            v["Key"] for v in [*versions.get("Versions", []), *versions.get("DeleteMarkers", [])]
        }
        assert keys == {"alpha/avatar/u2/b/other.png"}
        store.erase("alpha/avatar/u2/b/other.png")
        assert "Versions" not in s3.list_object_versions(Bucket="person-files")
