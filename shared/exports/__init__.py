"""Exports of the input manager: jobs, streaming CSV/XLSX writers, S3 multipart uploads.

The API side (:class:`ExportService`) queues a job and starts the
``input_export`` workflow; its task (:class:`ExportRunner`) streams the rows
of a :class:`RowSource` through a writer into the ``exports`` bucket.
"""

from shared.exports.errors import ExportError, ExportRefusedError, TooManyExportsError
from shared.exports.links import ExportFileLinks
from shared.exports.rows import COLUMNS, ExportRow, RowSource, safe_text
from shared.exports.runner import ExportRunner, Principals
from shared.exports.schemas import (
    ExportFormat,
    ExportJob,
    ExportJobList,
    ExportQuery,
    ExportRequest,
)
from shared.exports.service import ExportService
from shared.exports.uploader import MultipartUpload
from shared.exports.workflow import StepFunctionsStarter, WorkflowStarter
from shared.exports.writers import CsvWriter, XlsxWriter, writer_for

__all__ = [
    "COLUMNS",
    "CsvWriter",
    "ExportError",
    "ExportFileLinks",
    "ExportFormat",
    "ExportJob",
    "ExportJobList",
    "ExportQuery",
    "ExportRefusedError",
    "ExportRequest",
    "ExportRow",
    "ExportRunner",
    "ExportService",
    "MultipartUpload",
    "Principals",
    "RowSource",
    "StepFunctionsStarter",
    "TooManyExportsError",
    "WorkflowStarter",
    "XlsxWriter",
    "safe_text",
    "writer_for",
]
