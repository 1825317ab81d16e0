"""Copies of uploaded files, for copied inputs (each input owns its files).

Deleting an idea deletes its files, so a copy must not share the original's
objects: each file is copied to a fresh key of the same shape
(``<tenant>/<purpose>/<user>/<random>/<name>``).
"""

from __future__ import annotations

import uuid
from typing import Any

RANDOM_PART = 3


def copy_key(key: str) -> str:
    """The key for a copy of ``key``: the random segment renewed, the rest kept."""
    parts = key.split("/")
    if len(parts) > RANDOM_PART + 1:
        parts[RANDOM_PART] = uuid.uuid4().hex
        return "/".join(parts)
    return f"{key}.{uuid.uuid4().hex}"


class S3FileCopier:
    """Server-side copies inside the uploads bucket."""

    def __init__(self, s3: Any, bucket: str) -> None:
        self._s3 = s3
        self._bucket = bucket

    def copy(self, key: str) -> str:
        target = copy_key(key)
        self._s3.copy_object(
            Bucket=self._bucket, Key=target, CopySource={"Bucket": self._bucket, "Key": key}
        )
        return target
