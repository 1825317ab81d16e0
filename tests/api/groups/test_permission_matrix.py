"""The permission matrix through the API: for every generated combination of role, group
membership, verification, confirmed email, phase rule and phase setting, what the API
says (the phase's ``viewer`` decision) and does (the reaction's status) equals the policy's
answer for the same facts.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

from shared.identity.users import UserRepository
from shared.participation import ParticipationAction as PA
from shared.permissions import (
    AccessRule,
    Action,
    Audience,
    PhaseFacts,
    Principal,
    Resource,
    Role,
    RoleGrant,
    can,
)
from shared.permissions.policy import Reason
from tests.api.groups.conftest import TENANT, People
from tests.support.user_facts import GroupMember

ROLES = ("resident", "moderator", "manager", "admin")
AUDIENCES = [a for a in Audience if a is not Audience.EVERYONE]  # ideation needs an author


def _grants(role: str, project_id: str) -> frozenset[RoleGrant]:
    scoped = {"moderator": Role.MODERATOR, "manager": Role.PROJECT_MANAGER}
    if role == "admin":
        return frozenset({RoleGrant(Role.ADMIN)})
    if role in scoped:
        return frozenset({RoleGrant(scoped[role], frozenset({project_id}))})
    return frozenset()


def _world(people: People) -> tuple[str, str, str, str, dict[str, Principal]]:
    """A published project with an ideation phase, a manual group, an idea, and one user
    for every (role, verified, confirmed, member) combination, with the policy's view of each."""
    project = people.call("admin", "POST", "/projects", {"title": {"en": "Matrix"}}, 201)
    body = {"title": {"en": "Ideas"}, "start_date": "2020-01-01", "method": "ideation"}
    phase = people.call("admin", "POST", f"/projects/{project['id']}/phases", body, 201)
    people.call("admin", "POST", f"/projects/{project['id']}/publish")
    group = people.call("admin", "POST", "/groups", {"title": {"en": "Panel"}}, 201)
    idea = people.call(
        "admin",
        "POST",
        f"/projects/{project['id']}/phases/{phase['id']}/ideas",
        {"title": {"en": "A bench"}, "body": {"en": "<p>Here.</p>"}},
        201,
    )
    users, repository, now = {}, UserRepository(TENANT), datetime.now(UTC)
    for role, verified, confirmed, member in itertools.product(
        ROLES, (False, True), (False, True), (False, True)
    ):
        name = f"{role}-{int(verified)}{int(confirmed)}{int(member)}"
        user_id = people.add(name)
        grants = _grants(role, project["id"])
        if grants:
            repository.set_roles(user_id, list(grants), now)
        if verified:
            repository.set_verified(user_id, "test", now)
        if not confirmed:
            UserRecordEdit.unconfirm(user_id)
        if member:
            people.call("admin", "POST", f"/groups/{group['id']}/members", {"user_ids": [user_id]})
        users[name] = Principal(
            user_id,
            "alpha",
            grants,
            email_confirmed=confirmed,
            verified=verified,
            facts=GroupMember(frozenset({group["id"]}) if member else frozenset()),
        )
    return project["id"], phase["id"], group["id"], idea["id"], users


class UserRecordEdit:
    """Test-only: an account whose email is not confirmed (sign-up confirms by email)."""

    @staticmethod
    def unconfirm(user_id: str) -> None:
        from shared.identity.models import UserRecord

        record = UserRepository(TENANT).require(user_id)
        record.update(actions=[UserRecord.email_confirmed.set(False)])


def test_the_api_answers_and_acts_as_the_policy_decides(people: People, api: Any) -> None:
    project_id, phase_id, group_id, idea_id, users = _world(people)
    checked, reasons = 0, set()
    for audience, reacting in itertools.product(AUDIENCES, (True, False)):
        # GIVEN the phase's rule for reacting and whether reacting is switched on
        rule: dict[str, Any] = {"audience": audience.value}
        if audience is Audience.GROUPS:
            rule["group_ids"] = [group_id]
        people.call(
            "admin",
            "PATCH",
            f"/projects/{project_id}/phases/{phase_id}",
            {"permissions": {"react": rule}, "method_config": {"reacting_enabled": reacting}},
        )
        enabled = frozenset({PA.POST_INPUT, PA.COMMENT} | ({PA.REACT} if reacting else set()))
        facts = PhaseFacts.of(
            True,
            enabled,
            {PA.REACT: AccessRule(audience, frozenset(rule.get("group_ids", [])))},
        )
        resource = Resource("alpha", id=idea_id, project_id=project_id, phase=facts)
        for name, principal in users.items():
            # WHEN the user looks at the phase and tries to like the idea
            expected = can(principal, Action.INPUT_REACT, resource)
            project = people.call(name, "GET", f"/projects/{project_id}")
            viewer = project["phases"][0]["viewer"]["react"]
            response = api.put(
                f"/ideas/{idea_id}/reaction", {"kind": "like"}, token=people.tokens[name]
            )
            # THEN the API said and did what the policy decides for the same facts
            label = f"{name} / {audience.value} / reacting={reacting}"
            assert viewer["reason"] == expected.reason.value, label
            assert response.status_code == (200 if expected.allowed else 403), label
            if expected.allowed:
                api.delete(f"/ideas/{idea_id}/reaction", token=people.tokens[name])
            checked += 1
            reasons.add(expected.reason)
    assert checked == len(AUDIENCES) * 2 * len(users)
    # The sample reaches every answer a signed-in resident can get here (it is not lopsided).
    assert reasons >= {
        Reason.OK,
        Reason.ACTION_DISABLED,
        Reason.EMAIL_NOT_CONFIRMED,
        Reason.NOT_VERIFIED,
        Reason.NOT_IN_GROUP,
        Reason.NOT_MANAGER,
    }
