"""Official updates: the city's answers on a target, apart from residents' comments.

Moderators and managers of the target's project (``INPUT_FEEDBACK``) post,
edit and delete them; everyone who may see the target reads them, newest
first. Bodies are rich text sanitised by :mod:`shared.html` before storage.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from shared.discussion.access import permission, visible_target
from shared.discussion.models import OfficialUpdateRecord
from shared.discussion.ports import TargetLookup
from shared.discussion.repository import DiscussionRepository
from shared.discussion.schemas import (
    OfficialUpdate,
    OfficialUpdateCreate,
    OfficialUpdateList,
    OfficialUpdatePermissions,
    OfficialUpdateUpdate,
)
from shared.errors import FieldIssue, NotFoundError, ValidationError
from shared.events import DomainEvent, EventPublisher
from shared.html import html_to_text, sanitize_localized
from shared.participation.targets import TargetInfo
from shared.permissions import Action, Principal, authorize, can
from shared.tenancy.context import TenantContext


def _utcnow() -> datetime:
    return datetime.now(UTC)


def clean_body(body: dict[str, str]) -> dict[str, str]:
    """Sanitised HTML per language; languages left without readable text are dropped."""
    cleaned = {
        locale: html for locale, html in sanitize_localized(body).items() if html_to_text(html)
    }
    if not cleaned:
        raise ValidationError(
            issues=[
                FieldIssue(
                    "body",
                    "empty_after_sanitising",
                    "Write the update as text: scripts and unsupported markup are removed, "
                    "and nothing readable was left.",
                )
            ]
        )
    return cleaned


class OfficialUpdateService:
    """Official updates of any target kind, for one deployment."""

    def __init__(
        self,
        targets: TargetLookup,
        publisher: EventPublisher,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self._targets = targets
        self._publisher = publisher
        self._clock = clock

    def list_updates(
        self, tenant: TenantContext, principal: Principal, kind: str, target_id: str
    ) -> OfficialUpdateList:
        """Every official update of a target the viewer may see, newest first."""
        target = visible_target(self._targets, tenant, principal, kind, target_id)
        records = DiscussionRepository(tenant).updates(kind, target_id)
        return OfficialUpdateList(items=[self._present(principal, target, r) for r in records])

    def post_update(
        self,
        tenant: TenantContext,
        principal: Principal,
        kind: str,
        target_id: str,
        body: OfficialUpdateCreate,
    ) -> OfficialUpdate:
        """Publish an update in the name of the city (moderators and managers of the project)."""
        target = visible_target(self._targets, tenant, principal, kind, target_id)
        authorize(principal, Action.INPUT_FEEDBACK, target.resource)
        repo = DiscussionRepository(tenant)
        now = self._clock()
        update_id = uuid.uuid4().hex
        record = OfficialUpdateRecord(
            repo.update_pk(update_id),
            "UPDATE",
            update_id=update_id,
            target_kind=kind,
            target_id=target_id,
            project_id=target.project_id,
            body=clean_body(body.body),
            author_name=body.author_name,
            posted_by=principal.user_id,
            created_at=now,
            updated_at=now,
        )
        repo.save_update(record)
        self._emit(tenant, principal, "discussion.official_update.posted", record)
        return self._present(principal, target, record)

    def edit_update(
        self,
        tenant: TenantContext,
        principal: Principal,
        update_id: str,
        body: OfficialUpdateUpdate,
    ) -> OfficialUpdate:
        """Change an update's text or signature; ``author_name: null`` signs as the platform."""
        repo = DiscussionRepository(tenant)
        record, target = self._load(repo, principal, update_id)
        if body.body is not None:
            record.body = clean_body(body.body)
        if "author_name" in body.model_fields_set:
            record.author_name = body.author_name
        record.updated_at = self._clock()
        repo.save_update(record)
        self._emit(tenant, principal, "discussion.official_update.updated", record)
        return self._present(principal, target, record)

    def delete_update(self, tenant: TenantContext, principal: Principal, update_id: str) -> None:
        """Remove an update for good."""
        repo = DiscussionRepository(tenant)
        record, _ = self._load(repo, principal, update_id)
        repo.delete_update(record)
        self._emit(tenant, principal, "discussion.official_update.deleted", record)

    def _load(
        self, repo: DiscussionRepository, principal: Principal, update_id: str
    ) -> tuple[OfficialUpdateRecord, TargetInfo]:
        record = repo.get_update(update_id)
        if record is None:
            raise NotFoundError()
        target = visible_target(
            self._targets, repo.tenant, principal, record.target_kind, record.target_id
        )
        authorize(principal, Action.INPUT_FEEDBACK, target.resource)
        return record, target

    def _present(
        self, principal: Principal, target: TargetInfo, record: OfficialUpdateRecord
    ) -> OfficialUpdate:
        may = permission(can(principal, Action.INPUT_FEEDBACK, target.resource))
        return OfficialUpdate(
            id=record.update_id,
            body=record.body,
            author_name=record.author_name,
            created_at=record.created_at,
            updated_at=record.updated_at,
            permissions=OfficialUpdatePermissions(edit=may, delete=may),
        )

    def _emit(
        self,
        tenant: TenantContext,
        principal: Principal,
        type_: str,
        record: OfficialUpdateRecord,
    ) -> None:
        data: dict[str, Any] = {
            "update_id": record.update_id,
            "target_kind": record.target_kind,
            "target_id": record.target_id,
            "project_id": record.project_id,
        }
        self._publisher.publish(
            DomainEvent(
                type=type_, tenant_id=tenant.tenant_id, data=data, actor_id=principal.user_id
            )
        )
