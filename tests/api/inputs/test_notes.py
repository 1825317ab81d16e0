"""Internal notes: /ideas/{id}/notes (team only, mentions of colleagues, author edits)."""

from __future__ import annotations

from typing import Any

from shared.permissions import Role, RoleGrant
from tests.api.inputs.conftest import Manager, Team
from tests.conftest import HOST_A, body_of


def _post(
    manager: Manager, idea: str, token: str, body: str = "Call the parks team.", **extra: Any
) -> Any:
    return manager.call("POST", f"/ideas/{idea}/notes", {"body": body, **extra}, token)


def test_team_members_post_and_read_notes_with_mentions(
    manager: Manager, team: Team, recorder: Any
) -> None:
    # GIVEN a moderator and a manager of p1 (stored users) and an idea in p1
    mod = team.member("mod", RoleGrant(Role.MODERATOR, frozenset({manager.p1})))
    lead = team.member("lead", RoleGrant(Role.PROJECT_MANAGER, frozenset({manager.p1})))
    idea = manager.idea()
    # WHEN the moderator posts a note mentioning the manager
    response = _post(manager, idea, "mod", mentioned_ids=[lead])
    # THEN it is stored with its author and mention, and an event names the mention
    assert response.status_code == 201, body_of(response)
    note = body_of(response)
    assert (note["author"]["id"], [p["id"] for p in note["mentioned"]]) == (mod, [lead])
    assert note["permissions"] == {"edit": True, "delete": True}
    assert [(e.type, e.data) for e in recorder.events] == [
        (
            "ideation.note.posted",
            {
                "note_id": note["id"],
                "idea_id": idea,
                "project_id": manager.p1,
                "author_id": mod,
                "mentioned_ids": [lead],
            },
        )
    ]
    # AND the manager reads it (but may not edit it)
    listed = body_of(manager.call("GET", f"/ideas/{idea}/notes", None, "lead"))["items"]
    assert [n["body"] for n in listed] == ["Call the parks team."]
    assert listed[0]["permissions"] == {"edit": False, "delete": False}


def test_notes_are_never_shown_to_residents_or_other_projects(manager: Manager, api: Any) -> None:
    idea = manager.idea()
    assert _post(manager, idea, "admin-a").status_code == 201
    other_pm = manager.tokens.project_manager(manager.p2)
    for token in ("resident-a", other_pm):
        assert manager.call("GET", f"/ideas/{idea}/notes", None, token).status_code == 404
        assert _post(manager, idea, token).status_code == 404
    assert api.get(f"/ideas/{idea}/notes", host=HOST_A).status_code == 401
    # the idea itself shows nothing of them
    assert "notes" not in body_of(api.get(f"/ideas/{idea}", host=HOST_A))


def test_mentions_must_be_team_members_of_the_project(manager: Manager, team: Team) -> None:
    outsider = team.member("outsider", RoleGrant(Role.PROJECT_MANAGER, frozenset({manager.p2})))
    citizen = team.member("citizen")
    idea = manager.idea()
    for mentioned in ([outsider], [citizen], ["unknown-user"]):
        response = _post(manager, idea, "admin-a", mentioned_ids=mentioned)
        assert response.status_code == 422, mentioned
        assert body_of(response)["errors"][0] == {
            "field": "mentioned_ids",
            "code": "not_a_team_member",
            "message": body_of(response)["errors"][0]["message"],
        }
    assert body_of(manager.call("GET", f"/ideas/{idea}/notes", None))["items"] == []


def test_only_the_author_edits_and_the_author_or_an_admin_deletes(
    manager: Manager, team: Team, recorder: Any
) -> None:
    mod = team.member("mod", RoleGrant(Role.MODERATOR, frozenset({manager.p1})))
    lead = team.member("lead", RoleGrant(Role.PROJECT_MANAGER, frozenset({manager.p1})))
    idea = manager.idea()
    note = body_of(_post(manager, idea, "mod"))
    path = f"/ideas/{idea}/notes/{note['id']}"
    # the manager may neither edit nor delete the moderator's note
    assert manager.call("PATCH", path, {"body": "Mine now"}, "lead").status_code == 403
    assert manager.call("DELETE", path, None, "lead").status_code == 403
    # the author edits it, mentioning the manager: only the new mention is announced
    edited = manager.call("PATCH", path, {"body": "Asked them.", "mentioned_ids": [lead]}, "mod")
    assert edited.status_code == 200, body_of(edited)
    assert body_of(edited)["body"] == "Asked them."
    assert recorder.events[-1].type == "ideation.note.updated"
    assert recorder.events[-1].data["mentioned_ids"] == [lead]
    assert body_of(edited)["author"]["id"] == mod
    # an admin deletes it
    assert manager.call("DELETE", path, None, "admin-a").status_code == 204
    assert body_of(manager.call("GET", f"/ideas/{idea}/notes", None))["items"] == []
    assert manager.call("DELETE", path, None, "admin-a").status_code == 404


def test_a_blank_or_marked_up_note_is_refused(manager: Manager) -> None:
    idea = manager.idea()
    assert _post(manager, idea, "admin-a", body="   ").status_code == 422
    assert _post(manager, idea, "admin-a", body="<b>bold</b>").status_code == 422
    assert _post(manager, idea, "admin-a", body="x" * 5001).status_code == 422
