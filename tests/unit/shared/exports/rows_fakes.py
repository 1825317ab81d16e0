"""Generated export rows for the writer, runner and benchmark tests."""

from __future__ import annotations

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
