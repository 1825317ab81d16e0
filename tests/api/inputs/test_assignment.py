"""POST /manage/inputs/assign and GET /manage/collaborators."""

from __future__ import annotations

from typing import Any

from shared.permissions import Role, RoleGrant
from tests.api.inputs.conftest import Manager, Team
from tests.conftest import body_of


def _assign(manager: Manager, ids: list[str], assignee: str | None, token: str = "admin-a") -> Any:
    body = {"idea_ids": ids, "assignee_id": assignee}
    return manager.call("POST", "/manage/inputs/assign", body, token)


def test_assigning_sets_the_assignee_and_emits_an_event(
    manager: Manager, team: Team, recorder: Any
) -> None:
    # GIVEN a manager of p1 (a real user) and an idea in p1
    lead = team.member("lead", RoleGrant(Role.PROJECT_MANAGER, frozenset({manager.p1})))
    idea = manager.idea()
    # WHEN the admin assigns the idea to them
    response = _assign(manager, [idea], lead)
    # THEN the result is ok, the table shows the assignee, "me" finds it for them
    assert body_of(response) == {"results": [{"idea_id": idea, "ok": True, "code": None}]}
    row = manager.list()["items"][0]
    assert row["assignee"]["id"] == lead
    assert manager.ids("lead", assignee="me") == [idea]
    assert manager.ids(assignee=lead) == [idea]
    assert manager.ids(assignee="none") == []
    # AND one event names the new and the previous assignee
    assert [(e.type, e.data) for e in recorder.events] == [
        (
            "ideation.idea.assigned",
            {
                "idea_id": idea,
                "project_id": manager.p1,
                "assignee_id": lead,
                "previous_assignee_id": None,
            },
        )
    ]
    # WHEN it is unassigned
    assert body_of(_assign(manager, [idea], None))["results"][0]["ok"] is True
    # THEN it is nobody's again and the event says who had it
    assert manager.ids(assignee="none") == [idea]
    assert recorder.events[-1].data["previous_assignee_id"] == lead


def test_the_assignee_must_manage_the_ideas_project(manager: Manager, team: Team) -> None:
    # GIVEN a manager of p2 and a moderator of p1
    other = team.member("other", RoleGrant(Role.PROJECT_MANAGER, frozenset({manager.p2})))
    moderator = team.member("moderator", RoleGrant(Role.MODERATOR, frozenset({manager.p1})))
    in_p1, in_p2 = manager.idea(manager.p1), manager.idea(manager.p2)
    # WHEN assigning both ideas to p2's manager
    results = body_of(_assign(manager, [in_p1, in_p2], other))["results"]
    # THEN only p2's idea is assigned
    assert [(r["ok"], r["code"]) for r in results] == [(False, "not_a_collaborator"), (True, None)]
    # AND a moderator or an unknown user is no collaborator
    for assignee in (moderator, "nobody-known"):
        result = body_of(_assign(manager, [in_p1], assignee))["results"][0]
        assert result["code"] == "not_a_collaborator"


def test_who_may_assign(manager: Manager, team: Team) -> None:
    # GIVEN ideas in p1 and p2 and an admin who can take them
    boss = team.member("boss", RoleGrant(Role.ADMIN))
    in_p1, in_p2 = manager.idea(manager.p1), manager.idea(manager.p2)
    # WHEN p1's manager assigns both
    results = body_of(_assign(manager, [in_p1, in_p2, "missing"], boss, manager.pm1))["results"]
    # THEN p1's idea is assigned, p2's is not even acknowledged, a missing id is not found
    assert [(r["ok"], r["code"]) for r in results] == [
        (True, None),
        (False, "not_found"),
        (False, "not_found"),
    ]
    # AND a moderator may not assign, a resident is refused outright
    moderated = body_of(_assign(manager, [in_p1], boss, manager.mod1))["results"][0]
    assert moderated["code"] == "manager_only"
    refused = _assign(manager, [in_p1], boss, "resident-a")
    assert (refused.status_code, body_of(refused)["code"]) == (403, "team_only")


def test_the_body_is_validated(manager: Manager) -> None:
    response = _assign(manager, [], None)
    assert response.status_code == 422
    response = _assign(manager, [f"id{i}" for i in range(101)], None)
    assert response.status_code == 422


def test_collaborators_are_the_projects_managers_and_the_admins(
    manager: Manager, team: Team
) -> None:
    boss = team.member("boss", RoleGrant(Role.ADMIN))
    lead = team.member("lead", RoleGrant(Role.PROJECT_MANAGER, frozenset({manager.p1})))
    team.member("other", RoleGrant(Role.PROJECT_MANAGER, frozenset({manager.p2})))
    team.member("moderator", RoleGrant(Role.MODERATOR, frozenset({manager.p1})))
    response = manager.api.get(
        f"/manage/collaborators?project={manager.p1}", token=manager.mod1, host="alpha.test"
    )
    assert response.status_code == 200, body_of(response)
    assert sorted(p["id"] for p in body_of(response)["items"]) == sorted([boss, lead])
    refused = manager.api.get(
        f"/manage/collaborators?project={manager.p2}", token=manager.pm1, host="alpha.test"
    )
    assert refused.status_code == 403
