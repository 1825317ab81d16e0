"""Streaming writers: rows in, a CSV or XLSX file out, in memory constant in the row count.

Both write to a binary sink (the S3 multipart upload, a file, a counting sink)
and report progress every :data:`PROGRESS_EVERY` rows. The XLSX writer uses
xlsxwriter's ``constant_memory`` mode (each row is flushed to a temporary file
as soon as the next starts; inline strings, no shared-string table) and
streams the final zip into the sink. Every text cell goes through
:func:`~shared.exports.rows.safe_text`, numbers stay numbers and times are
real dates, so nothing a resident typed is ever evaluated as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import BinaryIO, Protocol, TypeAlias

import xlsxwriter

from shared.exports.rows import LABELS, ExportRow, Labels, safe_text
from shared.exports.schemas import ExportFormat

PROGRESS_EVERY = 1000
Progress = Callable[[int], None]
# A binary stream: the multipart upload, a file, a counting sink in tests.
Sink: TypeAlias = BinaryIO | io.RawIOBase


ENGLISH = LABELS["en"]


def _no_progress(rows: int) -> None:
    return None


class RowWriter(Protocol):
    content_type: str
    extension: str

    def write(
        self,
        rows: Iterable[ExportRow],
        sink: Sink,
        progress: Progress = _no_progress,
        labels: Labels = ENGLISH,
    ) -> int:
        """Write the header in ``labels``' language and every row; return the row count."""


def _csv_value(value: str | int | bool | datetime, labels: Labels) -> str | int:
    if isinstance(value, bool):
        return labels.yes if value else labels.no
    if isinstance(value, int):
        return value
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    return safe_text(value)


class CsvWriter:
    """UTF-8 CSV with a byte-order mark (so spreadsheet programs read the accents right)."""

    content_type = "text/csv; charset=utf-8"
    extension = "csv"

    def write(
        self,
        rows: Iterable[ExportRow],
        sink: Sink,
        progress: Progress = _no_progress,
        labels: Labels = ENGLISH,
    ) -> int:
        text = io.TextIOWrapper(sink, encoding="utf-8-sig", newline="")  # type: ignore[type-var]
        writer = csv.writer(text)
        writer.writerow(labels.columns)
        count = 0
        for row in rows:
            writer.writerow([_csv_value(v, labels) for v in row.values()])
            count += 1
            if count % PROGRESS_EVERY == 0:
                progress(count)
        text.flush()
        text.detach()  # the sink stays open: its owner completes the upload
        return count


class XlsxWriter:
    """One worksheet, a bold frozen header row and date-formatted creation times."""

    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    extension = "xlsx"

    def __init__(self, tmpdir: str | None = None) -> None:
        self._tmpdir = tmpdir

    def write(
        self,
        rows: Iterable[ExportRow],
        sink: Sink,
        progress: Progress = _no_progress,
        labels: Labels = ENGLISH,
    ) -> int:
        options: dict[str, object] = {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
            "remove_timezone": True,
        }
        if self._tmpdir:
            options["tmpdir"] = self._tmpdir
        workbook = xlsxwriter.Workbook(sink, options)
        sheet = workbook.add_worksheet("Inputs")
        header = workbook.add_format({"bold": True})
        when = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        sheet.freeze_panes(1, 0)
        sheet.set_column(1, 1, 48)
        sheet.set_column(13, 13, 18)
        for column, name in enumerate(labels.columns):
            sheet.write_string(0, column, name, header)
        count = 0
        for count, row in enumerate(rows, start=1):
            for column, value in enumerate(row.values()):
                if isinstance(value, bool):
                    sheet.write_boolean(count, column, value)
                elif isinstance(value, int):
                    sheet.write_number(count, column, value)
                elif isinstance(value, datetime):
                    sheet.write_datetime(count, column, value.astimezone(UTC), when)
                else:
                    sheet.write_string(count, column, safe_text(value))
            if count % PROGRESS_EVERY == 0:
                progress(count)
        workbook.close()
        return count


def writer_for(format: ExportFormat, tmpdir: str | None = None) -> RowWriter:
    return XlsxWriter(tmpdir) if format is ExportFormat.XLSX else CsvWriter()
