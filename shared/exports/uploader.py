"""An S3 multipart upload as a write-only binary stream.

The writers stream into it; it keeps at most one part in memory
(:data:`PART_SIZE`, at least S3's 5 MiB minimum for every part but the
last) and uploads each part as soon as it is full, so a file of any size
costs the same memory. :meth:`MultipartUpload.complete` sends the rest and
assembles the object; :meth:`MultipartUpload.abort` (also on an exception
inside ``with``) discards the parts so no orphan storage is billed.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from types import TracebackType
from typing import Any

MIN_PART_SIZE = 5 * 1024 * 1024
PART_SIZE = 8 * 1024 * 1024


class UploadClosedError(ValueError):
    """A write after the upload was completed or aborted."""


class MultipartUpload(io.RawIOBase):
    """Write bytes; every full part goes to S3 at once."""

    def __init__(
        self,
        s3: Any,
        bucket: str,
        key: str,
        *,
        content_type: str,
        part_size: int = PART_SIZE,
        on_start: Callable[[str], object] | None = None,
        tagging: str | None = None,
    ) -> None:
        super().__init__()
        if part_size < MIN_PART_SIZE:
            raise ValueError(f"S3 parts are at least {MIN_PART_SIZE} bytes")
        self._s3, self.bucket, self.key = s3, bucket, key
        self._part_size = part_size
        self._buffer = bytearray()
        self._parts: list[dict[str, Any]] = []
        self.bytes_written = 0
        extra = {"Tagging": tagging} if tagging else {}
        created = s3.create_multipart_upload(
            Bucket=bucket, Key=key, ContentType=content_type, **extra
        )
        self.upload_id: str = created["UploadId"]
        self._finished = False
        if on_start:
            on_start(self.upload_id)

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if self._finished:
            raise UploadClosedError("the upload is finished")
        view = memoryview(data).cast("B")
        self._buffer += view
        self.bytes_written += len(view)
        while len(self._buffer) >= self._part_size:
            with memoryview(self._buffer) as buffered:  # one copy of the part, not two
                part = bytes(buffered[: self._part_size])
            del self._buffer[: self._part_size]
            self._send(part)
        return len(view)

    def _send(self, chunk: bytes) -> None:
        number = len(self._parts) + 1
        answer = self._s3.upload_part(
            Bucket=self.bucket, Key=self.key, UploadId=self.upload_id, PartNumber=number, Body=chunk
        )
        self._parts.append({"PartNumber": number, "ETag": answer["ETag"]})

    @property
    def parts(self) -> int:
        return len(self._parts)

    def complete(self) -> None:
        """Upload what is buffered (a lone part may be empty) and assemble the object."""
        if self._finished:
            return
        if self._buffer or not self._parts:
            self._send(bytes(self._buffer))
            self._buffer.clear()
        self._s3.complete_multipart_upload(
            Bucket=self.bucket,
            Key=self.key,
            UploadId=self.upload_id,
            MultipartUpload={"Parts": self._parts},
        )
        self._finished = True

    def abort(self) -> None:
        if self._finished:
            return
        self._finished = True
        self._buffer.clear()
        self._s3.abort_multipart_upload(Bucket=self.bucket, Key=self.key, UploadId=self.upload_id)

    def __enter__(self) -> MultipartUpload:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if error is not None:
            self.abort()
        self.close()


def abort_upload(s3: Any, bucket: str, key: str, upload_id: str) -> None:
    """Discard an upload an interrupted attempt left open (gone already is fine)."""
    try:
        s3.abort_multipart_upload(Bucket=bucket, Key=key, UploadId=upload_id)
    except s3.exceptions.NoSuchUpload:
        return
