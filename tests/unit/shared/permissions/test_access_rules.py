"""Per-action rules of a phase (audience, groups, required fields) against a plain statement.

Every combination of role, group membership, verification, confirmed email,
missing profile fields, rule and phase state is generated; the policy's
answer and reason must equal what the rules say in words.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

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

T = "alpha"
ACTIONS = {Action.INPUT_POST: PA.POST_INPUT, Action.INPUT_REACT: PA.REACT}
GROUPS = ("g-verified", "g-elders")


@dataclass(frozen=True)
class Facts:
    """A user's groups now, the groups verifying would add, and the fields they lack."""

    groups: frozenset[str]
    groups_if_verified: frozenset[str]
    lacking: tuple[str, ...]

    def in_any_group(self, group_ids: Collection[str]) -> bool:
        return bool(self.groups & set(group_ids))

    def would_join_if_verified(self, group_ids: Collection[str]) -> bool:
        return bool(self.groups_if_verified & set(group_ids))

    def missing_fields(self, required: Collection[str]) -> tuple[str, ...]:
        return tuple(name for name in self.lacking if name in required or name == "gender")


ROLES = {
    "visitor": frozenset(),
    "resident": frozenset(),
    "manager": frozenset({RoleGrant(Role.PROJECT_MANAGER, frozenset({"p1"}))}),
    "manager elsewhere": frozenset({RoleGrant(Role.PROJECT_MANAGER, frozenset({"p9"}))}),
    "admin": frozenset({RoleGrant(Role.ADMIN)}),
}


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, Principal, Action, Resource]:
    role = draw(st.sampled_from(sorted(ROLES)))
    verified = draw(st.booleans())
    facts = Facts(
        groups=frozenset(draw(st.sets(st.sampled_from(GROUPS)))),
        groups_if_verified=frozenset(draw(st.sets(st.sampled_from(GROUPS)))),
        lacking=tuple(
            draw(st.lists(st.sampled_from(["gender", "birthyear", "area"]), unique=True))
        ),
    )
    principal = Principal(
        None if role == "visitor" else "u1",
        T,
        ROLES[role],
        email_confirmed=draw(st.booleans()),
        verified=verified,
        facts=facts,
    )
    action = draw(st.sampled_from(sorted(ACTIONS)))
    rule = AccessRule(
        audience=draw(st.sampled_from(list(Audience))),
        group_ids=frozenset(draw(st.sets(st.sampled_from(GROUPS), min_size=1))),
        required_fields=frozenset(draw(st.sets(st.sampled_from(["birthyear", "area"])))),
    )
    enabled = frozenset(draw(st.sets(st.sampled_from(sorted(ACTIONS.values())))))
    phase = PhaseFacts.of(draw(st.booleans()), enabled, {ACTIONS[action]: rule})
    return role, principal, action, Resource(T, id="i1", project_id="p1", phase=phase)


def expected(role: str, principal: Principal, action: Action, resource: Resource) -> Reason:
    """The rules in words, written apart from the policy's code."""
    assert resource.phase is not None
    name = ACTIONS[action]
    rule = resource.phase.rule_for(name)
    facts = principal.facts
    assert isinstance(facts, Facts)
    if not resource.phase.open:
        return Reason.PHASE_CLOSED
    if name not in resource.phase.enabled:
        return Reason.ACTION_DISABLED
    if role == "visitor":
        return Reason.OK if rule.audience is Audience.EVERYONE else Reason.NOT_SIGNED_IN
    if role in ("manager", "admin"):
        return Reason.OK  # the project's team may always take part in an open phase
    verdicts = {
        Audience.EVERYONE: Reason.OK,
        Audience.SIGNED_IN: Reason.OK,
        Audience.TEAM: Reason.NOT_MANAGER,
        Audience.CONFIRMED_EMAIL: Reason.OK
        if principal.email_confirmed
        else Reason.EMAIL_NOT_CONFIRMED,
        Audience.VERIFIED: Reason.OK if principal.verified else Reason.NOT_VERIFIED,
        Audience.GROUPS: Reason.OK
        if facts.groups & rule.group_ids
        else Reason.NOT_VERIFIED
        if not principal.verified and facts.groups_if_verified & rule.group_ids
        else Reason.NOT_IN_GROUP,
    }
    verdict = verdicts[rule.audience]
    if verdict is not Reason.OK:
        return verdict
    lacking = [f for f in facts.lacking if f in rule.required_fields or f == "gender"]
    return Reason.MISSING_FIELDS if lacking else Reason.OK


@settings(max_examples=600)
@given(cases())
def test_every_generated_case_gets_the_rules_answer(case) -> None:
    role, principal, action, resource = case
    decision = can(principal, action, resource)
    assert decision.reason is expected(role, principal, action, resource)
    assert decision.allowed == (decision.reason is Reason.OK)


def test_missing_fields_are_named_for_the_form_that_asks_for_them() -> None:
    facts = Facts(frozenset(), frozenset(), ("gender", "birthyear", "area"))
    rule = AccessRule(Audience.SIGNED_IN, required_fields=frozenset({"area"}))
    phase = PhaseFacts.of(True, frozenset({PA.REACT}), {PA.REACT: rule})
    decision = can(
        Principal("u1", T, facts=facts), Action.INPUT_REACT, Resource(T, "i1", phase=phase)
    )
    # The platform's required field (gender here) and the rule's own, in the platform's order.
    assert (decision.reason, decision.fields) == (Reason.MISSING_FIELDS, ("gender", "area"))


def test_a_phase_without_rules_admits_signed_in_residents() -> None:
    phase = PhaseFacts(open=True, enabled=frozenset({PA.REACT}))
    assert can(Principal("u1", T), Action.INPUT_REACT, Resource(T, "i1", phase=phase))
    refusal = can(Principal(None, None), Action.INPUT_REACT, Resource(T, "i1", phase=phase))
    assert refusal.reason is Reason.NOT_SIGNED_IN


def test_a_group_visible_project_is_seen_by_members_and_its_managers_only() -> None:
    project = Resource(T, id="p1", visibility="groups", group_ids=frozenset({"g-elders"}))
    member = Facts(frozenset({"g-elders"}), frozenset(), ())
    outsider = Facts(frozenset({"g-verified"}), frozenset(), ())
    manager = frozenset({RoleGrant(Role.PROJECT_MANAGER, frozenset({"p1"}))})
    assert can(Principal("u1", T, facts=member), Action.PROJECT_VIEW, project)
    assert can(Principal("u2", T, manager), Action.PROJECT_VIEW, project)
    for principal in (Principal("u3", T, facts=outsider), Principal(None, None)):
        assert can(principal, Action.PROJECT_VIEW, project).reason is Reason.NOT_PUBLISHED
    unpublished = Resource(
        T, id="p1", published=False, visibility="groups", group_ids=frozenset({"g-elders"})
    )
    assert not can(Principal("u1", T, facts=member), Action.PROJECT_VIEW, unpublished)
