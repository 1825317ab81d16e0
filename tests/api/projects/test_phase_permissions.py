"""Per-phase permissions: who may take each action, validated, stored and told to the viewer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from shared.permissions import Principal
from tests.conftest import body_of


def _ideation_phase(admin, project_id: str, permissions=None, expect: int = 201):
    today = datetime.now(UTC).date()
    body = {
        "title": {"en": "Ideas"},
        "start_date": (today - timedelta(days=1)).isoformat(),
        "end_date": (today + timedelta(days=30)).isoformat(),
        "method": "ideation",
        **({"permissions": permissions} if permissions is not None else {}),
    }
    return admin.call("POST", f"/projects/{project_id}/phases", body, expect)


def test_a_new_phase_admits_signed_in_residents_to_every_action(admin):
    project = admin.project("Defaults", publish=True)
    phase = _ideation_phase(admin, project["id"])
    assert set(phase["permissions"]) == {"post_input", "comment", "react"}
    assert {rule["audience"] for rule in phase["permissions"].values()} == {"signed_in"}


def test_the_viewer_is_told_what_they_may_do_and_why_not(admin, api, tokens):
    project = admin.project("Told", publish=True)
    _ideation_phase(admin, project["id"], {"react": {"audience": "verified"}})
    tokens.add("verified-a", Principal("verified-a", "alpha", email_confirmed=True, verified=True))

    def viewer(token: str | None) -> dict:
        response = api.get(f"/projects/{project['id']}", token=token)
        return body_of(response)["phases"][0]["viewer"]

    as_visitor, as_resident, as_verified = viewer(None), viewer("resident-a"), viewer("verified-a")
    assert as_visitor["post_input"]["reason"] == "not_signed_in"
    assert as_resident["post_input"]["allowed"] is True
    assert as_resident["react"] == {"allowed": False, "reason": "not_verified", "fields": []}
    assert as_verified["react"]["allowed"] is True


def test_an_update_replaces_the_rules_and_a_reaction_obeys_them(admin, api, tokens):
    project = admin.project("Obeyed", publish=True)
    phase = _ideation_phase(admin, project["id"])
    path = f"/projects/{project['id']}/phases/{phase['id']}"
    updated = admin.call("PATCH", path, {"permissions": {"post_input": {"audience": "team"}}})
    assert updated["permissions"]["post_input"]["audience"] == "team"
    assert updated["permissions"]["react"]["audience"] == "signed_in"
    # A resident is now refused posting, with the reason a person can act on.
    response = api.post(
        f"/projects/{project['id']}/phases/{phase['id']}/ideas",
        {"title": {"en": "A bench"}, "body": {"en": "<p>Somewhere to sit.</p>"}},
        token="resident-a",
    )
    assert response.status_code == 403
    assert body_of(response)["code"] == "manager_only"


def test_rules_that_cannot_hold_are_refused_and_nothing_is_stored(admin, api):
    project = admin.project("Refused", publish=True)
    cases = {
        "vote": ({"vote": {"audience": "signed_in"}}, "permissions.vote", "action_not_in_method"),
        "everyone": (
            {"post_input": {"audience": "everyone"}},
            "permissions.post_input.audience",
            "sign_in_needed",
        ),
        "unknown group": (
            {"react": {"audience": "groups", "group_ids": ["g-nope"]}},
            "permissions.react.group_ids",
            "unknown_group",
        ),
        "unknown field": (
            {"comment": {"required_fields": ["shoe_size"]}},
            "permissions.comment.required_fields",
            "unknown_field",
        ),
    }
    for name, (permissions, field, code) in cases.items():
        problem = _ideation_phase(admin, project["id"], permissions, expect=422)
        assert [(e["field"], e["code"]) for e in problem["errors"]] == [(field, code)], name
    groups_without_ids = _ideation_phase(
        admin, project["id"], {"react": {"audience": "groups"}}, expect=422
    )
    assert groups_without_ids["code"] == "validation_failed"
    assert admin.call("GET", f"/projects/{project['id']}")["phases"] == []
