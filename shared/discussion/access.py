"""Loading discussion items together with the policy facts their target gives them."""

from __future__ import annotations

import dataclasses

from shared.discussion.models import CommentRecord
from shared.discussion.ports import TargetLookup
from shared.discussion.repository import is_ref
from shared.discussion.schemas import Permission
from shared.errors import NotFoundError
from shared.participation.targets import TargetInfo
from shared.permissions import Action, Decision, Principal, Resource, authorize
from shared.tenancy.context import TenantContext


def visible_target(
    targets: TargetLookup, tenant: TenantContext, principal: Principal, kind: str, target_id: str
) -> TargetInfo:
    """The target if the viewer may see it; 404 otherwise (unknown, or not published)."""
    if not is_ref(target_id):
        raise NotFoundError()
    target = targets.resolve(tenant, kind, target_id)
    authorize(principal, Action.PROJECT_VIEW, target.resource)
    return target


def comment_resource(target: TargetInfo, record: CommentRecord) -> Resource:
    """A comment as the policy sees it: its target's project and phase, its own author."""
    return dataclasses.replace(target.resource, id=record.comment_id, owner_id=record.author_id)


def permission(decision: Decision) -> Permission:
    return Permission.of(decision)


DELETED = Permission(allowed=False, reason="comment_deleted")
