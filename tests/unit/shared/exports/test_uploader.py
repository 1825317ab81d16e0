"""The S3 multipart upload stream: parts as they fill, one object at the end, abort on error."""

from __future__ import annotations

from typing import Any

import pytest

from chalicelib import runtime
from shared.exports.uploader import MIN_PART_SIZE, MultipartUpload, UploadClosedError, abort_upload

KEY = "alpha/exports/job1.csv"


@pytest.fixture
def s3(aws: dict[str, str]) -> Any:
    return runtime.client("s3")


@pytest.fixture
def bucket(aws: dict[str, str]) -> str:
    return runtime.settings().names.bucket("exports")


def _uploads(s3: Any, bucket: str) -> list[Any]:
    return list(s3.list_multipart_uploads(Bucket=bucket).get("Uploads", []))


def test_full_parts_go_out_as_they_fill_and_complete_assembles_the_object(
    s3: Any, bucket: str
) -> None:
    # GIVEN an upload with the smallest part size S3 allows
    started: list[str] = []
    upload = MultipartUpload(
        s3, bucket, KEY, content_type="text/csv", part_size=MIN_PART_SIZE, on_start=started.append
    )
    chunk = b"x" * (1024 * 1024)
    # WHEN 12 MiB are written in 1 MiB writes
    for _ in range(12):
        upload.write(chunk)
    # THEN two full parts were sent already and only the rest is buffered
    assert upload.parts == 2 and started == [upload.upload_id]
    upload.complete()
    # AND the object is the bytes written, with its content type
    head = s3.head_object(Bucket=bucket, Key=KEY)
    assert head["ContentLength"] == 12 * 1024 * 1024 and head["ContentType"] == "text/csv"
    assert _uploads(s3, bucket) == []


def test_an_empty_file_is_one_empty_part(s3: Any, bucket: str) -> None:
    upload = MultipartUpload(s3, bucket, KEY, content_type="text/csv")
    upload.complete()
    assert s3.head_object(Bucket=bucket, Key=KEY)["ContentLength"] == 0


def test_an_error_inside_with_aborts_the_upload(s3: Any, bucket: str) -> None:
    # GIVEN an upload that has sent a part
    with (
        pytest.raises(RuntimeError),
        MultipartUpload(
            s3, bucket, KEY, content_type="text/csv", part_size=MIN_PART_SIZE
        ) as upload,
    ):
        upload.write(b"y" * MIN_PART_SIZE)
        # WHEN the writer fails
        raise RuntimeError("writer failed")
    # THEN no upload is left open, no object exists, and the stream refuses writes
    assert _uploads(s3, bucket) == []
    assert "Contents" not in s3.list_objects_v2(Bucket=bucket)
    with pytest.raises((UploadClosedError, ValueError)):
        upload.write(b"z")


def test_aborting_an_upload_left_by_an_earlier_attempt_tolerates_it_being_gone(
    s3: Any, bucket: str
) -> None:
    upload = MultipartUpload(s3, bucket, KEY, content_type="text/csv")
    abort_upload(s3, bucket, KEY, upload.upload_id)
    assert _uploads(s3, bucket) == []
    abort_upload(s3, bucket, KEY, upload.upload_id)  # a second time: already gone


def test_parts_smaller_than_s3_allows_are_refused(s3: Any, bucket: str) -> None:
    with pytest.raises(ValueError, match="at least"):
        MultipartUpload(s3, bucket, KEY, content_type="text/csv", part_size=1024)


class _DiscardingS3:
    """The multipart calls of S3, keeping nothing: the stream's own memory is measured."""

    def create_multipart_upload(self, **kwargs: Any) -> dict[str, str]:
        return {"UploadId": "u"}

    def upload_part(self, **kwargs: Any) -> dict[str, str]:
        return {"ETag": str(kwargs["PartNumber"])}

    def complete_multipart_upload(self, **kwargs: Any) -> None:
        return None


def test_the_stream_holds_about_one_part_however_much_is_written() -> None:
    import tracemalloc

    # GIVEN an upload with 5 MiB parts
    upload = MultipartUpload(
        _DiscardingS3(), "b", KEY, content_type="text/csv", part_size=MIN_PART_SIZE
    )
    chunk = b"r" * 64 * 1024
    # WHEN 40 MiB are written in small writes, as the writers do
    tracemalloc.start()
    for _ in range(640):
        upload.write(chunk)
    upload.complete()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # THEN eight parts went out and the peak stayed near two parts (buffer + the part sent)
    assert upload.parts == 8
    assert peak < 2.5 * MIN_PART_SIZE, f"peak {peak} bytes"
