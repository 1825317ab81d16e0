"""The directory's team look-ups: who moderates a project, who the admins are.

The team (users with any role grant) is a sparse index of the users table,
kept in step with role changes; the policy then decides who moderates what.
"""

from __future__ import annotations

from typing import Any

from tests.api.identity.helpers import admin_session, register
from tests.conftest import HOST_A


def _directory() -> Any:
    from chalicelib.identity import wiring

    return wiring.directory()


def _tenant(tenant_id: str = "alpha") -> Any:
    from shared.tenancy import TenantContext

    return TenantContext(tenant_id, HOST_A)


def _grants(*grants: tuple[str, str | None]) -> frozenset[Any]:
    from shared.permissions import Role, RoleGrant

    return frozenset(
        RoleGrant(Role(role), frozenset({scope} if scope else ())) for role, scope in grants
    )


def _p1(tenant_id: str = "alpha") -> Any:
    from shared.permissions import Resource

    return Resource(tenant_id, id="i1", project_id="p1", folder_id="f1")


def test_who_moderates_a_project_follows_the_policy(api):
    # GIVEN an admin, the team of project p1 (in folder f1), another project's team, residents
    admin = register("admin@example.org", grants=_grants(("admin", None)))
    moderator = register("mod@example.org", grants=_grants(("moderator", "p1")))
    manager = register("pm@example.org", grants=_grants(("project_manager", "p1")))
    folder = register("fm@example.org", grants=_grants(("folder_manager", "f1")))
    register("other@example.org", grants=_grants(("moderator", "p2"), ("folder_manager", "f2")))
    for n in range(3):
        register(f"resident{n}@example.org")
    register("beta-admin@example.org", "beta", "beta.test", grants=_grants(("admin", None)))
    directory = _directory()
    # WHEN the directory is asked who moderates p1 and who the admins are
    moderators = directory.moderators(_tenant(), _p1())
    # THEN exactly the admin, p1's moderator and manager and f1's manager, of this platform
    ids = {admin.user_id, moderator.user_id, manager.user_id, folder.user_id}
    assert set(moderators) == ids
    assert moderators[moderator.user_id].email == "mod@example.org"
    assert set(directory.admins(_tenant())) == {admin.user_id}
    assert len(directory.team(_tenant())) == 5  # residents are not on the team
    assert set(directory.moderators(_tenant(), _p1("beta"))) == set()  # another platform's idea


def test_role_changes_move_people_in_and_out_of_the_team(api):
    # GIVEN a resident
    session = admin_session(api)
    resident = register("rita@example.org")
    assert resident.user_id not in _directory().team(_tenant())
    path = f"/admin/users/{resident.user_id}/roles"
    # WHEN an admin makes her moderator of p1
    body = {"roles": [{"role": "moderator", "scope": ["p1"]}]}
    response = api.put(path, body, token=session.access_token)
    assert response.status_code == 200, response.body
    # THEN she moderates p1
    assert resident.user_id in _directory().moderators(_tenant(), _p1())
    # WHEN the role is taken away THEN she is off the team again
    response = api.put(path, {"roles": []}, token=session.access_token)
    assert response.status_code == 200, response.body
    assert resident.user_id not in _directory().team(_tenant())
