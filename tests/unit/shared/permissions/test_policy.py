"""The one permission policy, against an independent statement of the rules."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.errors import AuthenticationError, ForbiddenError, NotFoundError
from shared.permissions import (
    ANONYMOUS,
    Action,
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
    "admin elsewhere": Principal("u-x", "beta", frozenset({RoleGrant(Role.ADMIN)})),
}
RESOURCES = {
    "none": None,
    "p1 published": Resource(T, id="p1", folder_id=None, published=True),
    "p1 draft": Resource(T, id="p1", published=False),
    "p2 in f1 draft": Resource(T, id="p2", folder_id="f1", published=False),
    "p3 admins only": Resource(T, id="p3", visibility="admins"),
    "list-wide": Resource(T, id=None),
    "own profile": Resource(T, id="u-res", owner_id="u-res"),
}


def _manages(name: str, resource: Resource | None) -> bool:
    if name == "admin":
        return True
    if resource is None:
        return False
    return (name == "manager of p1" and resource.id == "p1") or (
        name == "manager of f1" and resource.folder_id == "f1"
    )


def expected(name: str, action: Action, resource: Resource | None) -> bool:
    """The rules in plain words, written independently of the policy's code."""
    if name == "admin elsewhere" and resource is not None:
        return False  # another platform's principal never reaches this platform's things
    signed_in = name != "anonymous"
    admin = name in ("admin", "admin elsewhere")
    if action in (Action.PROJECT_VIEW, Action.FOLDER_VIEW):
        visible = resource is None or (resource.published and resource.visibility == "public")
        return visible or _manages(name, resource)
    if action in (Action.PROJECT_MANAGE, Action.FOLDER_MANAGE, Action.PROJECT_LIST_ALL):
        return signed_in and (admin or _manages(name, resource))
    if action in (Action.PROFILE_READ, Action.PROFILE_UPDATE):
        owner = resource is None or resource.owner_id == PRINCIPALS[name].user_id
        return signed_in and (owner or admin)
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
