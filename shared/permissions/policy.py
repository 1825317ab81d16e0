"""``can(principal, action, resource)``: the only place access is decided.

Services call :func:`authorize` before they act; handlers never decide access
themselves. Each decision carries a stable reason code that the UI turns into
a message and a way to qualify ("sign in", "confirm your email", ...).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from shared.errors import AuthenticationError, ForbiddenError, NotFoundError
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


class Reason(StrEnum):
    OK = "ok"
    NOT_SIGNED_IN = "not_signed_in"
    NOT_ADMIN = "admin_only"
    NOT_MANAGER = "manager_only"
    NOT_OWNER = "not_owner"
    NOT_PUBLISHED = "not_published"
    OTHER_TENANT = "other_platform"


@dataclass(frozen=True)
class Resource:
    """What an action touches; only the facts the policy needs."""

    tenant_id: str
    id: str | None = None
    owner_id: str | None = None
    folder_id: str | None = None
    published: bool = True
    visibility: str = "public"


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: Reason

    def __bool__(self) -> bool:
        return self.allowed


ALLOW = Decision(True, Reason.OK)


def _signed_in(principal: Principal) -> Decision | None:
    return None if principal.is_authenticated else Decision(False, Reason.NOT_SIGNED_IN)


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
    return (resource.id is not None and principal.has_role(Role.PROJECT_MANAGER, resource.id)) or (
        resource.folder_id is not None
        and principal.has_role(Role.FOLDER_MANAGER, resource.folder_id)
    )


def _manager(principal: Principal, resource: Resource | None) -> Decision:
    denied = _signed_in(principal)
    if denied is not None:
        return denied
    return ALLOW if _manages(principal, resource) else Decision(False, Reason.NOT_MANAGER)


def _viewer(principal: Principal, resource: Resource | None) -> Decision:
    if resource is None or (resource.published and resource.visibility == "public"):
        return ALLOW
    if _manages(principal, resource):
        return ALLOW
    return Decision(False, Reason.NOT_PUBLISHED)


def _self(principal: Principal, resource: Resource | None) -> Decision:
    denied = _signed_in(principal)
    if denied is not None:
        return denied
    if resource is None or resource.owner_id == principal.user_id or principal.is_admin:
        return ALLOW
    return Decision(False, Reason.NOT_OWNER)


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
    raise ForbiddenError(code=decision.reason.value, extra={"action": action.value})
