"""``can(principal, action, resource)``: the only place access is decided.

Services call :func:`authorize` before they act; handlers never decide access
themselves. Each decision carries a stable reason code that the UI turns into
a message and a way to qualify ("sign in", "confirm your email", ...).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from shared.errors import AuthenticationError, ForbiddenError, NotFoundError
from shared.participation.actions import ParticipationAction
from shared.permissions.access import DEFAULT_RULE, AccessRule, Audience
from shared.permissions.principal import Principal, Role


class Action(StrEnum):
    PLATFORM_UPDATE = "platform.update"
    PROJECT_VIEW = "project.view"
    PROJECT_LIST_ALL = "project.list_all"
    PROJECT_CREATE = "project.create"
    PROJECT_MANAGE = "project.manage"
    FOLDER_VIEW = "folder.view"
    FOLDER_CREATE = "folder.create"
    FOLDER_MANAGE = "folder.manage"
    PROFILE_READ = "profile.read"
    PROFILE_UPDATE = "profile.update"
    USER_MANAGE = "user.manage"
    DEV_MAIL_READ = "dev.mail.read"
    # Reading the platform's content at all (the platform may be for signed-in residents only).
    PLATFORM_VISIT = "platform.visit"
    # Participation in a phase (the resource carries the project and PhaseFacts).
    INPUT_POST = "input.post"
    INPUT_REACT = "input.react"
    COMMENT_POST = "comment.post"
    # Own contributions, and the city's answers to them.
    INPUT_EDIT = "input.edit"
    INPUT_DELETE = "input.delete"
    COMMENT_EDIT = "comment.edit"
    COMMENT_DELETE = "comment.delete"
    INPUT_FEEDBACK = "input.feedback"
    FOLLOW = "follow"
    NOTIFICATIONS_READ = "notifications.read"
    TAXONOMY_MANAGE = "taxonomy.manage"
    # Moderation and the input manager.
    INPUT_REPORT = "input.report"
    TEAM_VIEW = "team.view"
    MODERATE = "moderate"
    INPUT_MANAGE = "input.manage"
    USER_BLOCK = "user.block"
    AUDIT_READ = "audit.read"
    # People: user groups (the team reads them to set phase permissions).
    GROUP_VIEW = "group.view"
    GROUP_MANAGE = "group.manage"
    # Registration fields and areas residents answer (reading them is public).
    REGISTRATION_MANAGE = "registration.manage"
    # Identity verification: methods, codes and the OpenID Connect provider.
    VERIFICATION_MANAGE = "verification.manage"
    # The person's own data (GDPR): nobody else, not even an admin, acts for them.
    PERSONAL_DATA_EXPORT = "personal_data.export"
    ACCOUNT_DELETE = "account.delete"
    LEGAL_MANAGE = "legal.manage"


class Reason(StrEnum):
    OK = "ok"
    NOT_SIGNED_IN = "not_signed_in"
    NOT_ADMIN = "admin_only"
    NOT_MANAGER = "manager_only"
    NOT_OWNER = "not_owner"
    NOT_PUBLISHED = "not_published"
    OTHER_TENANT = "other_platform"
    NOT_MODERATOR = "moderator_only"
    PHASE_CLOSED = "phase_closed"
    ACTION_DISABLED = "action_disabled"
    BLOCKED = "blocked"
    NOT_TEAM = "team_only"
    EMAIL_NOT_CONFIRMED = "email_not_confirmed"
    NOT_VERIFIED = "not_verified"
    NOT_IN_GROUP = "not_in_group"
    MISSING_FIELDS = "missing_profile_fields"
    DEADLINE_PASSED = "deadline_passed"


@dataclass(frozen=True)
class PhaseFacts:
    """What the policy needs of the phase an action happens in.

    ``open``: the phase runs today (and its project is published);
    ``enabled``: the participation actions (``ParticipationAction`` values)
    the phase's method supports and its settings switch on; ``rules``: who
    may take each action (actions without a rule admit signed-in residents);
    ``platform_rules``: rules the platform sets for every phase of the
    method (e.g. who may comment on proposals), which must admit too.
    """

    open: bool
    enabled: frozenset[str] = frozenset()
    rules: tuple[tuple[str, AccessRule], ...] = ()
    platform_rules: tuple[tuple[str, AccessRule], ...] = ()

    @classmethod
    def of(
        cls,
        open: bool,
        enabled: frozenset[str],
        rules: Mapping[str, AccessRule],
        platform_rules: Mapping[str, AccessRule] | None = None,
    ) -> PhaseFacts:
        return cls(
            open=open,
            enabled=enabled,
            rules=tuple(sorted(rules.items())),
            platform_rules=tuple(sorted((platform_rules or {}).items())),
        )

    def rule_for(self, action: str) -> AccessRule:
        return next((rule for name, rule in self.rules if name == action), DEFAULT_RULE)

    def platform_rule_for(self, action: str) -> AccessRule | None:
        return next((rule for name, rule in self.platform_rules if name == action), None)


@dataclass(frozen=True)
class Resource:
    """What an action touches; only the facts the policy needs."""

    tenant_id: str
    id: str | None = None
    owner_id: str | None = None
    folder_id: str | None = None
    published: bool = True
    visibility: str = "public"
    project_id: str | None = None
    phase: PhaseFacts | None = None
    group_ids: frozenset[str] = frozenset()  # visibility ``groups``: whose members may see it
    rule: AccessRule | None = None  # a platform-wide rule for the action (e.g. who may follow)
    # Participation actions this one item no longer takes although its phase runs: its own
    # deadline passed (an expired proposal takes no more signatures).
    ended: frozenset[str] = frozenset()

    @property
    def project_ref(self) -> str | None:
        """The project a project-scoped role must name: the project itself, or the parent."""
        return self.project_id if self.project_id is not None else self.id


@dataclass(frozen=True)
class Decision:
    """The answer, why, and for ``missing_profile_fields`` which fields to ask for."""

    allowed: bool
    reason: Reason
    fields: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.allowed


ALLOW = Decision(True, Reason.OK)


def _first_refusal(*checks: Decision | None) -> Decision:
    """The first refusal among ``checks`` (``None`` means "no objection"), else allow.

    A refusal is falsy (``Decision.__bool__``), so ``a or b`` would skip it.
    """
    return next((check for check in checks if check is not None), ALLOW)


_NOT_SIGNED_IN = Decision(False, Reason.NOT_SIGNED_IN)


def _signed_in(principal: Principal) -> Decision | None:
    return None if principal.is_authenticated else _NOT_SIGNED_IN


def _not_blocked(principal: Principal) -> Decision | None:
    return Decision(False, Reason.BLOCKED) if principal.is_blocked() else None


def _admin(principal: Principal, _: Resource | None) -> Decision:
    denied = _signed_in(principal)
    if denied is not None:
        return denied
    return ALLOW if principal.is_admin else Decision(False, Reason.NOT_ADMIN)


def _manages(principal: Principal, resource: Resource | None) -> bool:
    if principal.is_admin:
        return True
    if resource is None:
        return False
    # A scoped role reaches only named resources: no id, no reach.
    project = resource.project_ref
    return (project is not None and principal.has_role(Role.PROJECT_MANAGER, project)) or (
        resource.folder_id is not None
        and principal.has_role(Role.FOLDER_MANAGER, resource.folder_id)
    )


def _moderates(principal: Principal, resource: Resource | None) -> bool:
    if _manages(principal, resource):
        return True
    project = resource.project_ref if resource is not None else None
    return project is not None and principal.has_role(Role.MODERATOR, project)


def _manager(principal: Principal, resource: Resource | None) -> Decision:
    denied = _signed_in(principal)
    if denied is not None:
        return denied
    return ALLOW if _manages(principal, resource) else Decision(False, Reason.NOT_MANAGER)


def _viewer(principal: Principal, resource: Resource | None) -> Decision:
    """Published public things for everyone; group-visible ones for the groups' members;
    everything for those who manage it. Anything else does not exist for the viewer."""
    if resource is None or (resource.published and resource.visibility == "public"):
        return ALLOW
    if _manages(principal, resource):
        return ALLOW
    if (
        resource.published
        and resource.visibility == "groups"
        and principal.is_authenticated
        and principal.facts.in_any_group(resource.group_ids)
    ):
        return ALLOW
    return Decision(False, Reason.NOT_PUBLISHED)


def _self(principal: Principal, resource: Resource | None) -> Decision:
    denied = _signed_in(principal)
    if denied is not None:
        return denied
    if resource is None or resource.owner_id == principal.user_id or principal.is_admin:
        return ALLOW
    return Decision(False, Reason.NOT_OWNER)


def _only_self(principal: Principal, resource: Resource | None) -> Decision:
    """The signed-in person on their own account (the resource names them as owner)."""
    denied = _signed_in(principal)
    if denied is not None:
        return denied
    if resource is not None and resource.owner_id == principal.user_id:
        return ALLOW
    return Decision(False, Reason.NOT_OWNER)


def _moderator(principal: Principal, resource: Resource | None) -> Decision:
    denied = _signed_in(principal)
    if denied is not None:
        return denied
    return ALLOW if _moderates(principal, resource) else Decision(False, Reason.NOT_MODERATOR)


def _phase_allows(resource: Resource | None, action: str) -> Decision | None:
    """Refuse when the phase is closed or does not enable ``action``, or the item's own
    deadline for it passed."""
    phase = resource.phase if resource is not None else None
    if resource is None or phase is None or not phase.open:
        return Decision(False, Reason.PHASE_CLOSED)
    if action not in phase.enabled:
        return Decision(False, Reason.ACTION_DISABLED)
    if action in resource.ended:
        return Decision(False, Reason.DEADLINE_PASSED)
    return None


def _audience(principal: Principal, rule: AccessRule, resource: Resource | None) -> Decision | None:
    """Refuse a signed-in principal the rule's audience does not admit.

    Each refusal names the step that would qualify them, so the UI can offer
    it: confirm the email, verify the identity (also when verifying would
    make them a member of one of the groups), or nothing they can do.
    """
    audience = rule.audience
    if audience is Audience.TEAM:
        return None if _manages(principal, resource) else Decision(False, Reason.NOT_MANAGER)
    if audience is Audience.CONFIRMED_EMAIL and not principal.email_confirmed:
        return Decision(False, Reason.EMAIL_NOT_CONFIRMED)
    if audience is Audience.VERIFIED and not principal.verified:
        return Decision(False, Reason.NOT_VERIFIED)
    if audience is Audience.GROUPS and not principal.facts.in_any_group(rule.group_ids):
        if not principal.verified and principal.facts.would_join_if_verified(rule.group_ids):
            return Decision(False, Reason.NOT_VERIFIED)
        return Decision(False, Reason.NOT_IN_GROUP)
    return None


def _profile_complete(principal: Principal, rule: AccessRule) -> Decision | None:
    missing = principal.facts.missing_fields(rule.required_fields)
    return Decision(False, Reason.MISSING_FIELDS, fields=missing) if missing else None


def _participate(action: str) -> Callable[[Principal, Resource | None], Decision]:
    """Taking part in a phase: visible project, open phase, enabled action, the action's rule.

    Closed and disabled come before "sign in": signing in would not help.
    Then the rule: signed-out visitors only where it admits everyone, never
    while blocked, the audience (managers of the project are always
    admitted) and the platform's audience for the method if it sets one,
    and last the profile fields the resident still has to give, which the
    UI asks for in place.
    """

    def rule(principal: Principal, resource: Resource | None) -> Decision:
        visible = _viewer(principal, resource)
        if not visible:
            return visible
        closed = _phase_allows(resource, action)
        if closed is not None:
            return closed
        assert resource is not None and resource.phase is not None  # _phase_allows checked
        access = resource.phase.rule_for(action)
        platform = resource.phase.platform_rule_for(action)
        if not principal.is_authenticated:
            admitted = access.audience is Audience.EVERYONE and (
                platform is None or platform.audience is Audience.EVERYONE
            )
            return ALLOW if admitted else _NOT_SIGNED_IN
        if _manages(principal, resource):
            return _first_refusal(_not_blocked(principal))
        return _first_refusal(
            _not_blocked(principal),
            _audience(principal, access, resource),
            _audience(principal, platform, resource) if platform is not None else None,
            _profile_complete(principal, access),
        )

    return rule


def _own_input(principal: Principal, resource: Resource | None) -> Decision:
    """Authors change their input while the phase lets them post; managers always."""
    denied = _signed_in(principal)
    if denied is not None:
        return denied
    if _manages(principal, resource):
        return ALLOW
    if resource is None or resource.owner_id != principal.user_id:
        return Decision(False, Reason.NOT_OWNER)
    return _first_refusal(_phase_allows(resource, ParticipationAction.POST_INPUT))


def _own_input_edit(principal: Principal, resource: Resource | None) -> Decision:
    """Editing is taking part again: a blocked author may delete, not edit."""
    decision = _own_input(principal, resource)
    if not decision or _manages(principal, resource):
        return decision
    return _first_refusal(_not_blocked(principal))


def _own_comment(principal: Principal, resource: Resource | None) -> Decision:
    denied = _signed_in(principal)
    if denied is not None:
        return denied
    owner = resource is not None and resource.owner_id == principal.user_id
    return ALLOW if owner else Decision(False, Reason.NOT_OWNER)


def _own_comment_edit(principal: Principal, resource: Resource | None) -> Decision:
    decision = _own_comment(principal, resource)
    return decision if not decision else _first_refusal(_not_blocked(principal))


def _team(principal: Principal, _: Resource | None) -> Decision:
    """The back-office work lists (activity queue, input manager): any team member.

    What each list shows is then decided per item with MODERATE / INPUT_FEEDBACK.
    """
    denied = _signed_in(principal)
    if denied is not None:
        return denied
    return ALLOW if principal.is_team_member else Decision(False, Reason.NOT_TEAM)


def _own_comment_or_moderator(principal: Principal, resource: Resource | None) -> Decision:
    owned = _own_comment(principal, resource)
    if owned or not principal.is_authenticated:
        return owned
    return ALLOW if _moderates(principal, resource) else owned


def _follower(principal: Principal, resource: Resource | None) -> Decision:
    """Following a visible target: signed in, and admitted by the platform's rule if any."""
    visible = _viewer(principal, resource)
    if not visible:
        return visible
    denied = _signed_in(principal)
    if denied is not None or resource is None or resource.rule is None:
        return _first_refusal(denied)
    return _first_refusal(_audience(principal, resource.rule, resource))


