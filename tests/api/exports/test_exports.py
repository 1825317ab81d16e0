"""POST/GET /manage/exports end to end: the input_export workflow runs its ASL on moto.

The export worker reads the rows through the input manager's listing as the
job's owner (a stored user: the worker reads their current roles), streams
them into the exports bucket and marks the job done; the owner then gets a
15-minute link.
"""

from __future__ import annotations

import csv
import io
import zipfile
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from chalicelib import runtime
from shared.exports.rows import COLUMNS
from shared.permissions import Role, RoleGrant
from tests.api.exports.conftest import finished, request_export
from tests.api.inputs.conftest import Manager, Team
from tests.conftest import HOST_A, body_of


def _object(job_id: str, extension: str) -> bytes:
    s3 = runtime.client("s3")
    key = f"alpha/exports/{job_id}.{extension}"
    body: bytes = s3.get_object(Bucket=runtime.settings().names.bucket("exports"), Key=key)[
        "Body"
    ].read()
    return body


def _csv_rows(job_id: str) -> list[dict[str, str]]:
    text = _object(job_id, "csv").decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    assert tuple(header) == COLUMNS
    return [dict(zip(header, row, strict=True)) for row in reader]


def test_an_admin_exports_every_input_to_csv_and_downloads_it(
    api: Any, manager: Manager, team: Team
) -> None:
    # GIVEN ideas in two projects, one with a title a spreadsheet would evaluate
    ids = [manager.idea(manager.p1), manager.idea(manager.p2)]
    ids.append(manager.idea(manager.p1, title={"en": '=HYPERLINK("http://evil")'}))
    team.member("exporter", RoleGrant(Role.ADMIN))
    # WHEN the admin asks for a CSV export
    job = request_export(api, "exporter", {"format": "csv", "query": {}})
    assert (job["status"], job["format"], job["download_url"]) == ("queued", "csv", None)
    # THEN the workflow writes it and the job is done with every row
    done = finished(api, "exporter", job["id"])
    assert done["status"] == "done" and done["rows_written"] == 3 and done["error"] is None
    assert done["finished_at"] and done["expires_at"]
    # AND the download link is presigned for 15 minutes, as an attachment
    link = parse_qs(urlparse(done["download_url"]).query)
    assert link["X-Amz-Expires"] == ["900"]
    assert link["response-content-disposition"][0].startswith('attachment; filename="inputs-')
    # AND the file holds every row, newest first, formula cells quoted, links absolute
    rows = _csv_rows(job["id"])
    assert [r["ID"] for r in rows] == list(reversed(ids))
    assert rows[0]["Title"] == '\'=HYPERLINK("http://evil")'
    assert rows[1]["Project"] == "Harbour" and rows[1]["Author"]
    assert rows[1]["URL"] == f"http://{HOST_A}/ideas/{ids[1]}"
    assert rows[1]["Hidden"] == "no" and rows[1]["Likes"] == "0"


def test_a_moderator_exports_only_the_projects_they_handle_as_xlsx(
    api: Any, manager: Manager, team: Team
) -> None:
    # GIVEN ideas in p1 and p2, and a moderator of p1
    mine = manager.idea(manager.p1)
    manager.idea(manager.p2)
    team.member("mod-export", RoleGrant(Role.MODERATOR, frozenset({manager.p1})))
    # WHEN they export to XLSX
    job = request_export(api, "mod-export", {"format": "xlsx"})
    done = finished(api, "mod-export", job["id"])
    # THEN the workbook holds p1's idea only
    assert done["status"] == "done" and done["rows_written"] == 1
    with zipfile.ZipFile(io.BytesIO(_object(job["id"], "xlsx"))) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert sheet.count("<row ") == 2 and mine in sheet


def test_filters_select_the_rows(api: Any, manager: Manager, team: Team) -> None:
    manager.idea(manager.p1)
    in_p2 = manager.idea(manager.p2)
    team.member("exporter", RoleGrant(Role.ADMIN))
    job = request_export(api, "exporter", {"format": "csv", "query": {"project": manager.p2}})
    assert finished(api, "exporter", job["id"])["rows_written"] == 1
    assert [r["ID"] for r in _csv_rows(job["id"])] == [in_p2]


def test_a_query_the_person_could_not_list_is_refused_at_once(
    api: Any, manager: Manager, team: Team
) -> None:
    # GIVEN a moderator of p1
    team.member("mod-export", RoleGrant(Role.MODERATOR, frozenset({manager.p1})))
    # WHEN they ask for p2's inputs THEN it is refused now, with the listing's reason
    refused = request_export(api, "mod-export", {"query": {"project": manager.p2}}, expect=403)
    assert refused["code"] == "moderator_only"
    listed = body_of(api.get("/manage/exports", token="mod-export", host=HOST_A))
    assert listed == {"items": []}


def test_a_failing_export_ends_failed_with_a_message(
    api: Any, manager: Manager, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a listing that breaks while the file is written
    from chalicelib.exports import wiring

    manager.idea()
    team.member("exporter", RoleGrant(Role.ADMIN))

    def broken(*args: Any) -> Any:
        raise KeyError("internal detail")

    monkeypatch.setattr(wiring.rows(), "rows", broken)
    # WHEN an export runs
    job = request_export(api, "exporter", {"format": "csv"})
    done = finished(api, "exporter", job["id"])
    # THEN the workflow's catch marked it failed, with a reference and no internals
    assert done["status"] == "failed" and done["download_url"] is None
    assert job["id"] in done["error"] and "internal detail" not in done["error"]


def test_only_the_owner_sees_a_job(api: Any, manager: Manager, team: Team) -> None:
    team.member("exporter", RoleGrant(Role.ADMIN))
    team.member("other-admin", RoleGrant(Role.ADMIN))
    job = request_export(api, "exporter", {"format": "csv"})
    finished(api, "exporter", job["id"])
    other = api.get(f"/manage/exports/{job['id']}", token="other-admin", host=HOST_A)
    assert other.status_code == 404 and body_of(other)["code"] == "export_not_found"
    mine = body_of(api.get("/manage/exports", token="exporter", host=HOST_A))["items"]
    assert [j["id"] for j in mine] == [job["id"]] and mine[0]["download_url"] is None
    theirs = body_of(api.get("/manage/exports", token="other-admin", host=HOST_A))
    assert theirs == {"items": []}


def test_residents_visitors_and_bad_requests_are_refused(api: Any, manager: Manager) -> None:
    resident = api.post("/manage/exports", {"format": "csv"}, token="resident-a", host=HOST_A)
    assert resident.status_code == 403 and body_of(resident)["code"] == "team_only"
    assert api.post("/manage/exports", {"format": "csv"}, host=HOST_A).status_code == 401
    assert api.get("/manage/exports", host=HOST_A).status_code == 401
    bad = api.post("/manage/exports", {"format": "pdf"}, token="admin-a", host=HOST_A)
    assert bad.status_code == 422 and body_of(bad)["errors"][0]["field"] == "format"
    dates = {"query": {"from": "2026-05-01", "to": "2026-01-01"}}
    assert api.post("/manage/exports", dates, token="admin-a", host=HOST_A).status_code == 422
