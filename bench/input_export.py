"""Benchmark: streaming 100,000 generated inputs into an export file, per format.

Run with ``make bench`` (or ``python bench/input_export.py [rows]``). Prints
figures; it is not a test and asserts nothing.

Generates ``ROWS`` input-manager rows one at a time (nothing holds them all),
streams them through the export writer (CSV, then XLSX in xlsxwriter's
constant-memory mode) into an S3 multipart upload on moto's in-process S3,
exactly the path ``export_worker`` takes after the listing. Each format runs
twice: once timed into moto (rows, seconds, rows/s, process RSS high-water
mark; moto keeps the uploaded parts in this process, so RSS includes the file
itself), and once under ``tracemalloc`` into an S3 stand-in that discards the
parts, for the peak of the writer's and uploader's own allocations (at most
one 8 MiB part buffered): the figure that must not grow with the row count.
"""

from __future__ import annotations

import os
import resource
import sys
import time
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ROWS = 100_000
BUCKET = "townhall-bench-exports"
ENV = {
    "AWS_DEFAULT_REGION": "eu-west-1",
    "AWS_ACCESS_KEY_ID": "bench",
    "AWS_SECRET_ACCESS_KEY": "bench",
}


def generated(count: int) -> Iterator[Any]:
    from shared.exports.rows import ExportRow

    start = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(count):
        yield ExportRow(
            id=f"idea{i:07d}",
            title=f"Idea {i}: benches and shade trees along the river walk",
            project=f"Project {i % 40}",
            phase="Ideas",
            author=f"Resident {i % 5000} K.",
            status=("", "Under review", "Accepted")[i % 3],
            topics="Nature; Mobility" if i % 2 else "Culture",
            assignee="" if i % 4 else "Case Worker",
            likes=i % 211,
            dislikes=i % 17,
            comments=i % 29,
            reports=int(i % 7 == 0),
            hidden=i % 97 == 0,
            created_at=start + timedelta(seconds=37 * i),
            url=f"https://bench.localhost/ideas/idea{i:07d}",
        )


class DiscardingS3:
    """The multipart calls of an S3 client, keeping nothing (for the traced pass)."""

    def __init__(self) -> None:
        self.size = 0

    def create_multipart_upload(self, **kwargs: Any) -> dict[str, str]:
        return {"UploadId": "traced"}

    def upload_part(self, Body: bytes, **kwargs: Any) -> dict[str, str]:
        self.size += len(Body)
        return {"ETag": f"part-{kwargs['PartNumber']}"}

    def complete_multipart_upload(self, **kwargs: Any) -> None:
        return None

    def abort_multipart_upload(self, **kwargs: Any) -> None:
        return None

    def head_object(self, **kwargs: Any) -> dict[str, int]:
        return {"ContentLength": self.size}

    def delete_object(self, **kwargs: Any) -> None:
        return None


def rss_mib() -> float:
    # ru_maxrss is KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def export(s3: Any, format_name: str, rows: int, key: str) -> tuple[int, float, int]:
    """Rows written, seconds, object size."""
    from shared.exports.schemas import ExportFormat
    from shared.exports.uploader import MultipartUpload
    from shared.exports.writers import writer_for

    writer = writer_for(ExportFormat(format_name))
    started = time.perf_counter()
    with MultipartUpload(s3, BUCKET, key, content_type=writer.content_type) as upload:
        written = writer.write(generated(rows), upload)
        upload.complete()
    seconds = time.perf_counter() - started
    size = int(s3.head_object(Bucket=BUCKET, Key=key)["ContentLength"])
    s3.delete_object(Bucket=BUCKET, Key=key)
    return written, seconds, size


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else ROWS
    sys.path.insert(0, str(ROOT))
    os.environ.update(ENV)
    os.environ.pop("AWS_ENDPOINT_URL", None)
    import boto3
    from moto import mock_aws

    with mock_aws():
        s3 = boto3.client("s3", region_name="eu-west-1")
        s3.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
        )
        print(f"input export: {rows:,} generated rows -> writer -> S3 multipart (moto)")
        print(
            f"{'format':<6} {'rows':>9} {'seconds':>8} {'rows/s':>9} {'file MiB':>9} "
            f"{'RSS MiB':>8} {'py peak MiB':>11}"
        )
        for format_name in ("csv", "xlsx"):
            written, seconds, size = export(s3, format_name, rows, f"bench.{format_name}")
            rss = rss_mib()
            tracemalloc.start()
            export(DiscardingS3(), format_name, rows, f"traced.{format_name}")
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(
                f"{format_name:<6} {written:>9,} {seconds:>8.2f} {written / seconds:>9,.0f} "
                f"{size / 2**20:>9.1f} {rss:>8.0f} {peak / 2**20:>11.1f}"
            )


if __name__ == "__main__":
    main()
