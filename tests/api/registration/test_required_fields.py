"""Required fields: an action asks for what is missing, and succeeds once it is answered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.api.registration.conftest import custom_field


def _open_ideation(people, permissions: dict) -> tuple[str, str]:
    project = people.call("admin", "POST", "/projects", {"title": {"en": "Park"}}, expect=201)
    today = datetime.now(UTC).date()
    phase = people.call(
        "admin",
        "POST",
        f"/projects/{project['id']}/phases",
        {
            "title": {"en": "Ideas"},
            "start_date": (today - timedelta(days=1)).isoformat(),
            "end_date": (today + timedelta(days=30)).isoformat(),
            "method": "ideation",
            "permissions": permissions,
        },
        expect=201,
    )
    people.call("admin", "POST", f"/projects/{project['id']}/publish")
    return project["id"], phase["id"]


def test_a_phase_may_only_require_fields_the_platform_has(people):
    project = people.call("admin", "POST", "/projects", {"title": {"en": "Unused"}}, expect=201)
    body = {
        "title": {"en": "Ideas"},
        "start_date": "2026-01-01",
        "method": "ideation",
        "permissions": {"comment": {"required_fields": ["shoe_size", "gender"]}},
    }
    refused = people.call("admin", "POST", f"/projects/{project['id']}/phases", body, expect=422)
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [
        ("permissions.comment.required_fields", "unknown_field")
    ]


def test_posting_asks_for_the_missing_fields_in_order_then_succeeds(people):
    # GIVEN a platform requiring gender, and a phase also requiring a custom field and area
    north = people.call("admin", "POST", "/registration/areas", {"name": {"en": "North"}}, 201)
    travel = people.call("admin", "POST", "/registration/fields", custom_field(), expect=201)
    for field_id, required in (("gender", True), ("area", False)):
        body = {"enabled": True, "required": required}
        people.call("admin", "PATCH", f"/registration/fields/{field_id}", body)
    rule = {"required_fields": ["area", travel["id"]]}
    project_id, phase_id = _open_ideation(people, {"post_input": rule})
    # WHEN Ada, who answered nothing, looks at the phase and tries to post
    viewer = people.call("ada", "GET", f"/projects/{project_id}")["phases"][0]["viewer"]
    path = f"/projects/{project_id}/phases/{phase_id}/ideas"
    idea = {"title": {"en": "A bench"}, "body": {"en": "<p>To sit.</p>"}}
    refused = people.call("ada", "POST", path, idea, expect=403)
    # THEN both name the fields to ask: the platform's required ones, then the rule's
    wanted = ["gender", "area", travel["id"]]
    assert viewer["post_input"] == {
        "allowed": False,
        "reason": "missing_profile_fields",
        "fields": wanted,
    }
    assert refused["code"] == "missing_profile_fields"
    assert refused["fields"] == wanted
    # AND reacting, whose rule adds nothing, asks only for the platform's required field
    assert viewer["react"]["fields"] == ["gender"]
    # WHEN she answers them in her profile
    answers = {"gender": "female", "area": north["id"], travel["id"]: "bike"}
    people.call("ada", "PATCH", "/me", {"answers": answers})
    # THEN the same post succeeds at once
    people.call("ada", "POST", path, idea, expect=201)
    viewer = people.call("ada", "GET", f"/projects/{project_id}")["phases"][0]["viewer"]
    assert viewer["post_input"]["allowed"] is True


def test_a_switched_off_field_never_blocks(people):
    people.call("admin", "PATCH", "/registration/fields/education", {"enabled": True})
    project_id, _ = _open_ideation(people, {"post_input": {"required_fields": ["education"]}})
    people.call("admin", "PATCH", "/registration/fields/education", {"enabled": False})
    viewer = people.call("ada", "GET", f"/projects/{project_id}")["phases"][0]["viewer"]
    assert viewer["post_input"]["allowed"] is True
