"""Smart-group rules: what they say, and whether a person matches them.

A smart group has a list of rules combined with ``all`` or ``any``. Each
rule looks at one kind of fact about a person: an answer to a registration
field (built-in ones such as ``gender``, ``birthyear``, ``area``,
``education``, or the platform's custom fields), the email's domain, a role,
whether the identity is verified, the area they live in, where they took
part (projects, topics, idea statuses), and when they registered. Evaluation
is pure: :class:`Person` holds every fact it needs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

RefId = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
MAX_RULES = 20


class Match(StrEnum):
    ALL = "all"
    ANY = "any"


class FieldOperator(StrEnum):
    EQUALS = "equals"
    NOT_EQUALS = "not_equals"
    CONTAINS = "contains"
    NOT_CONTAINS = "not_contains"
    IS_EMPTY = "is_empty"
    NOT_EMPTY = "not_empty"
    BEFORE = "before"  # dates, years and numbers: strictly less
    AFTER = "after"  # strictly greater


_NEEDS_NO_VALUE = frozenset({FieldOperator.IS_EMPTY, FieldOperator.NOT_EMPTY})


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FieldRule(_Rule):
    """An answer to a registration field compared with ``value``."""

    type: Literal["field"] = "field"
    field_id: RefId
    operator: FieldOperator
    value: str | float | bool | None = Field(default=None, description="Unused for emptiness.")

    @model_validator(mode="after")
    def _value_given(self) -> FieldRule:
        if self.operator not in _NEEDS_NO_VALUE and self.value in (None, ""):
            raise ValueError("give the value to compare with")
        return self


class EmailDomainRule(_Rule):
    type: Literal["email_domain"] = "email_domain"
    operator: Literal["is", "is_not"] = "is"
    domain: Annotated[str, Field(min_length=3, max_length=253, pattern=r"^[A-Za-z0-9.-]+$")]


class RoleRule(_Rule):
    type: Literal["role"] = "role"
    operator: Literal["is", "is_not"] = "is"
    role: Literal["admin", "folder_manager", "project_manager", "moderator", "resident"]


class VerifiedRule(_Rule):
    type: Literal["verified"] = "verified"
    verified: bool = True


class AreaRule(_Rule):
    """Lives in one of the areas (or in none of them)."""

    type: Literal["area"] = "area"
    operator: Literal["in", "not_in"] = "in"
    area_ids: list[RefId] = Field(min_length=1, max_length=50)


class ParticipationRule(_Rule):
    """Took part in one of the projects, topics or idea statuses (or in none of them)."""

    type: Literal["participated"] = "participated"
    scope: Literal["project", "topic", "status"]
    operator: Literal["in", "not_in"] = "in"
    ids: list[RefId] = Field(min_length=1, max_length=50)


class RegisteredRule(_Rule):
    type: Literal["registered"] = "registered"
    operator: Literal["before", "after"]
    on: date


Rule = Annotated[
    FieldRule
    | EmailDomainRule
    | RoleRule
    | VerifiedRule
    | AreaRule
    | ParticipationRule
    | RegisteredRule,
    Field(discriminator="type"),
]


class RuleSet(BaseModel):
    """A smart group's rules and how they combine."""

    model_config = ConfigDict(extra="forbid")

    match: Match = Match.ALL
    rules: list[Rule] = Field(min_length=1, max_length=MAX_RULES)


@dataclass(frozen=True)
class Person:
    """Every fact a rule can look at, about one user at one moment."""

    email: str
    roles: frozenset[str]
    verified: bool
    registered_at: datetime
    answers: Mapping[str, Any] = field(default_factory=dict)
    project_ids: frozenset[str] = frozenset()
    topic_ids: frozenset[str] = frozenset()
    status_ids: frozenset[str] = frozenset()

    def verifying(self) -> Person:
        """The same person once their identity is verified."""
        return replace(self, verified=True)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value))
    except ValueError:
        return None


def _ordered(answer: Any, wanted: Any, before: bool) -> bool:
    """``answer`` before (or after) ``wanted``: as numbers when both are, else as ISO text."""
    left, right = _number(answer), _number(wanted)
    if left is not None and right is not None:
        return left < right if before else left > right
    text, other = str(answer), str(wanted)
    return text < other if before else text > other


def _contains(answer: Any, wanted: Any) -> bool:
    if isinstance(answer, list):
        return str(wanted) in {str(item) for item in answer}
    return str(wanted).casefold() in str(answer).casefold()


def _equals(answer: Any, wanted: Any) -> bool:
    if isinstance(answer, bool) or isinstance(wanted, bool):
        return str(answer).lower() == str(wanted).lower()
    left, right = _number(answer), _number(wanted)
    if left is not None and right is not None:
        return left == right
    if isinstance(answer, list):
        return [str(item) for item in answer] == [str(wanted)]
    return str(answer).casefold() == str(wanted).casefold()


def _field_matches(rule: FieldRule, person: Person) -> bool:
    answer = person.answers.get(rule.field_id)
    if rule.operator is FieldOperator.IS_EMPTY:
        return _empty(answer)
    if rule.operator is FieldOperator.NOT_EMPTY:
        return not _empty(answer)
    if _empty(answer):
        # Nothing answered matches only the negative operators.
        return rule.operator in (FieldOperator.NOT_EQUALS, FieldOperator.NOT_CONTAINS)
    checks = {
        FieldOperator.EQUALS: lambda: _equals(answer, rule.value),
        FieldOperator.NOT_EQUALS: lambda: not _equals(answer, rule.value),
        FieldOperator.CONTAINS: lambda: _contains(answer, rule.value),
        FieldOperator.NOT_CONTAINS: lambda: not _contains(answer, rule.value),
        FieldOperator.BEFORE: lambda: _ordered(answer, rule.value, before=True),
        FieldOperator.AFTER: lambda: _ordered(answer, rule.value, before=False),
    }
    return checks[rule.operator]()


def _participated(rule: ParticipationRule, person: Person) -> bool:
    taken = {"project": person.project_ids, "topic": person.topic_ids, "status": person.status_ids}
    hit = bool(taken[rule.scope] & set(rule.ids))
    return hit if rule.operator == "in" else not hit


def matches_rule(rule: Rule, person: Person) -> bool:
    """Whether one rule holds for ``person``."""
    if isinstance(rule, FieldRule):
        return _field_matches(rule, person)
    if isinstance(rule, EmailDomainRule):
        domain = person.email.rpartition("@")[2].casefold()
        same = domain == rule.domain.casefold()
        return same if rule.operator == "is" else not same
    if isinstance(rule, RoleRule):
        roles = person.roles or frozenset({"resident"})
        held = rule.role in roles
        return held if rule.operator == "is" else not held
    if isinstance(rule, VerifiedRule):
        return person.verified is rule.verified
    if isinstance(rule, AreaRule):
        inside = person.answers.get("area") in set(rule.area_ids)
        return inside if rule.operator == "in" else not inside
    if isinstance(rule, ParticipationRule):
        return _participated(rule, person)
    registered = person.registered_at.date()
    return registered < rule.on if rule.operator == "before" else registered > rule.on


def matches(rules: RuleSet, person: Person) -> bool:
    """Whether ``person`` belongs to a smart group with these rules."""
    results = (matches_rule(rule, person) for rule in rules.rules)
    return all(results) if rules.match is Match.ALL else any(results)


def rules_of(raw: Sequence[Any] | None, match: str | None) -> RuleSet | None:
    """The stored rules of a group (None for a manual group)."""
    if not raw:
        return None
    return RuleSet.model_validate({"rules": list(raw), "match": match or Match.ALL})
