"""Generated export rows for the writer, runner and benchmark tests."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from shared.exports.rows import ExportRow

START = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)


def generated_rows(
    count: int, title: str = "Idea {i}: more trees on Main Street"
) -> Iterator[ExportRow]:
    """``count`` rows, made one at a time (a generator holds none of them)."""
    for i in range(count):
        yield ExportRow(
            id=f"idea{i:07d}",
            title=title.format(i=i),
            project="Green Main Street",
            phase="Ideas",
            author="Ada L.",
            status="Under review" if i % 3 else "",
            topics="Nature; Mobility",
            assignee="Bo K." if i % 2 else "",
            likes=i % 97,
            dislikes=i % 11,
            comments=i % 13,
            reports=int(i % 5 == 0),
            hidden=i % 50 == 0,
            created_at=START + timedelta(minutes=i),
            url=f"https://alpha.test/ideas/idea{i:07d}",
        )


class CountingSink(io.RawIOBase):
    """A write-only stream that keeps nothing but the byte count."""

    def __init__(self) -> None:
        super().__init__()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        size = memoryview(data).nbytes  # type: ignore[arg-type]
        self.size += size
        return size


class CsvRowCounter(io.RawIOBase):
    """A write-only stream that parses the CSV passing through and keeps only counts.

    Records are split on the writer's line terminator as the bytes arrive (the
    generated rows hold no line breaks of their own); each is parsed, so a row
    with the wrong number of cells is caught. It keeps the header, the first and
    last record and the unfinished tail of the latest write, never the file.
    """

    def __init__(self, columns: int) -> None:
        super().__init__()
        self._columns = columns
        self._tail = b""
        self.bom = False
        self.header: list[str] | None = None
        self.rows = 0
        self.first: list[str] | None = None
        self.last: list[str] | None = None
        self.malformed = 0

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        view = memoryview(data)  # type: ignore[arg-type]
        chunk = view.tobytes()
        if self.header is None and not self._tail and chunk.startswith(codecs.BOM_UTF8):
            self.bom, chunk = True, chunk[len(codecs.BOM_UTF8) :]
        *complete, self._tail = (self._tail + chunk).split(b"\r\n")
        for record in csv.reader(line.decode("utf-8") for line in complete):
            self._take(record)
        return view.nbytes

    def _take(self, record: list[str]) -> None:
        if len(record) != self._columns:
            self.malformed += 1
        if self.header is None:
            self.header = record
            return
        self.rows += 1
        if self.first is None:
            self.first = record
        self.last = record

    @property
    def unfinished(self) -> bytes:
        """Bytes after the last line terminator (none once a file is complete)."""
        return self._tail
