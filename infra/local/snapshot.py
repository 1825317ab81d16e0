"""Snapshot and restore of every table and bucket, through public AWS APIs only.

moto keeps its state in memory, so the dev runner writes everything to one
gzip-compressed JSON file and restores it on the next start. The file is
written to a temporary sibling and moved into place with ``os.replace``, so
a crash mid-write leaves the previous snapshot intact. Format (version 1)::

    {"version": 1, "taken_at": "<ISO time>",
     "tables":  {"<physical table name>": [<item in DynamoDB JSON>, ...]},
     "buckets": {"<physical bucket name>": [{"key", "content_type",
                                             "metadata", "body_b64"}, ...]},
     "secrets": {"<secret name>": "<value>"}}

``secrets`` holds what the functions wrote to Secrets Manager at run time
(the platforms' code-hashing keys and OIDC client secrets), so codes still
verify after a restart; a snapshot without it restores no secrets.

Binary attribute values (``B``, ``BS``) are base64 text in the file. Queues
are not captured: a message in flight when the runner stops is lost, as it
would be if a local Lambda crashed.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

FORMAT_VERSION = 1
BATCH_SIZE = 25
MAX_BATCH_ATTEMPTS = 8

Item = dict[str, Any]


class SnapshotError(RuntimeError):
    """A snapshot file cannot be read or does not fit this stack."""


def _encode_value(value: dict[str, Any]) -> dict[str, Any]:
    """DynamoDB JSON with bytes turned into base64 text, recursively."""
    ((kind, inner),) = value.items()
    if kind == "B":
        return {"B": base64.b64encode(inner).decode("ascii")}
    if kind == "BS":
        return {"BS": [base64.b64encode(b).decode("ascii") for b in inner]}
    if kind == "M":
        return {"M": {k: _encode_value(v) for k, v in inner.items()}}
    if kind == "L":
        return {"L": [_encode_value(v) for v in inner]}
    return {kind: inner}


def _decode_value(value: dict[str, Any]) -> dict[str, Any]:
    ((kind, inner),) = value.items()
    if kind == "B":
        return {"B": base64.b64decode(inner)}
    if kind == "BS":
        return {"BS": [base64.b64decode(b) for b in inner]}
    if kind == "M":
        return {"M": {k: _decode_value(v) for k, v in inner.items()}}
    if kind == "L":
        return {"L": [_decode_value(v) for v in inner]}
    return {kind: inner}


def dump_tables(dynamodb: Any) -> dict[str, list[Item]]:
    """Every item of every table (paginated Scan, consistent reads)."""
    tables: dict[str, list[Item]] = {}
    for page in dynamodb.get_paginator("list_tables").paginate():
        for name in page.get("TableNames", []):
            items: list[Item] = []
            for scan in dynamodb.get_paginator("scan").paginate(
                TableName=name, ConsistentRead=True
            ):
                items.extend(
                    {k: _encode_value(v) for k, v in item.items()} for item in scan["Items"]
                )
            tables[name] = items
    return tables


def dump_buckets(s3: Any) -> dict[str, list[dict[str, Any]]]:
    """Every object of every bucket, with its content type and user metadata."""
    buckets: dict[str, list[dict[str, Any]]] = {}
    for bucket in s3.list_buckets().get("Buckets", []):
        name = bucket["Name"]
        objects = []
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=name):
            for entry in page.get("Contents", []):
                got = s3.get_object(Bucket=name, Key=entry["Key"])
                objects.append(
                    {
                        "key": entry["Key"],
                        "content_type": got.get("ContentType", "binary/octet-stream"),
                        "metadata": got.get("Metadata", {}),
                        "body_b64": base64.b64encode(got["Body"].read()).decode("ascii"),
                    }
                )
        buckets[name] = objects
    return buckets


def dump_secrets(secretsmanager: Any) -> dict[str, str]:
    """Every secret's current string value, by name."""
    secrets: dict[str, str] = {}
    for page in secretsmanager.get_paginator("list_secrets").paginate():
        for entry in page.get("SecretList", []):
            value = secretsmanager.get_secret_value(SecretId=entry["ARN"])
            if "SecretString" in value:
                secrets[entry["Name"]] = value["SecretString"]
    return secrets


def take(dynamodb: Any, s3: Any, secretsmanager: Any = None) -> dict[str, Any]:
    """The whole state as one JSON-ready document."""
    document = {
        "version": FORMAT_VERSION,
        "taken_at": datetime.now(UTC).isoformat(),
        "tables": dump_tables(dynamodb),
        "buckets": dump_buckets(s3),
    }
    if secretsmanager is not None:
        document["secrets"] = dump_secrets(secretsmanager)
    return document


