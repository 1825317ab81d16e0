"""Per-phase permissions: who may take each participation action of a phase.

A phase stores ``{action: {"audience", "group_ids", "required_fields"}}`` for
the actions its method supports; an action without an entry admits signed-in
residents. Admins edit them with the phase; the policy reads them through
:func:`phase_facts`. Group ids and registration fields are checked against
their owners' data through the ports below, so a rule never names a group or
field that does not exist.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Annotated, Any, Protocol

from pydantic import BaseModel, ConfigDict, Field, model_validator

from shared.errors import FieldIssue, ValidationError
from shared.participation.actions import ParticipationAction
from shared.participation.methods.base import MethodConfig, ParticipationMethod
from shared.permissions import AccessRule, Audience, PhaseFacts
from shared.tenancy.context import TenantContext

RefId = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")]


class ActionPermission(BaseModel):
    """Who may take one action: an audience, its groups, and the profile fields it needs."""

    model_config = ConfigDict(extra="forbid")

    audience: Audience = Field(
        default=Audience.SIGNED_IN,
        description="`everyone` (signed-out visitors too, where the method allows it), "
        "`signed_in`, `confirmed_email`, `verified`, `groups` (members of `group_ids`) "
        "or `team` (admins and the project's managers).",
    )
    group_ids: list[RefId] = Field(default_factory=list, max_length=20)
    required_fields: list[RefId] = Field(
        default_factory=list,
        max_length=30,
        description="Registration fields a resident must have answered before acting; "
        "the platform's required fields always apply too.",
    )

    @model_validator(mode="after")
    def _groups_fit_audience(self) -> ActionPermission:
        if self.audience is Audience.GROUPS and not self.group_ids:
            raise ValueError("choose at least one group")
        if self.audience is not Audience.GROUPS:
            self.group_ids = []
        self.group_ids = sorted(set(self.group_ids))
        self.required_fields = list(dict.fromkeys(self.required_fields))
        return self

    def rule(self) -> AccessRule:
        return AccessRule(
            audience=self.audience,
            group_ids=frozenset(self.group_ids),
            required_fields=frozenset(self.required_fields),
        )


PhasePermissions = dict[ParticipationAction, ActionPermission]


class GroupCatalog(Protocol):
    """The user groups that exist (provided by the groups domain)."""

    def existing_groups(self, tenant: TenantContext, group_ids: Collection[str]) -> set[str]: ...


class FieldCatalog(Protocol):
    """The registration fields that exist (provided by the registration domain)."""

    def existing_fields(self, tenant: TenantContext, field_ids: Collection[str]) -> set[str]: ...


class NoCatalog:
    """A catalogue with nothing in it: rules may then name no group and no field."""

    def existing_groups(self, tenant: TenantContext, group_ids: Collection[str]) -> set[str]:
        return set()

    def existing_fields(self, tenant: TenantContext, field_ids: Collection[str]) -> set[str]:
        return set()


def validate_permissions(
    tenant: TenantContext,
    method: ParticipationMethod,
    permissions: Mapping[ParticipationAction, ActionPermission],
    groups: GroupCatalog,
    fields: FieldCatalog,
) -> dict[str, dict[str, Any]]:
    """Check a phase's permissions against its method and the platform; return what to store."""
    issues: list[FieldIssue] = []
    wanted_groups = {g for p in permissions.values() for g in p.group_ids}
    wanted_fields = {f for p in permissions.values() for f in p.required_fields}
    known_groups = groups.existing_groups(tenant, wanted_groups) if wanted_groups else set()
    known_fields = fields.existing_fields(tenant, wanted_fields) if wanted_fields else set()
    for action, permission in permissions.items():
        where = f"permissions.{action.value}"
        if action not in method.actions:
            issues.append(
                FieldIssue(where, "action_not_in_method", "This phase's method has no such action.")
            )
        elif permission.audience is Audience.EVERYONE and action not in method.anonymous_actions:
            issues.append(
                FieldIssue(
                    f"{where}.audience",
                    "sign_in_needed",
                    "This action needs to know who takes it: choose signed-in residents "
                    "or a narrower audience.",
                )
            )
        issues += [
            FieldIssue(f"{where}.group_ids", "unknown_group", f"There is no group {group!r}.")
            for group in permission.group_ids
            if group not in known_groups
        ]
        issues += [
            FieldIssue(
                f"{where}.required_fields",
                "unknown_field",
                f"There is no registration field {name!r}.",
            )
            for name in permission.required_fields
            if name not in known_fields
        ]
    if issues:
        raise ValidationError("These permissions cannot be saved.", issues=issues)
    return {
        action.value: permission.model_dump(mode="json")
        for action, permission in sorted(permissions.items())
    }


def stored_permissions(
    method: ParticipationMethod, raw: Mapping[str, Any] | None
) -> dict[ParticipationAction, ActionPermission]:
    """Every action of the method with its stored rule, or the default rule."""
    stored = raw or {}
    return {
        action: ActionPermission.model_validate(stored.get(action.value, {}))
        for action in sorted(method.actions)
    }


def phase_facts(
    method: ParticipationMethod | None,
    config: MethodConfig | None,
    is_open: bool,
    raw_permissions: Mapping[str, Any] | None,
    platform_rules: Mapping[str, AccessRule] | None = None,
) -> PhaseFacts:
    """What the policy needs of a phase: open, the actions switched on, each action's rule,
    and the rules the platform sets for every phase of the method."""
    if method is None or config is None:
        return PhaseFacts(open=False)
    rules = {
        action.value: permission.rule()
        for action, permission in stored_permissions(method, raw_permissions).items()
    }
    return PhaseFacts.of(is_open, config.enabled_actions(), rules, platform_rules)
