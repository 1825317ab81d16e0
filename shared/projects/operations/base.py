"""What every part of the projects service shares: collaborators and common steps."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from shared.errors import ConflictError, FieldIssue, NotFoundError, ValidationError
from shared.events import DomainEvent, EventPublisher
from shared.i18n import DEFAULT_LOCALE, pick
from shared.participation.methods.registry import REGISTRY, MethodRegistry
from shared.participation.permissions import FieldCatalog, GroupCatalog, NoCatalog
from shared.permissions import Action, Principal, Resource, authorize, can
from shared.projects.access import project_resource
from shared.projects.models import FolderRecord, ProjectRecord, Publishable
from shared.projects.ports import FileStore
from shared.projects.presenters import Presenter
from shared.projects.repository import ProjectRepository
from shared.projects.slugs import candidates, slugify
from shared.projects.statuses import Status, is_listed
from shared.tenancy.context import TenantContext
from shared.uploads import UploadPurpose

SLUG_ATTEMPTS = 20


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _default_locale(tenant: TenantContext) -> str:
    return DEFAULT_LOCALE


def invalid(field: str, code: str, message: str) -> ValidationError:
    return ValidationError(issues=[FieldIssue(field, code, message)])


TENANT_SCOPE = "scope:tenant"


def scope_resource(tenant: TenantContext, folder_id: str | None = None) -> Resource:
    """A whole list (the tenant's, or one folder's) as the policy's resource.

    It carries an id that no project has: the policy reads a missing id as
    "any project", which would let any project manager act on every list.
    """
    return Resource(tenant_id=tenant.tenant_id, id=folder_id or TENANT_SCOPE, folder_id=folder_id)


def folder_resource(record: FolderRecord) -> Resource:
    return Resource(
        tenant_id=record.pk.split("#")[1],
        id=record.folder_id,
        folder_id=record.folder_id,
        published=is_listed(Status(record.status)),
    )


class ServiceBase:
    """Collaborators and steps every operation of the projects service needs.

    ``clock`` decides "today" for the current phase; ``default_locale`` gives a
    tenant's default language, from which slugs are generated.
    """

    def __init__(
        self,
        files: FileStore,
        publisher: EventPublisher,
        methods: MethodRegistry = REGISTRY,
        clock: Callable[[], datetime] = _utcnow,
        default_locale: Callable[[TenantContext], str] = _default_locale,
        groups: GroupCatalog | None = None,
        fields: FieldCatalog | None = None,
    ) -> None:
        self._groups: GroupCatalog = groups or NoCatalog()
        self._fields: FieldCatalog = fields or NoCatalog()
        self._files = files
        self._publisher = publisher
        self._methods = methods
        self._clock = clock
        self._default_locale = default_locale

    def repository(self, tenant: TenantContext) -> ProjectRepository:
        return ProjectRepository(tenant)

    def presenter(self, principal: Principal | None = None) -> Presenter:
        """Shapes for today; with ``principal``, phases also say what that viewer may do."""
        return Presenter(self._files, self._methods, self._clock().date(), principal)

    def now(self) -> datetime:
        return self._clock()

    def emit(self, tenant: TenantContext, principal: Principal, type_: str, **data: Any) -> None:
        """Publish one domain event after its write has succeeded."""
        self._publisher.publish(
            DomainEvent(
                type=type_, tenant_id=tenant.tenant_id, data=data, actor_id=principal.user_id
            )
        )

    # ---- loading with access checks --------------------------------------------------

    def load_project(
        self, repo: ProjectRepository, principal: Principal, project_id: str, action: Action
    ) -> ProjectRecord:
        """The project if ``principal`` may see it (else 404) and do ``action`` (else 403)."""
        record = repo.get_project(project_id)
        if record is None:
            raise NotFoundError()
        resource = project_resource(record)
        authorize(principal, Action.PROJECT_VIEW, resource)
        if action is not Action.PROJECT_VIEW:
            authorize(principal, action, resource)
        return record

    def load_folder(
        self, repo: ProjectRepository, principal: Principal, folder_id: str, action: Action
    ) -> FolderRecord:
        record = repo.get_folder(folder_id)
        if record is None:
            raise NotFoundError()
        resource = folder_resource(record)
        authorize(principal, Action.FOLDER_VIEW, resource)
        if action is not Action.FOLDER_VIEW:
            authorize(principal, action, resource)
        return record

    def can_view_project(self, principal: Principal, record: ProjectRecord) -> bool:
        return bool(can(principal, Action.PROJECT_VIEW, project_resource(record)))

    # ---- slugs and uploads -----------------------------------------------------------

    def claim_slug(
        self,
        repo: ProjectRepository,
        entity: str,
        target_id: str,
        requested: str | None,
        title: dict[str, str],
    ) -> str:
        """Claim the requested slug (409 if taken) or the first free one from the title."""
        if requested:
            if repo.claim_slug(entity, requested, target_id):
                return requested
            raise ConflictError(
                "Another item already uses this web address.",
                code="slug_taken",
                extra={"slug": requested},
            )
        base = slugify(pick(title, self._default_locale(repo.tenant)))
        for slug in [*candidates(base, SLUG_ATTEMPTS), f"{base[:70]}-{secrets.token_hex(4)}"]:
            if repo.claim_slug(entity, slug, target_id):
                return slug
        raise ConflictError(code="slug_taken", extra={"slug": base})

    def change_header_image(
        self,
        tenant: TenantContext,
        principal: Principal,
        record: Publishable,
        upload_key: str | None,
        remove: bool,
    ) -> str | None:
        """Apply a header image change; return the replaced key, to delete once saved."""
        old = record.header_image_key
        if upload_key:
            record.header_image_key = self.confirm_image(tenant, principal, upload_key)
        elif remove:
            record.header_image_key = None
        return old if old and old != record.header_image_key else None

    def confirm_image(self, tenant: TenantContext, principal: Principal, key: str) -> str:
        stored = self._files.confirm(tenant, principal, key, UploadPurpose.PROJECT_HEADER)
        return stored.key
