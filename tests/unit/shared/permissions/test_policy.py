"""The one permission policy, against an independent statement of the rules."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.errors import AuthenticationError, ForbiddenError, NotFoundError
from shared.participation import ParticipationAction as PA
from shared.permissions import (
    ANONYMOUS,
    Action,
    PhaseFacts,
    Principal,
    Resource,
    Role,
    RoleGrant,
    authorize,
    can,
)
from shared.permissions.policy import Reason

T = "alpha"
PRINCIPALS = {
    "anonymous": ANONYMOUS,
    "resident": Principal("u-res", T),
    "admin": Principal("u-adm", T, frozenset({RoleGrant(Role.ADMIN)})),
    "manager of p1": Principal(
        "u-pm", T, frozenset({RoleGrant(Role.PROJECT_MANAGER, frozenset({"p1"}))})
    ),
    "manager of f1": Principal(
        "u-fm", T, frozenset({RoleGrant(Role.FOLDER_MANAGER, frozenset({"f1"}))})
    ),
    "moderator of p1": Principal(
        "u-mod", T, frozenset({RoleGrant(Role.MODERATOR, frozenset({"p1"}))})
    ),
    "admin elsewhere": Principal("u-x", "beta", frozenset({RoleGrant(Role.ADMIN)})),
    "blocked resident": Principal(
        "u-res", T, blocked_until=datetime.now(UTC) + timedelta(days=3), block_reason="spam"
    ),
    "resident whose block ended": Principal(
        "u-res", T, blocked_until=datetime.now(UTC) - timedelta(seconds=1), block_reason="spam"
    ),
}
TEAM = {"admin", "admin elsewhere", "manager of p1", "manager of f1", "moderator of p1"}
ALL_ON = PhaseFacts(open=True, enabled=frozenset({PA.POST_INPUT, PA.REACT, PA.COMMENT}))
RESOURCES = {
    "none": None,
    "p1 published": Resource(T, id="p1", folder_id=None, published=True),
    "p1 draft": Resource(T, id="p1", published=False),
    "p2 in f1 draft": Resource(T, id="p2", folder_id="f1", published=False),
    "p3 admins only": Resource(T, id="p3", visibility="admins"),
    "list-wide": Resource(T, id=None),
    "own profile": Resource(T, id="u-res", owner_id="u-res"),
    "resident's idea, p1 open": Resource(
        T, id="i1", project_id="p1", owner_id="u-res", phase=ALL_ON
    ),
    "resident's idea, p1 closed": Resource(
        T, id="i1", project_id="p1", owner_id="u-res", phase=PhaseFacts(open=False)
    ),
    "idea, p1 reacting off": Resource(
        T,
        id="i2",
        project_id="p1",
        owner_id="u-other",
        phase=PhaseFacts(open=True, enabled=frozenset({PA.POST_INPUT, PA.COMMENT})),
    ),
    "idea, p1 no phase": Resource(T, id="i3", project_id="p1"),
    "idea, p2 draft in f1": Resource(
        T, id="i4", project_id="p2", folder_id="f1", published=False, phase=ALL_ON
    ),
    "resident's comment, p1": Resource(T, id="c1", project_id="p1", owner_id="u-res", phase=ALL_ON),
}
PARTICIPATION = {
    Action.INPUT_POST: PA.POST_INPUT,
    Action.INPUT_REACT: PA.REACT,
    Action.COMMENT_POST: PA.COMMENT,
}


def _manages(name: str, resource: Resource | None) -> bool:
    if name in ("admin", "admin elsewhere"):
        return True
    if resource is None:
        return False
    project = resource.project_id or resource.id
    return (name == "manager of p1" and project == "p1") or (
        name == "manager of f1" and resource.folder_id == "f1"
    )


def _moderates(name: str, resource: Resource | None) -> bool:
    project = resource.project_id or resource.id if resource is not None else None
    return _manages(name, resource) or (name == "moderator of p1" and project == "p1")


def _phase_lets(resource: Resource | None, action: str) -> bool:
    phase = resource.phase if resource is not None else None
    return phase is not None and phase.open and action in phase.enabled


def _visible(name: str, resource: Resource | None) -> bool:
    public = resource is None or (resource.published and resource.visibility == "public")
    return public or _manages(name, resource)


def expected(name: str, action: Action, resource: Resource | None) -> bool:
    """The rules in plain words, written independently of the policy's code."""
    if name == "admin elsewhere" and resource is not None:
        return False  # another platform's principal never reaches this platform's things
    if action in (Action.PROJECT_VIEW, Action.FOLDER_VIEW):
        return _visible(name, resource)
    if action is Action.PLATFORM_VISIT:
        return True  # no resource here is a platform for signed-in residents only
    if action in (Action.PERSONAL_DATA_EXPORT, Action.ACCOUNT_DELETE):
        # The person only, on their own account: nobody acts for them, not even an admin.
        owner = resource is not None and resource.owner_id == PRINCIPALS[name].user_id
        return name != "anonymous" and owner
    return _expected_signed_in(name, action, resource)


