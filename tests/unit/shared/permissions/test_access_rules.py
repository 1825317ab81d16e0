"""Per-action rules of a phase (audience, groups, required fields) against a plain statement.

Every combination of role, group membership, verification, confirmed email,
missing profile fields, rule, the platform's rule for the method (who may
comment on proposals), the item's own deadline and phase state is
generated; the policy's answer and reason must equal what the rules say in
words.
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
ACTIONS = {
    Action.INPUT_POST: PA.POST_INPUT,
    Action.INPUT_REACT: PA.REACT,
    Action.COMMENT_POST: PA.COMMENT,
}
PLATFORM_AUDIENCES = (Audience.SIGNED_IN, Audience.CONFIRMED_EMAIL, Audience.VERIFIED)
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
    platform = draw(st.none() | st.sampled_from(PLATFORM_AUDIENCES))
    platform_rules = {ACTIONS[action]: AccessRule(platform)} if platform else {}
    phase = PhaseFacts.of(draw(st.booleans()), enabled, {ACTIONS[action]: rule}, platform_rules)
    ended = frozenset(draw(st.sets(st.sampled_from(sorted(ACTIONS.values())))))
    return role, principal, action, Resource(T, id="i1", project_id="p1", phase=phase, ended=ended)


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
    if name in resource.ended:
        return Reason.DEADLINE_PASSED  # the item's own deadline passed (an expired proposal)
    platform = resource.phase.platform_rule_for(name)
    if role == "visitor":
        # The platform's rules for a method always need a signed-in resident.
        open_to_all = rule.audience is Audience.EVERYONE and platform is None
        return Reason.OK if open_to_all else Reason.NOT_SIGNED_IN
    if role in ("manager", "admin"):
        return Reason.OK  # the project's team may always take part in an open phase

    def verdict(audience: Audience, group_ids: frozenset[str]) -> Reason:
        verdicts = {
            Audience.EVERYONE: Reason.OK,
            Audience.SIGNED_IN: Reason.OK,
            Audience.TEAM: Reason.NOT_MANAGER,
            Audience.CONFIRMED_EMAIL: Reason.OK
            if principal.email_confirmed
            else Reason.EMAIL_NOT_CONFIRMED,
            Audience.VERIFIED: Reason.OK if principal.verified else Reason.NOT_VERIFIED,
            Audience.GROUPS: Reason.OK
            if facts.groups & group_ids
            else Reason.NOT_VERIFIED
            if not principal.verified and facts.groups_if_verified & group_ids
            else Reason.NOT_IN_GROUP,
        }
        return verdicts[audience]

    for audience, group_ids in [
        (rule.audience, rule.group_ids),
        *([(platform.audience, frozenset())] if platform else []),
    ]:
        refused = verdict(audience, group_ids)
        if refused is not Reason.OK:
            return refused
    lacking = [f for f in facts.lacking if f in rule.required_fields or f == "gender"]
    return Reason.MISSING_FIELDS if lacking else Reason.OK


@settings(max_examples=1500)
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


def test_the_platform_rule_for_a_method_must_admit_too() -> None:
    # A proposals phase lets signed-in residents comment; the platform lets only verified ones.
    phase = PhaseFacts.of(
        True,
        frozenset({PA.COMMENT}),
        {PA.COMMENT: AccessRule(Audience.SIGNED_IN)},
        {PA.COMMENT: AccessRule(Audience.VERIFIED)},
    )
    proposal = Resource(T, id="i1", project_id="p1", phase=phase)
    facts = Facts(frozenset(), frozenset(), ())
    unverified = Principal("u1", T, email_confirmed=True, facts=facts)
    verified = Principal("u2", T, email_confirmed=True, verified=True, facts=facts)
    manager = Principal("u3", T, ROLES["manager"], facts=facts)
    assert can(unverified, Action.COMMENT_POST, proposal).reason is Reason.NOT_VERIFIED
    assert can(verified, Action.COMMENT_POST, proposal)
    assert can(manager, Action.COMMENT_POST, proposal)
    # The rule is the method's: posting in the same phase is not affected.
    posting = PhaseFacts.of(True, frozenset({PA.POST_INPUT}), {}, {PA.COMMENT: AccessRule()})
    assert can(unverified, Action.INPUT_POST, Resource(T, project_id="p1", phase=posting))


def test_an_item_past_its_own_deadline_refuses_only_the_ended_action() -> None:
    phase = PhaseFacts.of(True, frozenset({PA.REACT, PA.COMMENT}), {})
    expired = Resource(T, id="i1", project_id="p1", phase=phase, ended=frozenset({PA.REACT}))
    resident = Principal("u1", T, facts=Facts(frozenset(), frozenset(), ()))
    assert can(resident, Action.INPUT_REACT, expired).reason is Reason.DEADLINE_PASSED
    assert can(resident, Action.COMMENT_POST, expired)
