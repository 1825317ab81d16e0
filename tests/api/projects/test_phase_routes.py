"""Phases: the timeline rules, method settings, the current phase."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.conftest import body_of


def _today() -> datetime:
    return datetime.now(UTC)


def test_phases_are_ordered_by_start_date(admin):
    project = admin.project("Timeline")
    pid = project["id"]
    later = admin.phase(pid, "2026-03-01", None)
    earlier = admin.phase(pid, "2026-01-01", "2026-02-28")
    assert earlier["method"] == "information" and earlier["actions"] == []
    phases = admin.call("GET", f"/projects/{pid}")["phases"]
    assert [p["id"] for p in phases] == [earlier["id"], later["id"]]


def test_overlapping_phases_are_refused_naming_the_other_phase(api, admin):
    pid = admin.project("Clash")["id"]
    first = admin.phase(pid, "2026-01-01", "2026-01-31")
    response = api.post(
        f"/projects/{pid}/phases",
        {
            "title": {"en": "Second"},
            "start_date": "2026-01-31",
            "end_date": "2026-02-15",
            "method": "information",
        },
        token="admin-a",
    )
    assert response.status_code == 422
    problem = body_of(response)
    assert problem["code"] == "phase_overlap"
    assert problem["overlapping_phase_id"] == first["id"]
    assert problem["values"] == {"phase": "Phase from 2026-01-01"}  # for the translated message
    assert "Phase from 2026-01-01" in problem["detail"]
    # touching (next day) is fine
    admin.phase(pid, "2026-02-01", "2026-02-15")
    # nothing was half-written by the refused attempt
    assert len(admin.call("GET", f"/projects/{pid}")["phases"]) == 2


def test_an_open_ended_phase_must_be_the_last(admin):
    pid = admin.project("Open")["id"]
    admin.phase(pid, "2026-01-01", None)
    problem = admin.phase(pid, "2026-05-01", "2026-05-31", expect=422)
    assert problem["code"] == "phase_overlap"
    # a phase before it is fine
    admin.phase(pid, "2025-12-01", "2025-12-31")


def test_end_before_start_is_refused(api, admin):
    pid = admin.project("Backwards")["id"]
    problem = admin.phase(pid, "2026-02-01", "2026-01-01", expect=422)
    assert problem["code"] == "validation_failed"
    phase = admin.phase(pid, "2026-02-01", "2026-02-10")
    response = api.patch(
        f"/projects/{pid}/phases/{phase['id']}", {"end_date": "2026-01-15"}, token="admin-a"
    )
    assert response.status_code == 422
    assert body_of(response)["errors"][0]["code"] == "end_before_start"


def test_editing_dates_into_an_overlap_is_refused(api, admin):
    pid = admin.project("Edit")["id"]
    first = admin.phase(pid, "2026-01-01", "2026-01-31")
    second = admin.phase(pid, "2026-02-01", "2026-02-28")
    response = api.patch(
        f"/projects/{pid}/phases/{second['id']}", {"start_date": "2026-01-20"}, token="admin-a"
    )
    assert body_of(response)["overlapping_phase_id"] == first["id"]
    # a phase may move within its own dates
    moved = admin.call(
        "PATCH", f"/projects/{pid}/phases/{second['id']}", {"start_date": "2026-02-05"}
    )
    assert moved["start_date"] == "2026-02-05"
    open_ended = admin.call("PATCH", f"/projects/{pid}/phases/{second['id']}", {"open_ended": True})
    assert open_ended["end_date"] is None


def test_unknown_method_and_bad_config_are_field_errors(api, admin):
    pid = admin.project("Methods")["id"]
    body = {"title": {"en": "P"}, "start_date": "2026-01-01", "method": "telepathy"}
    response = api.post(f"/projects/{pid}/phases", body, token="admin-a")
    assert response.status_code == 422
    assert body_of(response)["code"] == "unknown_participation_method"
    assert body_of(response)["errors"][0]["field"] == "method"
    body = {
        "title": {"en": "P"},
        "start_date": "2026-01-01",
        "method": "information",
        "method_config": {"event": {"starts_at": "not a date"}, "colour": "red"},
    }
    response = api.post(f"/projects/{pid}/phases", body, token="admin-a")
    assert response.status_code == 422
    fields = {i["field"] for i in body_of(response)["errors"]}
    assert {"method_config.event.starts_at", "method_config.colour"} <= fields


def test_information_phase_can_announce_an_event(admin):
    pid = admin.project("Event")["id"]
    body = {
        "title": {"en": "Info evening"},
        "description": {"en": "<p>Come</p><img src=x onerror=alert(1)>"},
        "start_date": "2026-01-01",
        "method": "information",
        "method_config": {
            "event": {
                "starts_at": "2026-01-10T18:00:00Z",
                "location": "Town hall",
                "online_url": "https://meet.example.org/x",
            }
        },
    }
    phase = admin.call("POST", f"/projects/{pid}/phases", body, 201)
    assert phase["method_config"]["event"]["location"] == "Town hall"
    assert "onerror" not in phase["description"]["en"]


def test_current_phase_follows_today(api, admin):
    today = _today().date()
    project = admin.project("Now", publish=True)
    pid = project["id"]
    admin.phase(
        pid, (today - timedelta(days=30)).isoformat(), (today - timedelta(days=1)).isoformat()
    )
    current = admin.phase(pid, today.isoformat(), (today + timedelta(days=10)).isoformat())
    admin.phase(pid, (today + timedelta(days=11)).isoformat(), None)
    page = body_of(api.get(f"/projects/{pid}"))
    assert page["current_phase_id"] == current["id"]
    summary = body_of(api.get("/projects"))["items"][0]
    assert summary["current_phase_id"] == current["id"]
    assert summary["current_method"] == "information"


def test_deleting_a_phase_frees_its_dates(admin):
    pid = admin.project("Free")["id"]
    phase = admin.phase(pid, "2026-01-01", "2026-01-31")
    admin.call("DELETE", f"/projects/{pid}/phases/{phase['id']}", expect=204)
    admin.phase(pid, "2026-01-10", "2026-01-20")
    admin.call("DELETE", f"/projects/{pid}/phases/missing", expect=404)


def test_residents_cannot_change_phases(api, admin):
    pid = admin.project("Guarded", publish=True)["id"]
    body = {"title": {"en": "P"}, "start_date": "2026-01-01", "method": "information"}
    response = api.post(f"/projects/{pid}/phases", body, token="resident-a")
    assert response.status_code == 403
    assert api.post(f"/projects/{pid}/phases", body).status_code == 401


def test_phase_texts_and_method_settings_can_be_changed(admin):
    pid = admin.project("Editable")["id"]
    phase = admin.phase(pid, "2026-01-01", "2026-01-31")
    changed = admin.call(
        "PATCH",
        f"/projects/{pid}/phases/{phase['id']}",
        {
            "title": {"en": "Kick-off"},
            "description": {"en": "<h2>Agenda</h2><iframe src='x'></iframe>"},
            "method_config": {"event": {"starts_at": "2026-01-05T18:00:00Z"}},
        },
    )
    assert changed["title"] == {"en": "Kick-off"}
    assert changed["description"] == {"en": "<h2>Agenda</h2>"}
    assert changed["method_config"]["event"]["starts_at"] == "2026-01-05T18:00:00Z"
    page = admin.call("GET", f"/projects/{pid}")
    assert page["phases"][0]["title"] == {"en": "Kick-off"}
    response = admin.api.patch(
        f"/projects/{pid}/phases/{phase['id']}", {"method": "telepathy"}, token="admin-a"
    )
    assert response.status_code == 422
    admin.call("PATCH", f"/projects/{pid}/phases/missing", {"title": {"en": "x"}}, 404)