def restore_secrets(secrets: dict[str, str], secretsmanager: Any) -> None:
    for name, value in secrets.items():
        try:
            secretsmanager.create_secret(Name=name, SecretString=value)
        except Exception as error:
            if getattr(error, "response", {}).get("Error", {}).get("Code") != (
                "ResourceExistsException"
            ):
                raise
            secretsmanager.put_secret_value(SecretId=name, SecretString=value)


def _content(document: dict[str, Any]) -> bytes:
    """The document without its timestamp, for telling whether anything changed."""
    stable = {k: v for k, v in document.items() if k != "taken_at"}
    return json.dumps(stable, sort_keys=True, separators=(",", ":")).encode()


def write_atomically(path: Path, document: dict[str, Any]) -> None:
    """Write ``document`` gzip-compressed to ``path``: fully, or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = gzip.compress(json.dumps(document, separators=(",", ":")).encode(), mtime=0)
    fd, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read(path: Path) -> dict[str, Any]:
    """Load a snapshot file, refusing formats this code does not know."""
    try:
        document: dict[str, Any] = json.loads(gzip.decompress(path.read_bytes()))
    except (OSError, ValueError) as error:
        raise SnapshotError(f"{path} is not a readable snapshot: {error}") from error
    if document.get("version") != FORMAT_VERSION:
        raise SnapshotError(
            f"{path} has snapshot format {document.get('version')!r}; "
            f"this runner reads format {FORMAT_VERSION}. Delete the state directory to start over."
        )
    return document


def _write_batch(dynamodb: Any, table: str, items: list[Item]) -> None:
    requests = [{"PutRequest": {"Item": item}} for item in items]
    for _ in range(MAX_BATCH_ATTEMPTS):
        response = dynamodb.batch_write_item(RequestItems={table: requests})
        requests = response.get("UnprocessedItems", {}).get(table, [])
        if not requests:
            return
    raise SnapshotError(f"DynamoDB kept refusing {len(requests)} items of table {table}")


def restore(
    document: dict[str, Any], dynamodb: Any, s3: Any, secretsmanager: Any = None
) -> dict[str, int]:
    """Put every item and object back; tables and buckets must exist already.

    A table or bucket in the snapshot that this stack no longer defines is an
    error rather than silently dropped data.
    """
    existing_tables = {
        name
        for page in dynamodb.get_paginator("list_tables").paginate()
        for name in page.get("TableNames", [])
    }
    existing_buckets = {b["Name"] for b in s3.list_buckets().get("Buckets", [])}
    missing = sorted(set(document["tables"]) - existing_tables) + sorted(
        set(document["buckets"]) - existing_buckets
    )
    if missing:
        raise SnapshotError(f"the snapshot holds data for resources this stack lacks: {missing}")
    counts = {"items": 0, "objects": 0}
    for table, items in document["tables"].items():
        decoded = [{k: _decode_value(v) for k, v in item.items()} for item in items]
        for start in range(0, len(decoded), BATCH_SIZE):
            _write_batch(dynamodb, table, decoded[start : start + BATCH_SIZE])
        counts["items"] += len(decoded)
    for bucket, objects in document["buckets"].items():
        for obj in objects:
            s3.put_object(
                Bucket=bucket,
                Key=obj["key"],
                Body=base64.b64decode(obj["body_b64"]),
                ContentType=obj["content_type"],
                Metadata=obj["metadata"],
            )
        counts["objects"] += len(objects)
    if secretsmanager is not None:
        restore_secrets(document.get("secrets", {}), secretsmanager)
    return counts


@dataclass
class Snapshotter:
    """Takes snapshots on demand and on a timer; writes only when something changed."""

    path: Path
    dynamodb: Any
    s3: Any
    interval_seconds: float = 30.0
    on_error: Callable[[Exception], None] = lambda error: None
    secretsmanager: Any = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _last_digest: str | None = None

    def save(self) -> bool:
        """Snapshot now; return whether a new file was written."""
        with self._lock:
            document = take(self.dynamodb, self.s3, self.secretsmanager)
            digest = hashlib.sha256(_content(document)).hexdigest()
            if digest == self._last_digest and self.path.exists():
                return False
            write_atomically(self.path, document)
            self._last_digest = digest
            return True

    def mark_saved(self) -> None:
        """Treat the current state as saved (just restored), so an idle runner writes nothing."""
        with self._lock:
            state = take(self.dynamodb, self.s3, self.secretsmanager)
            self._last_digest = hashlib.sha256(_content(state)).hexdigest()

    def run_periodically(self, stop: threading.Event) -> None:
        """Save every ``interval_seconds`` until ``stop`` is set; errors do not end the loop."""
        while not stop.wait(self.interval_seconds):
            try:
                self.save()
            except Exception as error:
                self.on_error(error)
