"""The demo seed: a realistic platform built through the domain services."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from PIL import Image

from infra.local import demo_files
from infra.local.demo_content import LINDENFELD, RIVERSIDE

TODAY = date.today()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """Lindenfeld seeded once on mock_aws (seeding hashes passwords: slow, so shared)."""
    from chalice.test import Client
    from moto import mock_aws

    import app as app_module  # first: importing registers every table model

    key = tmp_path_factory.mktemp("keys") / "signing.key"
    with pytest.MonkeyPatch.context() as patch, mock_aws():
        patch.setenv("TOWNHALL_SIGNING_KEY_SOURCE", f"file:{key}")
        from chalicelib import runtime
        from infra.local.resources import create_all
        from infra.local.seed import DemoSeeder

        runtime.reset()
        create_all(runtime.settings(), runtime.client)
        DemoSeeder(TODAY).seed(LINDENFELD)
        with Client(app_module.app, stage_name="test") as client:
            yield client
        runtime.reset()


def _get(client, path: str, token: str | None = None):
    headers = {"host": LINDENFELD.host}
    if token:
        headers["authorization"] = f"Bearer {token}"
    response = client.http.get(path, headers=headers)
    assert response.status_code == 200, response.body
    return json.loads(response.body)


def _sign_in(client, email: str, password: str):
    return client.http.post(
        "/api/v1/auth/sign-in",
        headers={"host": LINDENFELD.host, "content-type": "application/json"},
        body=json.dumps({"email": email, "password": password}).encode(),
    )


def test_platform_has_its_name_languages_and_colours(seeded):
    platform = _get(seeded, "/api/v1/platform")
    assert platform["name"]["en"] == "City of Lindenfeld"
    assert platform["enabled_locales"] == ["en", "fr", "de", "nl"]
    assert platform["branding"]["primary_color"] == LINDENFELD.colors[0]
    assert platform["map_view"] == {"lat": 52.3705, "lng": 9.7332, "zoom": 14}


def test_every_folder_and_project_is_published_with_a_header_image(seeded):
    folders = _get(seeded, "/api/v1/folders")["items"]
    projects = _get(seeded, "/api/v1/projects?limit=100")["items"]
    assert len(folders) == 3
    expected = sum(len(f.projects) for f in LINDENFELD.folders) + len(LINDENFELD.unfiled)
    assert len(projects) == expected + 2 == 8  # + the ideation and proposals projects
    assert all(p["status"] == "published" and p["header_image_url"] for p in projects)
    assert all(f["header_image_url"] and f["project_count"] >= 1 for f in folders)
    assert all(len(p["title"]) >= 2 for p in projects)  # English and one more language


def test_projects_have_past_current_and_future_information_phases(seeded):
    project = _get(seeded, "/api/v1/projects")["items"][0]
    detail = _get(seeded, f"/api/v1/projects/{project['id']}")
    phases = sorted(detail["phases"], key=lambda p: p["start_date"])
    assert [p["method"] for p in phases] == ["information"] * 3
    past, current, future = phases
    assert past["end_date"] < TODAY.isoformat() <= current["end_date"]
    assert current["start_date"] <= TODAY.isoformat() < future["start_date"]
    assert future["end_date"] is None
    assert current["method_config"]["event"]["location"]
    assert set(current["title"]) == set(LINDENFELD.locales)


def test_some_projects_carry_attachments(seeded):
    details = [
        _get(seeded, f"/api/v1/projects/{p['id']}")
        for p in _get(seeded, "/api/v1/projects?limit=100")["items"]
    ]
    attached = [a for d in details for a in d["attachments"]]
    assert {a["content_type"] for a in attached} == {"application/pdf", "text/plain"}


def test_header_images_are_real_images_in_storage(seeded):
    from chalicelib import runtime

    s3, bucket = runtime.client("s3"), runtime.settings().names.bucket("uploads")
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]]
    headers = [k for k in keys if "/project_header/" in k]
    assert len(headers) == 11  # 3 folders + 6 projects + the ideation and proposals projects
    body = s3.get_object(Bucket=bucket, Key=headers[0])["Body"].read()
    with Image.open(io.BytesIO(body)) as image:
        assert image.size == (640, 320)
    assert len(body) < 60_000


def test_demo_people_can_sign_in_and_the_admin_is_admin(seeded):
    admin = _sign_in(seeded, LINDENFELD.admin.email, LINDENFELD.admin.password)
    assert admin.status_code == 200
    resident = LINDENFELD.residents[1]
    assert _sign_in(seeded, resident.email, resident.password).status_code == 200
    token = json.loads(admin.body)["access_token"]
    assert _get(seeded, "/api/v1/admin/projects", token)["items"]


def test_existing_logins_list_only_seeded_platforms(seeded):
    from infra.local.seed import existing_logins

    logins = existing_logins()
    assert {login.platform for login in logins} == {LINDENFELD.host}
    assert RIVERSIDE.admin.email not in {login.email for login in logins}
    assert {login.role for login in logins} == {"admin", "moderator", "resident"}


def test_generated_files_are_valid():
    jpeg = demo_files.header_image((0, 0, 0), (255, 255, 255), seed=1)
    png = demo_files.header_image((0, 0, 0), (255, 255, 255), seed=1, fmt="PNG")
    assert jpeg == demo_files.header_image((0, 0, 0), (255, 255, 255), seed=1)
    for body, kind in ((jpeg, "JPEG"), (png, "PNG")):
        with Image.open(io.BytesIO(body)) as image:
            assert image.format == kind
    pdf = demo_files.text_pdf("Budget (draft)", ["a \\ b"])
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    assert b"(Budget \\(draft\\)) Tj" in pdf
    assert demo_files.hex_color("#1b4f8a") == (27, 79, 138)


def test_the_ideation_project_has_ideas_talk_statuses_and_feedback(seeded):
    # GIVEN the seeded platform WHEN a visitor opens the ideation project's open phase
    listed = _get(seeded, "/api/v1/projects?limit=50")["items"]
    project = next(p for p in listed if p["title"]["en"] == "A greener Lindenfeld")
    page = _get(seeded, f"/api/v1/projects/{project['id']}")
    phase = next(p for p in page["phases"] if p["method"] == "ideation")
    ideas = _get(seeded, f"/api/v1/projects/{project['id']}/phases/{phase['id']}/ideas?sort=newest")
    # THEN every demo idea is there, by its residents, with statuses from the seeded set
    titles = {i["title"]["en"] for i in ideas["items"]}
    assert "Shade trees along Mühlenweg" in titles and len(titles) == 4
    trees = next(i for i in ideas["items"] if i["title"]["en"].startswith("Shade trees"))
    assert trees["status"]["code"] == "under_consideration"
    assert trees["author"]["display_name"] == "Samuel O."
    assert trees["image"] is not None
    # AND it has a threaded discussion and an official update
    threads = _get(seeded, f"/api/v1/ideas/{trees['id']}/comments")["items"]
    assert len(threads) == 2 and any(t["replies"] for t in threads)
    updates = _get(seeded, f"/api/v1/ideas/{trees['id']}/official-updates")["items"]
    assert "planting plan" in updates[0]["body"]["en"]
    pins = _get(seeded, f"/api/v1/projects/{project['id']}/phases/{phase['id']}/idea-pins")
    assert len(pins["items"]) == 3  # one idea has no location


def test_citizen_proposals_collect_signatures_towards_the_councils_commitment(seeded):
    listed = _get(seeded, "/api/v1/projects?limit=50")["items"]
    project = next(p for p in listed if p["title"]["en"] == "Citizen proposals")
    phase = _get(seeded, f"/api/v1/projects/{project['id']}")["phases"][0]
    assert phase["method"] == "proposals"
    assert phase["method_config"]["signature_threshold"] == 4
    assert "town council" in phase["method_config"]["commitment"]["en"]
    path = f"/api/v1/projects/{project['id']}/phases/{phase['id']}/ideas?sort=newest"
    cards = _get(seeded, path)["items"]
    # Signatures are counted by the worker (not run here): every proposal is collecting.
    assert {c["title"]["en"]: c["proposal"]["state"] for c in cards} == {
        "Night buses on weekends": "collecting",
        "A repair café in the library": "collecting",
    }


def test_the_team_has_work_waiting_a_reported_comment_and_an_assigned_idea(seeded):
    # GIVEN the demo moderator of the ideation project
    assert LINDENFELD.moderator is not None
    signed_in = _sign_in(seeded, LINDENFELD.moderator.email, LINDENFELD.moderator.password)
    token = json.loads(signed_in.body)["access_token"]
    # WHEN they open the input manager
    rows = _get(seeded, "/api/v1/manage/inputs?sort=newest", token)["items"]
    # THEN they see the project's ideas, the newest assigned to the admin
    assert len(rows) == 4
    assert rows[0]["assignee"]["display_name"].startswith(LINDENFELD.admin.first_name)
    # AND one comment carries a resident's report with its note
    reported = [
        report
        for row in rows
        for thread in _get(seeded, f"/api/v1/ideas/{row['id']}/comments", token)["items"]
        for report in _get(
            seeded, f"/api/v1/moderation/activity/comment/{thread['id']}/reports", token
        )["items"]
    ]
    assert [r["reason"] for r in reported] == ["other"]
    assert "advert" in reported[0]["note"]


def test_residents_are_asked_the_citys_questions_and_answered_some(seeded):
    form = _get(seeded, "/api/v1/registration")["fields"]
    ids = [field["id"] for field in form]
    assert ids[:3] == ["gender", "birthyear", "area"]
    assert len(ids) == 5  # and the city's two own questions
    area = form[2]
    assert area["options"][0]["label"]["de"] == "Altstadt"
    resident = LINDENFELD.residents[1]
    signed_in = _sign_in(seeded, resident.email, resident.password)
    me = _get(seeded, "/api/v1/me", json.loads(signed_in.body)["access_token"])
    assert me["answers"]["gender"] == "male"
    assert me["answers"]["area"] == area["options"][2]["id"]
