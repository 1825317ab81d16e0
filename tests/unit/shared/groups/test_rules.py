"""Smart-group rules: properties that hold for every person and rule, and worked examples."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.groups.rules import (
    AreaRule,
    EmailDomainRule,
    FieldOperator,
    FieldRule,
    Match,
    ParticipationRule,
    Person,
    RegisteredRule,
    RoleRule,
    RuleSet,
    VerifiedRule,
    matches,
    matches_rule,
)

IDS = st.sampled_from(["a1", "a2", "p1", "p2", "t1", "s1"])
ANSWERS = st.one_of(
    st.none(),
    st.sampled_from(["female", "male", "", "Teacher", "teacher"]),
    st.integers(1930, 2015),
    st.lists(st.sampled_from(["bike", "bus", "car"]), max_size=3),
    st.booleans(),
)
VALUES = st.one_of(
    st.sampled_from(["female", "teacher", "bike", "1980", "true"]), st.integers(1930, 2015)
)


@st.composite
def people(draw: st.DrawFn) -> Person:
    return Person(
        email=draw(st.sampled_from(["ada@lindenfeld.example", "bob@Mail.example", "eve@x.org"])),
        roles=frozenset(draw(st.sets(st.sampled_from(["admin", "moderator"])))),
        verified=draw(st.booleans()),
        registered_at=draw(
            st.datetimes(datetime(2024, 1, 1), datetime(2027, 1, 1), timezones=st.just(UTC))
        ),
        answers={
            "gender": draw(ANSWERS),
            "birthyear": draw(ANSWERS),
            "area": draw(st.one_of(st.none(), IDS)),
            "mobility": draw(ANSWERS),
        },
        project_ids=frozenset(draw(st.sets(IDS))),
        topic_ids=frozenset(draw(st.sets(IDS))),
        status_ids=frozenset(draw(st.sets(IDS))),
    )


@st.composite
def rules(draw: st.DrawFn):
    kind = draw(st.sampled_from(["field", "email", "role", "verified", "area", "took", "date"]))
    if kind == "field":
        operator = draw(st.sampled_from(list(FieldOperator)))
        empty = operator in (FieldOperator.IS_EMPTY, FieldOperator.NOT_EMPTY)
        return FieldRule(
            field_id=draw(st.sampled_from(["gender", "birthyear", "mobility", "unknown"])),
            operator=operator,
            value=None if empty else draw(VALUES),
        )
    if kind == "email":
        return EmailDomainRule(
            operator=draw(st.sampled_from(["is", "is_not"])),
            domain=draw(st.sampled_from(["lindenfeld.example", "mail.example"])),
        )
    if kind == "role":
        return RoleRule(
            operator=draw(st.sampled_from(["is", "is_not"])),
            role=draw(st.sampled_from(["admin", "moderator", "resident"])),
        )
    if kind == "verified":
        return VerifiedRule(verified=draw(st.booleans()))
    if kind == "area":
        return AreaRule(operator=draw(st.sampled_from(["in", "not_in"])), area_ids=[draw(IDS)])
    if kind == "took":
        return ParticipationRule(
            scope=draw(st.sampled_from(["project", "topic", "status"])),
            operator=draw(st.sampled_from(["in", "not_in"])),
            ids=draw(st.lists(IDS, min_size=1, max_size=2)),
        )
    return RegisteredRule(
        operator=draw(st.sampled_from(["before", "after"])),
        on=draw(st.dates(date(2024, 1, 1), date(2027, 1, 1))),
    )


NEGATIONS = {
    FieldOperator.EQUALS: FieldOperator.NOT_EQUALS,
    FieldOperator.CONTAINS: FieldOperator.NOT_CONTAINS,
    FieldOperator.IS_EMPTY: FieldOperator.NOT_EMPTY,
}


def negated(rule):
    """The rule that says the opposite, where the rule language has one."""
    if isinstance(rule, FieldRule) and rule.operator in NEGATIONS:
        return rule.model_copy(update={"operator": NEGATIONS[rule.operator]})
    flip = {"is": "is_not", "is_not": "is", "in": "not_in", "not_in": "in"}
    if isinstance(rule, EmailDomainRule | RoleRule | AreaRule | ParticipationRule):
        return rule.model_copy(update={"operator": flip[rule.operator]})
    if isinstance(rule, VerifiedRule):
        return VerifiedRule(verified=not rule.verified)
    return None


@given(people(), st.lists(rules(), min_size=1, max_size=5))
def test_all_is_every_rule_and_any_is_some_rule(person, chosen) -> None:
    each = [matches_rule(rule, person) for rule in chosen]
    assert matches(RuleSet(match=Match.ALL, rules=chosen), person) == all(each)
    assert matches(RuleSet(match=Match.ANY, rules=chosen), person) == any(each)


@given(people(), rules())
def test_a_rule_and_its_negation_never_agree(person, rule) -> None:
    opposite = negated(rule)
    if opposite is not None:
        assert matches_rule(rule, person) != matches_rule(opposite, person)


@given(people(), rules())
def test_verifying_changes_only_what_verification_rules_say(person, rule) -> None:
    if not isinstance(rule, VerifiedRule):
        assert matches_rule(rule, person.verifying()) == matches_rule(rule, person)
    else:
        assert matches_rule(rule, person.verifying()) is rule.verified


def _person(**answers) -> Person:
    return Person(
        email="ada@Lindenfeld.example",
        roles=frozenset(),
        verified=False,
        registered_at=datetime(2026, 3, 1, tzinfo=UTC),
        answers=answers,
        project_ids=frozenset({"p1"}),
    )


@pytest.mark.parametrize(
    ("rule", "person", "expected"),
    [
        (
            FieldRule(field_id="birthyear", operator="before", value=1980),
            _person(birthyear=1975),
            True,
        ),
        (
            FieldRule(field_id="birthyear", operator="after", value="1980"),
            _person(birthyear=1975),
            False,
        ),
        (
            FieldRule(field_id="moved_in", operator="after", value="2020-01-01"),
            _person(moved_in="2021-06-30"),
            True,
        ),
        (
            FieldRule(field_id="job", operator="contains", value="TEACH"),
            _person(job="Teacher"),
            True,
        ),
        (
            FieldRule(field_id="mobility", operator="contains", value="bus"),
            _person(mobility=["bike", "bus"]),
            True,
        ),
        (
            FieldRule(field_id="mobility", operator="contains", value="bu"),
            _person(mobility=["bike", "bus"]),
            False,
        ),
        (FieldRule(field_id="gender", operator="not_equals", value="male"), _person(), True),
        (FieldRule(field_id="gender", operator="is_empty"), _person(gender=""), True),
        (
            FieldRule(field_id="newsletter", operator="equals", value=True),
            _person(newsletter=True),
            True,
        ),
        (EmailDomainRule(domain="lindenfeld.EXAMPLE"), _person(), True),
        (RoleRule(role="resident"), _person(), True),
        (AreaRule(area_ids=["north"]), _person(area="north"), True),
        (ParticipationRule(scope="project", ids=["p1", "p9"]), _person(), True),
        (ParticipationRule(scope="topic", operator="not_in", ids=["t1"]), _person(), True),
        (RegisteredRule(operator="before", on=date(2026, 3, 1)), _person(), False),
        (RegisteredRule(operator="after", on=date(2026, 2, 28)), _person(), True),
    ],
)
def test_worked_examples(rule, person, expected) -> None:
    assert matches_rule(rule, person) is expected


def test_a_comparison_needs_a_value() -> None:
    with pytest.raises(ValueError, match="give the value"):
        FieldRule(field_id="gender", operator="equals")
