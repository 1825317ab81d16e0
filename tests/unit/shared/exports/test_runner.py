"""The export task: rows to a file in S3, progress, idempotent reruns, failures for people."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from chalicelib import runtime
from shared.exports.errors import ExportRefusedError
from shared.exports.repository import ExportJobRepository
from shared.exports.rows import LABELS, ExportRow
from shared.exports.runner import NO_ACCESS, TIMED_OUT, ExportRunner, failure_message
from shared.exports.schemas import ExportQuery
from shared.exports.uploader import MIN_PART_SIZE
from shared.permissions import Principal, Role, RoleGrant
from shared.tenancy import TenantContext
from tests.unit.shared.exports.rows_fakes import generated_rows

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
TENANT = TenantContext("alpha", "alpha.test")
MANAGER = Principal("u1", "alpha", frozenset({RoleGrant(Role.PROJECT_MANAGER, frozenset({"p1"}))}))


class Rows:
    """A row source that records what it was asked for."""

    def __init__(self, count: int, fail_after: int | None = None) -> None:
        self.count, self.fail_after = count, fail_after
        self.asked: list[tuple[str | None, dict[str, Any], str]] = []

    def rows(
        self, tenant: TenantContext, principal: Principal, query: ExportQuery, locale: str
    ) -> Iterator[ExportRow]:
        self.asked.append((principal.user_id, query.filters(), locale))
        for i, row in enumerate(generated_rows(self.count)):
            if self.fail_after is not None and i == self.fail_after:
                raise RuntimeError("the listing broke")
            yield row


class People:
    def __init__(self, principal: Principal | None) -> None:
        self.found = principal

    def principal(self, tenant: TenantContext, user_id: str) -> Principal | None:
        return self.found


@pytest.fixture
def repo(aws: dict[str, str]) -> ExportJobRepository:
    return ExportJobRepository(TENANT)


def _runner(rows: Rows, principal: Principal | None = MANAGER) -> ExportRunner:
    return ExportRunner(
        rows,
        People(principal),
        runtime.client("s3"),
        runtime.settings().names.bucket("exports"),
        lambda: NOW,
        part_size=MIN_PART_SIZE,
    )


def _job(repo: ExportJobRepository, format: str = "csv", job_id: str = "job1") -> str:
    query = ExportQuery.model_validate({"project": "p1", "from": "2026-01-01"}).filters()
    repo.create("u1", job_id, format=format, query=query, locale="fr", now=NOW)
    return job_id


def _file(key: str) -> bytes:
    s3 = runtime.client("s3")
    body: bytes = s3.get_object(Bucket=runtime.settings().names.bucket("exports"), Key=key)[
        "Body"
    ].read()
    return body


def test_a_queued_job_becomes_a_file_with_every_row(repo: ExportJobRepository) -> None:
    # GIVEN a queued CSV job for a project, and 12,000 rows the owner may see
    rows = Rows(12_000)
    job_id = _job(repo)
    # WHEN the task runs
    result = _runner(rows).export(TENANT, "u1", job_id)
    # THEN the job is done with every row counted and the file in the tenant's prefix
    record = repo.get("u1", job_id)
    assert record is not None and record.status == "done" and record.rows_written == 12_000
    assert result == {"job_id": job_id, "status": "done", "rows_written": 12_000, "error": None}
    assert record.object_key == "alpha/exports/job1.csv" and record.upload_id is None
    lines = list(csv.reader(io.StringIO(_file(record.object_key).decode("utf-8-sig"))))
    assert len(lines) == 12_001
    # AND the header is in the platform's language (French here)
    assert tuple(lines[0]) == LABELS["fr"].columns and lines[1][12] == "oui"
    # AND the rows were asked with the job's filters, as its owner, in the platform's language
    assert rows.asked == [("u1", {"project": "p1", "from": "2026-01-01", "sort": "newest"}, "fr")]


def test_an_xlsx_job_writes_a_workbook(repo: ExportJobRepository) -> None:
    job_id = _job(repo, "xlsx")
    _runner(Rows(10)).export(TENANT, "u1", job_id)
    record = repo.get("u1", job_id)
    assert record is not None and record.object_key == "alpha/exports/job1.xlsx"
    assert _file(record.object_key)[:2] == b"PK"  # a zip: the workbook


def test_running_a_finished_job_again_changes_nothing(repo: ExportJobRepository) -> None:
    job_id = _job(repo)
    _runner(Rows(5)).export(TENANT, "u1", job_id)
    again = Rows(99)
    result = _runner(again).export(TENANT, "u1", job_id)
    assert result["rows_written"] == 5 and again.asked == []


def test_a_retried_attempt_aborts_the_interrupted_upload_and_starts_afresh(
    repo: ExportJobRepository,
) -> None:
    # GIVEN an attempt that broke mid-stream, leaving the job running
    job_id = _job(repo)
    with pytest.raises(RuntimeError):
        _runner(Rows(100, fail_after=50)).export(TENANT, "u1", job_id)
    s3, bucket = runtime.client("s3"), runtime.settings().names.bucket("exports")
    assert s3.list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []  # aborted at once
    record = repo.get("u1", job_id)
    assert record is not None and record.status == "running"
    # WHEN the workflow retries the task
    _runner(Rows(100)).export(TENANT, "u1", job_id)
    # THEN the job is done with the complete file, counted from zero
    record = repo.get("u1", job_id)
    assert record is not None and record.status == "done" and record.rows_written == 100
    assert record.attempts == 2


def test_an_owner_without_back_office_access_is_refused_and_told_why(
    repo: ExportJobRepository,
) -> None:
    # GIVEN a job whose owner lost their roles before it ran
    job_id = _job(repo)
    resident = Principal("u1", "alpha")
    with pytest.raises(ExportRefusedError) as refused:
        _runner(Rows(3), resident).export(TENANT, "u1", job_id)
    # WHEN the workflow's catch marks the job failed with the caught error
    cause = json.dumps({"errorType": "ExportRefusedError", "errorMessage": str(refused.value)})
    _runner(Rows(3)).fail(TENANT, "u1", job_id, "ExportRefusedError", cause)
    # THEN the job failed with the message meant for its owner
    record = repo.get("u1", job_id)
    assert record is not None and record.status == "failed" and record.error == NO_ACCESS
    assert record.finished_at is not None


def test_a_failed_job_cannot_be_finished_or_restarted(repo: ExportJobRepository) -> None:
    job_id = _job(repo)
    record = repo.get("u1", job_id)
    assert record is not None and repo.fail(record, "stop", NOW)
    assert not repo.start(record, "k", NOW)
    assert not repo.finish(record, 1, NOW)
    assert _runner(Rows(3)).export(TENANT, "u1", job_id)["status"] == "failed"


def test_failures_are_explained_without_internals() -> None:
    assert failure_message("j1", "States.Timeout", "") == TIMED_OUT
    assert failure_message("j1", "Sandbox.Timedout", None) == TIMED_OUT
    internal = json.dumps({"errorType": "KeyError", "errorMessage": "'secret_column'"})
    message = failure_message("j1", "KeyError", internal)
    assert "secret_column" not in message and "j1" in message
    assert failure_message("j1", "ExportRefusedError", "not json") == message


def test_marking_a_missing_job_failed_is_harmless(aws: dict[str, str]) -> None:
    result = _runner(Rows(1)).fail(TENANT, "u1", "nojob", "KeyError", None)
    assert result["status"] == "failed"


def test_progress_is_visible_while_the_file_is_written(repo: ExportJobRepository) -> None:
    # GIVEN a source that looks at the job while it hands out rows
    job_id = _job(repo)
    seen: list[tuple[str, int]] = []

    class Watching(Rows):
        def rows(self, *args: Any) -> Iterator[ExportRow]:
            for i, row in enumerate(super().rows(*args)):
                if i in (1, 5_001, 10_001):
                    record = repo.get("u1", job_id)
                    assert record is not None
                    seen.append((record.status, int(record.rows_written)))
                yield row

    # WHEN 12,000 rows are exported
    _runner(Watching(12_000)).export(TENANT, "u1", job_id)
    # THEN the job was running and its count rose as the rows were written
    assert seen == [("running", 0), ("running", 5_000), ("running", 10_000)]