def _visitor(principal: Principal, resource: Resource | None) -> Decision:
    """A platform for signed-in residents only (``visibility="signed_in"``) shows them alone
    its content; anything else is open to every visitor."""
    if resource is not None and resource.visibility == "signed_in":
        return _first_refusal(_signed_in(principal))
    return ALLOW


PHASE_ACTIONS: dict[ParticipationAction, Action] = {
    ParticipationAction.POST_INPUT: Action.INPUT_POST,
    ParticipationAction.COMMENT: Action.COMMENT_POST,
    ParticipationAction.REACT: Action.INPUT_REACT,
}
"""The policy's action for each participation action a phase can grant."""

_RULES: dict[Action, Callable[[Principal, Resource | None], Decision]] = {
    Action.PLATFORM_UPDATE: _admin,
    Action.PROJECT_VIEW: _viewer,
    Action.PROJECT_LIST_ALL: _manager,
    Action.PROJECT_CREATE: _admin,
    Action.PROJECT_MANAGE: _manager,
    Action.FOLDER_VIEW: _viewer,
    Action.FOLDER_CREATE: _admin,
    Action.FOLDER_MANAGE: _manager,
    Action.PROFILE_READ: _self,
    Action.PROFILE_UPDATE: _self,
    Action.USER_MANAGE: _admin,
    Action.DEV_MAIL_READ: _admin,
    Action.PLATFORM_VISIT: _visitor,
    Action.INPUT_POST: _participate(ParticipationAction.POST_INPUT),
    Action.INPUT_REACT: _participate(ParticipationAction.REACT),
    Action.COMMENT_POST: _participate(ParticipationAction.COMMENT),
    Action.INPUT_EDIT: _own_input_edit,
    Action.INPUT_DELETE: _own_input,
    Action.COMMENT_EDIT: _own_comment_edit,
    Action.COMMENT_DELETE: _own_comment_or_moderator,
    Action.INPUT_FEEDBACK: _moderator,
    Action.FOLLOW: _follower,
    Action.NOTIFICATIONS_READ: _self,
    Action.TAXONOMY_MANAGE: _admin,
    Action.INPUT_REPORT: _follower,
    Action.TEAM_VIEW: _team,
    Action.MODERATE: _moderator,
    Action.INPUT_MANAGE: _manager,
    Action.USER_BLOCK: _team,
    Action.AUDIT_READ: _admin,
    Action.GROUP_VIEW: _team,
    Action.GROUP_MANAGE: _admin,
    Action.REGISTRATION_MANAGE: _admin,
    Action.VERIFICATION_MANAGE: _admin,
    Action.PERSONAL_DATA_EXPORT: _only_self,
    Action.ACCOUNT_DELETE: _only_self,
    Action.LEGAL_MANAGE: _admin,
}


def can(principal: Principal, action: Action, resource: Resource | None = None) -> Decision:
    """Decide whether ``principal`` may perform ``action`` on ``resource``."""
    if (
        resource is not None
        and principal.tenant_id is not None
        and principal.tenant_id != resource.tenant_id
    ):
        return Decision(False, Reason.OTHER_TENANT)
    return _RULES[action](principal, resource)


def authorize(principal: Principal, action: Action, resource: Resource | None = None) -> None:
    """Raise the fitting error when the policy refuses the action."""
    decision = can(principal, action, resource)
    if decision.allowed:
        return
    if decision.reason is Reason.NOT_SIGNED_IN:
        raise AuthenticationError(code=decision.reason.value)
    if decision.reason is Reason.NOT_PUBLISHED:
        # Unpublished things are invisible, not forbidden: do not reveal they exist.
        raise NotFoundError(code="not_found")
    extra: dict[str, object] = {"action": action.value}
    if decision.fields:
        extra["fields"] = list(decision.fields)
    if decision.reason is Reason.BLOCKED and principal.blocked_until is not None:
        extra["blocked_until"] = principal.blocked_until.isoformat()
        extra["block_reason"] = principal.block_reason
    raise ForbiddenError(code=decision.reason.value, extra=extra)