def _expected_signed_in(name: str, action: Action, resource: Resource | None) -> bool:
    signed_in = name != "anonymous"
    admin = name in ("admin", "admin elsewhere")
    owner = resource is not None and resource.owner_id == PRINCIPALS[name].user_id
    visible = _visible(name, resource)
    blocked = name == "blocked resident"
    if action in PARTICIPATION:
        lets = _phase_lets(resource, PARTICIPATION[action])
        return visible and signed_in and lets and not blocked
    if action in (Action.INPUT_EDIT, Action.INPUT_DELETE):
        own_while_open = owner and _phase_lets(resource, PA.POST_INPUT)
        may_edit = action is Action.INPUT_DELETE or not blocked  # a blocked author may delete
        return signed_in and (_manages(name, resource) or (own_while_open and may_edit))
    if action is Action.COMMENT_EDIT:
        return signed_in and owner and not blocked
    if action is Action.COMMENT_DELETE:
        return signed_in and (owner or _moderates(name, resource))
    if action in (Action.INPUT_FEEDBACK, Action.MODERATE):
        return signed_in and _moderates(name, resource)
    if action in (Action.FOLLOW, Action.INPUT_REPORT):
        return visible and signed_in
    if action in (Action.TEAM_VIEW, Action.USER_BLOCK, Action.GROUP_VIEW):
        return name in TEAM
    if action in (
        Action.PROJECT_MANAGE,
        Action.FOLDER_MANAGE,
        Action.PROJECT_LIST_ALL,
        Action.INPUT_MANAGE,
    ):
        return signed_in and (admin or _manages(name, resource))
    if action in (Action.PROFILE_READ, Action.PROFILE_UPDATE, Action.NOTIFICATIONS_READ):
        return signed_in and (resource is None or owner or admin)
    return signed_in and admin  # everything else is for platform admins


def test_every_decision_matches_the_rules() -> None:
    # GIVEN every principal, action and resource of the matrix WHEN the policy decides
    for name, action, resource_name in itertools.product(PRINCIPALS, Action, RESOURCES):
        decision = can(PRINCIPALS[name], action, RESOURCES[resource_name])
        # THEN it agrees with the rules, and a refusal always carries a reason
        label = f"{name} / {action} / {resource_name}"
        assert decision.allowed == expected(name, action, RESOURCES[resource_name]), label
        assert (decision.reason is Reason.OK) == decision.allowed, label


@given(st.sampled_from(sorted(PRINCIPALS)), st.sampled_from(list(Action)), st.text(max_size=8))
def test_a_principal_of_another_platform_never_acts_here(name, action, resource_id) -> None:
    resource = Resource("beta" if PRINCIPALS[name].tenant_id == T else T, id=resource_id or None)
    if PRINCIPALS[name].tenant_id is not None:
        assert not can(PRINCIPALS[name], action, resource)


def test_every_action_has_a_rule() -> None:
    for action in Action:
        can(ANONYMOUS, action, None)  # a missing rule would raise KeyError


def test_a_scoped_manager_does_not_reach_a_resource_without_an_id() -> None:
    assert not can(PRINCIPALS["manager of p1"], Action.PROJECT_LIST_ALL, RESOURCES["list-wide"])


@pytest.mark.parametrize(
    ("name", "resource", "error", "code"),
    [
        ("anonymous", "p1 published", AuthenticationError, "not_signed_in"),
        ("resident", "p1 published", ForbiddenError, "manager_only"),
        ("resident", "p1 draft", NotFoundError, "not_found"),
    ],
)
def test_refusals_become_the_errors_a_person_can_act_on(name, resource, error, code) -> None:
    action = Action.PROJECT_VIEW if resource == "p1 draft" else Action.PROJECT_MANAGE
    with pytest.raises(error) as raised:
        authorize(PRINCIPALS[name], action, RESOURCES[resource])
    assert raised.value.code == code


@pytest.mark.parametrize(
    ("name", "resource", "reason"),
    [
        ("anonymous", "resident's idea, p1 closed", Reason.PHASE_CLOSED),
        ("anonymous", "idea, p1 reacting off", Reason.ACTION_DISABLED),
        ("anonymous", "resident's idea, p1 open", Reason.NOT_SIGNED_IN),
        ("resident", "idea, p2 draft in f1", Reason.NOT_PUBLISHED),
    ],
)
def test_a_refused_reaction_says_what_would_help(name, resource, reason) -> None:
    # Closed or disabled comes before "sign in": signing in would not help.
    assert can(PRINCIPALS[name], Action.INPUT_REACT, RESOURCES[resource]).reason is reason


def test_a_blocked_resident_is_told_until_when_and_why() -> None:
    blocked = PRINCIPALS["blocked resident"]
    resource = RESOURCES["resident's idea, p1 open"]
    assert can(blocked, Action.COMMENT_POST, resource).reason is Reason.BLOCKED
    with pytest.raises(ForbiddenError) as raised:
        authorize(blocked, Action.INPUT_POST, resource)
    assert raised.value.code == "blocked"
    assert raised.value.extra["block_reason"] == "spam"
    assert blocked.blocked_until is not None
    assert raised.value.extra["blocked_until"] == blocked.blocked_until.isoformat()
    # Closed phases still say "closed" first: lifting the block would not help there.
    closed = RESOURCES["resident's idea, p1 closed"]
    assert can(blocked, Action.INPUT_POST, closed).reason is Reason.PHASE_CLOSED
