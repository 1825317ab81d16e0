"""Streaming CSV and XLSX writers: every row, the right columns, no formulas, flat memory."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

from shared.exports.rows import COLUMNS, safe_text
from shared.exports.writers import PROGRESS_EVERY, CsvWriter, XlsxWriter
from tests.unit.shared.exports.rows_fakes import CsvRowCounter, generated_rows

MIB = 1024 * 1024
ROOT = Path(__file__).resolve().parents[4]


def _peak(write: Callable[[], int]) -> tuple[int, int]:
    """Rows written and the peak of Python allocations while writing."""
    tracemalloc.start()
    try:
        written = write()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return written, peak


def test_csv_export_of_100000_rows_streams_in_constant_memory() -> None:
    # GIVEN 100,000 generated rows and a sink that parses the CSV and keeps only counts
    sink, progress = CsvRowCounter(len(COLUMNS)), []
    # WHEN they are written as CSV
    written, peak = _peak(lambda: CsvWriter().write(generated_rows(100_000), sink, progress.append))
    # THEN the bytes hold the header and 100,000 rows of every column, first to last
    assert sink.bom and tuple(sink.header or ()) == COLUMNS
    assert sink.rows == written == 100_000
    assert sink.malformed == 0 and sink.unfinished == b""
    assert sink.first is not None and sink.first[0] == "idea0000000"
    assert sink.last is not None and sink.last[0] == "idea0099999"
    # AND progress was reported, and memory stayed far below the data
    assert progress[-1] == 100_000 and len(progress) == 100_000 // PROGRESS_EVERY
    assert peak < 2 * MIB, f"peak {peak} bytes"


def test_csv_has_the_columns_and_typed_values() -> None:
    buffer = io.BytesIO()
    CsvWriter().write(generated_rows(3), buffer)
    text = buffer.getvalue().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 4
    first = dict(zip(COLUMNS, rows[1], strict=True))
    assert first["ID"] == "idea0000000" and first["Hidden"] == "yes" and first["Likes"] == "0"
    assert first["Created at"] == "2026-03-01 08:30:00"
    assert buffer.getvalue().startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read UTF-8


def test_csv_cells_that_look_like_formulas_are_quoted() -> None:
    # GIVEN residents' titles that a spreadsheet would evaluate
    buffer = io.BytesIO()
    titles = ['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", "\tcmd", "fine = ok"]
    for title in titles:
        CsvWriter().write(generated_rows(1, title=title), buffer)
    # WHEN the file is read back THEN each dangerous cell starts with a quote
    cells = [row[1] for row in csv.reader(io.StringIO(buffer.getvalue().decode("utf-8-sig")))]
    cells = [c for c in cells if c != "Title"]
    assert cells == ['\'=HYPERLINK("http://x")', "'+1+1", "'-2", "'@SUM(A1)", "'\tcmd", "fine = ok"]


def test_safe_text_leaves_ordinary_text_alone() -> None:
    assert safe_text("A park") == "A park"
    assert safe_text("") == ""
    assert safe_text("=1") == "'=1"


def _sheet_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "xl/workbook.xml" in archive.namelist()
        return archive.read("xl/worksheets/sheet1.xml").decode()


def test_xlsx_holds_header_rows_numbers_and_no_formulas() -> None:
    # GIVEN rows, one of them with a formula-like title
    rows = [*generated_rows(2), *generated_rows(1, title="=cmd|' /C calc'!A0")]
    buffer = io.BytesIO()
    # WHEN they are written as XLSX
    written = XlsxWriter().write(iter(rows), buffer)
    sheet = _sheet_xml(buffer.getvalue())
    # THEN the sheet has the header and each row, numbers as numbers, and no formula cell
    assert written == 3
    assert sheet.count("<row ") == 4
    for name in COLUMNS:
        assert f"<t>{name}</t>" in sheet
    assert "<f>" not in sheet
    assert (
        "<t>&apos;=cmd|&apos; /C calc&apos;!A0</t>" in sheet
        or "<t>'=cmd|' /C calc'!A0</t>" in sheet
    )
    assert re.search(r'<c r="I2"[^>]*><v>0</v></c>', sheet)  # likes: a number cell


# One XLSX export in a fresh interpreter: rows written, bytes, and the process's RSS
# high-water mark (KiB on Linux), which also sees memory outside Python's allocator.
_XLSX_IN_A_PROCESS = """
import resource, sys
from shared.exports.writers import XlsxWriter
from tests.unit.shared.exports.rows_fakes import CountingSink, generated_rows
sink = CountingSink()
written = XlsxWriter().write(generated_rows(int(sys.argv[1])), sink)
print(written, sink.size, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _xlsx_in_a_process(rows: int) -> tuple[int, int, int]:
    """Rows written, file size and peak RSS in bytes of an export run on its own."""
    done = subprocess.run(
        [sys.executable, "-c", _XLSX_IN_A_PROCESS, str(rows)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=180,
    )
    written, size, rss_kib = (int(n) for n in done.stdout.split())
    return written, size, rss_kib * 1024


def test_xlsx_export_of_100000_rows_does_not_grow_the_process() -> None:
    # Measured as each run's peak RSS in a fresh interpreter rather than with
    # tracemalloc: tracing every allocation makes 100,000 XLSX rows take ~40 s
    # instead of ~10 s, and RSS also counts zlib's and the temporary files' buffers.
    # GIVEN the peak memory of a process exporting 1,000 rows
    _, _, small = _xlsx_in_a_process(1_000)
    # WHEN a process exports 100,000 rows
    written, size, large = _xlsx_in_a_process(100_000)
    # THEN every row went out, and the peak grew by far less than the file's size
    # (constant_memory flushes each row to a temporary file; the zip streams to the sink)
    assert written == 100_000 and size > 4 * MIB
    assert large - small < 2 * MIB, f"{small} -> {large} bytes for a {size}-byte file"


def test_every_supported_language_names_every_column() -> None:
    from shared.exports.rows import LABELS, labels_for
    from shared.i18n import SUPPORTED_LOCALES

    assert set(LABELS) == set(SUPPORTED_LOCALES)
    for labels in LABELS.values():
        assert len(labels.columns) == len(COLUMNS) and len(set(labels.columns)) == len(COLUMNS)
        assert labels.yes and labels.no and labels.yes != labels.no
    assert labels_for("de-AT") is LABELS["de"] and labels_for("it") is LABELS["en"]


def test_the_xlsx_header_is_in_the_given_language() -> None:
    from shared.exports.rows import LABELS

    buffer = io.BytesIO()
    XlsxWriter().write(generated_rows(1), buffer, labels=LABELS["nl"])
    assert "<t>Toegewezen aan</t>" in _sheet_xml(buffer.getvalue())
