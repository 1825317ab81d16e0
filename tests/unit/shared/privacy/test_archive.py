"""The archive streams into a sink that cannot seek (the multipart upload) and reads back."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime
from typing import Any

from shared.privacy.archive import write_archive
from shared.privacy.providers import PersonalFile


class _ForwardOnly(io.RawIOBase):
    """Like the multipart upload: writable, not seekable, not tellable."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, chunk: Any) -> int:
        self.data += bytes(chunk)
        return len(chunk)


def test_one_json_file_per_kind_and_the_files_in_a_zip_written_forward_only() -> None:
    sink = _ForwardOnly()
    kinds = {
        "ideas": [{"id": "i1", "created_at": datetime(2026, 1, 2, 3, 4, tzinfo=UTC)}],
        "follows": [],
    }
    files = [PersonalFile(key="alpha/avatar/u1/x/me.png", path="files/avatar/x/me.png")]
    count = write_archive(sink, kinds, files, lambda key: b"PNG" + key.encode(), "Alphaville")
    assert count == 3
    archive = zipfile.ZipFile(io.BytesIO(bytes(sink.data)))
    assert sorted(archive.namelist()) == [
        "README.txt",
        "files/avatar/x/me.png",
        "follows.json",
        "ideas.json",
    ]
    assert json.loads(archive.read("ideas.json")) == [
        {"id": "i1", "created_at": "2026-01-02T03:04:00+00:00"}
    ]
    assert json.loads(archive.read("follows.json")) == []
    assert archive.read("files/avatar/x/me.png") == b"PNGalpha/avatar/u1/x/me.png"
    assert "Alphaville" in archive.read("README.txt").decode()
