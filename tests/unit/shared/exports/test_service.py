"""Asking for exports: who may, what is queued and started, and who can read a job back."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from shared.errors import AuthenticationError, ForbiddenError, NotFoundError
from shared.exports.errors import TooManyExportsError
from shared.exports.repository import ExportJobRepository
from shared.exports.schemas import ExportRequest
from shared.exports.service import MAX_UNFINISHED, STALLED, START_FAILED, ExportService
from shared.permissions import ANONYMOUS, Principal, Role, RoleGrant
from shared.tenancy import TenantContext

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
TENANT = TenantContext("alpha", "alpha.test")
MODERATOR = Principal("m1", "alpha", frozenset({RoleGrant(Role.MODERATOR, frozenset({"p1"}))}))
OTHER = Principal("m2", "alpha", frozenset({RoleGrant(Role.ADMIN)}))


class Starter:
    def __init__(self, fails: bool = False) -> None:
        self.started: list[tuple[str, dict[str, Any]]] = []
        self.fails = fails

    def start(self, execution_name: str, payload: dict[str, Any]) -> None:
        if self.fails:
            raise ConnectionError("states unreachable")
        self.started.append((execution_name, payload))


class Links:
    def download_url(self, key: str, filename: str) -> str:
        return f"https://files.example/{key}?as={filename}"


def _service(starter: Starter) -> ExportService:
    return ExportService(starter, Links(), lambda tenant: "nl", lambda: NOW)


def _body(**query: Any) -> ExportRequest:
    return ExportRequest.model_validate({"format": "csv", "query": query})


def test_a_team_member_queues_an_export_and_its_workflow_starts(aws: dict[str, str]) -> None:
    # GIVEN a moderator of one project
    starter = Starter()
    # WHEN they ask for a CSV of the reported inputs
    job = _service(starter).request(TENANT, MODERATOR, _body(reported=True))
    # THEN a queued job is returned and one execution named by the job id is started
    assert job.status == "queued" and job.format == "csv" and job.rows_written == 0
    assert job.download_url is None and job.expires_at is None
    assert starter.started == [(job.id, {"tenant_id": "alpha", "owner_id": "m1", "job_id": job.id})]
    record = ExportJobRepository(TENANT).get("m1", job.id)
    assert record is not None and record.filters == {"reported": True, "sort": "newest"}
    assert record.locale == "nl"


def test_residents_and_visitors_cannot_export(aws: dict[str, str]) -> None:
    with pytest.raises(ForbiddenError):
        _service(Starter()).request(TENANT, Principal("r1", "alpha"), _body())
    with pytest.raises(AuthenticationError):
        _service(Starter()).request(TENANT, ANONYMOUS, _body())


def test_a_few_exports_at_a_time_per_person(aws: dict[str, str]) -> None:
    service = _service(Starter())
    for _ in range(MAX_UNFINISHED):
        service.request(TENANT, MODERATOR, _body())
    with pytest.raises(TooManyExportsError) as refused:
        service.request(TENANT, MODERATOR, _body())
    assert refused.value.code == "export_in_progress" and refused.value.status == 409
    service.request(TENANT, OTHER, _body())  # someone else is not held up


def test_a_workflow_that_does_not_start_fails_the_job_with_a_message(aws: dict[str, str]) -> None:
    job = _service(Starter(fails=True)).request(TENANT, MODERATOR, _body())
    assert job.status == "failed" and job.error == START_FAILED


def test_only_the_owner_reads_a_job_and_a_done_job_links_to_its_file(aws: dict[str, str]) -> None:
    # GIVEN a finished job of the moderator
    service = _service(Starter())
    job = service.request(TENANT, MODERATOR, _body())
    repo = ExportJobRepository(TENANT)
    record = repo.get("m1", job.id)
    assert record is not None
    repo.start(record, f"alpha/exports/{job.id}.csv", NOW)
    repo.finish(record, 42, NOW)
    # WHEN the owner reads it THEN it links to the file, named for the day, and says when it goes
    mine = service.get(TENANT, MODERATOR, job.id)
    assert mine.status == "done" and mine.rows_written == 42
    assert mine.download_url == (
        f"https://files.example/alpha/exports/{job.id}.csv?as=inputs-2026-12-04-{job.id[-6:]}.csv"
    )
    assert mine.expires_at == datetime(2027, 1, 3, 12, 0, tzinfo=UTC)
    # AND the list shows it without a link
    listed = service.recent(TENANT, MODERATOR).items
    assert [j.id for j in listed] == [job.id] and listed[0].download_url is None
    # AND another admin cannot read it, not even knowing its id
    with pytest.raises(NotFoundError):
        service.get(TENANT, OTHER, job.id)
    assert service.recent(TENANT, OTHER).items == []


def test_recent_exports_are_newest_first(aws: dict[str, str]) -> None:
    service = _service(Starter())
    repo = ExportJobRepository(TENANT)
    for job_id in ("0001", "0003", "0002"):
        repo.create("m1", job_id, format="csv", query={}, locale="en", now=NOW)
    assert [j.id for j in service.recent(TENANT, MODERATOR).items] == ["0003", "0002", "0001"]


def test_filters_are_checked_before_anything_is_queued() -> None:
    with pytest.raises(ValueError, match="from"):
        ExportRequest.model_validate({"query": {"from": "2026-05-01", "to": "2026-04-01"}})
    with pytest.raises(ValueError):
        ExportRequest.model_validate({"format": "pdf"})
    with pytest.raises(ValueError):
        ExportRequest.model_validate({"query": {"cursor": "abc"}})


def test_a_job_that_lost_its_workflow_shows_failed_and_blocks_nobody(aws: dict[str, str]) -> None:
    # GIVEN three exports queued more than an hour ago whose workflows never ran
    repo = ExportJobRepository(TENANT)
    earlier = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
    for job_id in ("0001", "0002", "0003"):
        repo.create("m1", job_id, format="csv", query={}, locale="en", now=earlier)
    service = _service(Starter())
    # WHEN the owner looks at them THEN they read as failed, with a way forward
    stalled = service.get(TENANT, MODERATOR, "0001")
    assert stalled.status == "failed" and stalled.error == STALLED
    # AND a new export may still be asked for
    assert service.request(TENANT, MODERATOR, _body()).status == "queued"
