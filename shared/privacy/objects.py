"""A bucket as providers see it: list a prefix, read an object, erase every version.

The buckets are versioned, so deleting the current object would leave its
older versions (kept for recovery) behind; erasing personal data deletes
every version and delete marker of the key instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


class S3ObjectStore:
    """Objects of one bucket (listing needs ``s3:ListBucket``/``ListBucketVersions``)."""

    def __init__(self, s3: Any, bucket: str) -> None:
        self._s3, self.bucket = s3, bucket

    def keys(self, prefix: str) -> Iterator[str]:
        for page in self._s3.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=prefix
        ):
            for item in page.get("Contents", []):
                yield str(item["Key"])

    def read(self, key: str) -> bytes:
        body: bytes = self._s3.get_object(Bucket=self.bucket, Key=key)["Body"].read()
        return body

    def _versions(self, prefix: str) -> Iterator[tuple[str, str]]:
        for page in self._s3.get_paginator("list_object_versions").paginate(
            Bucket=self.bucket, Prefix=prefix
        ):
            for item in [*page.get("Versions", []), *page.get("DeleteMarkers", [])]:
                yield str(item["Key"]), str(item["VersionId"])

    def _delete(self, versions: list[tuple[str, str]]) -> None:
        for start in range(0, len(versions), 1000):
            batch = versions[start : start + 1000]
            self._s3.delete_objects(
                Bucket=self.bucket,
                Delete={
                    "Objects": [{"Key": key, "VersionId": version} for key, version in batch],
                    "Quiet": True,
                },
            )

    def erase(self, key: str) -> None:
        """Delete every version of exactly ``key`` (absent is fine)."""
        self._delete([(k, v) for k, v in self._versions(key) if k == key])

    def erase_prefix(self, prefix: str) -> int:
        """Delete every version of every key under ``prefix``; return how many keys went."""
        versions = list(self._versions(prefix))
        self._delete(versions)
        return len({key for key, _ in versions})
