"""Folder operations: create, edit, change status, reorder, delete, list and read."""

from __future__ import annotations

import uuid

from shared.db.pagination import Page
from shared.errors import ConflictError, NotFoundError
from shared.html import sanitize_localized
from shared.permissions import Action, Principal, Resource, Role, authorize, can
from shared.projects.models import FolderRecord, ProjectRecord
from shared.projects.operations.base import (
    ServiceBase,
    folder_resource,
    invalid,
    scope_resource,
)
from shared.projects.ordering import reorder
from shared.projects.repository import ProjectRepository
from shared.projects.schemas import (
    Folder,
    FolderCreate,
    FolderListQuery,
    FolderSummary,
    FolderUpdate,
    Reorder,
)
from shared.projects.statuses import Status, Transition, next_status
from shared.tenancy.context import TenantContext

FOLDER = "folder"


class FolderOperations(ServiceBase):
    """Everything admins and folder managers do with folders; what residents read."""

    def _visible_projects(
        self, repo: ProjectRepository, principal: Principal, folder_id: str
    ) -> list[ProjectRecord]:
        return [p for p in repo.group_projects(folder_id) if self.can_view_project(principal, p)]

    def _folder(
        self, repo: ProjectRepository, principal: Principal, record: FolderRecord
    ) -> Folder:
        projects = self._visible_projects(repo, principal, record.folder_id)
        return self.presenter().folder(record, projects)

    def _summaries(
        self,
        repo: ProjectRepository,
        principal: Principal,
        records: list[FolderRecord],
        cursor: str | None,
    ) -> Page[FolderSummary]:
        presenter = self.presenter()
        items = [
            presenter.folder_summary(r, len(self._visible_projects(repo, principal, r.folder_id)))
            for r in records
        ]
        return Page[FolderSummary](items=items, next_cursor=cursor)

    def list_folders(
        self, tenant: TenantContext, principal: Principal, query: FolderListQuery
    ) -> Page[FolderSummary]:
        """Published and archived folders, by position (residents' home page)."""
        authorize(principal, Action.FOLDER_VIEW, Resource(tenant_id=tenant.tenant_id))
        repo = self.repository(tenant)
        records, cursor = repo.listed_folders(query.cursor, query.limit)
        return self._summaries(repo, principal, records, cursor)

    def admin_list_folders(
        self, tenant: TenantContext, principal: Principal, query: FolderListQuery
    ) -> Page[FolderSummary]:
        """Every folder in every status; folder managers see the folders they manage."""
        repo = self.repository(tenant)
        everything = can(principal, Action.PROJECT_LIST_ALL, scope_resource(tenant))
        if not everything and not principal.has_role(Role.FOLDER_MANAGER):
            authorize(principal, Action.PROJECT_LIST_ALL, scope_resource(tenant))
        records, cursor = repo.all_folders(query.cursor, query.limit)
        if not everything:
            records = [
                r for r in records if can(principal, Action.FOLDER_MANAGE, folder_resource(r))
            ]
        return self._summaries(repo, principal, records, cursor)

    def get_folder(self, tenant: TenantContext, principal: Principal, folder_ref: str) -> Folder:
        """A folder by id or slug, with the projects of it the viewer may see."""
        repo = self.repository(tenant)
        folder_id = (
            folder_ref if repo.get_folder(folder_ref) else repo.find_slug(FOLDER, folder_ref)
        )
        if folder_id is None:
            raise NotFoundError()
        record = self.load_folder(repo, principal, folder_id, Action.FOLDER_VIEW)
        return self._folder(repo, principal, record)

    def create_folder(
        self, tenant: TenantContext, principal: Principal, body: FolderCreate
    ) -> Folder:
        """Create a draft folder at the end of the list."""
        authorize(principal, Action.FOLDER_CREATE, Resource(tenant_id=tenant.tenant_id))
        repo = self.repository(tenant)
        image = (
            self.confirm_image(tenant, principal, body.header_image_upload_key)
            if body.header_image_upload_key
            else None
        )
        folder_id = uuid.uuid4().hex
        slug = self.claim_slug(repo, FOLDER, folder_id, body.slug, body.title)
        now = self.now()
        record = FolderRecord(
            repo.folder_pk(folder_id),
            "FOLDER",
            folder_id=folder_id,
            slug=slug,
            title=body.title,
            description=sanitize_localized(body.description),
            status=Status.DRAFT.value,
            position=repo.next_folder_position(),
            header_image_key=image,
            created_at=now,
            updated_at=now,
        )
        repo.index_folder(record)
        try:
            repo.save(record)
        except Exception:
            repo.release_slug(FOLDER, slug, folder_id)
            raise
        self.emit(tenant, principal, "projects.folder.created", folder_id=folder_id, slug=slug)
        return self._folder(repo, principal, record)

    def update_folder(
        self, tenant: TenantContext, principal: Principal, folder_id: str, body: FolderUpdate
    ) -> Folder:
        """Change a folder's texts, slug or header image."""
        repo = self.repository(tenant)
        record = self.load_folder(repo, principal, folder_id, Action.FOLDER_MANAGE)
        replaced = self.change_header_image(
            tenant, principal, record, body.header_image_upload_key, body.remove_header_image
        )
        if body.title is not None:
            record.title = body.title
        if body.description is not None:
            record.description = sanitize_localized(body.description)
        old_slug = record.slug
        if body.slug and body.slug != old_slug:
            record.slug = self.claim_slug(repo, FOLDER, folder_id, body.slug, record.title)
        record.updated_at = self.now()
        try:
            repo.save(record)
        except Exception:
            if record.slug != old_slug:
                repo.release_slug(FOLDER, record.slug, folder_id)
            raise
        if record.slug != old_slug:
            repo.release_slug(FOLDER, old_slug, folder_id)
        if replaced:
            self._files.delete(replaced)
        self.emit(tenant, principal, "projects.folder.updated", folder_id=folder_id)
        return self._folder(repo, principal, record)

    def _transition_folder(
        self, tenant: TenantContext, principal: Principal, folder_id: str, move: Transition
    ) -> Folder:
        repo = self.repository(tenant)
        record = self.load_folder(repo, principal, folder_id, Action.FOLDER_MANAGE)
        record.status = next_status(Status(record.status), move).value
        now = self.now()
        if move is Transition.PUBLISH:
            record.published_at = now
        if move is Transition.ARCHIVE:
            record.archived_at = now
        record.updated_at = now
        repo.index_folder(record)
        repo.save(record)
        event = {"publish": "published", "unpublish": "unpublished", "archive": "archived"}[move]
        self.emit(tenant, principal, f"projects.folder.{event}", folder_id=folder_id)
        return self._folder(repo, principal, record)

    def publish_folder(self, tenant: TenantContext, principal: Principal, folder_id: str) -> Folder:
        return self._transition_folder(tenant, principal, folder_id, Transition.PUBLISH)

    def unpublish_folder(
        self, tenant: TenantContext, principal: Principal, folder_id: str
    ) -> Folder:
        return self._transition_folder(tenant, principal, folder_id, Transition.UNPUBLISH)

    def archive_folder(self, tenant: TenantContext, principal: Principal, folder_id: str) -> Folder:
        return self._transition_folder(tenant, principal, folder_id, Transition.ARCHIVE)

    def delete_folder(self, tenant: TenantContext, principal: Principal, folder_id: str) -> None:
        """Delete an empty draft folder."""
        repo = self.repository(tenant)
        record = self.load_folder(repo, principal, folder_id, Action.FOLDER_MANAGE)
        if record.status != Status.DRAFT:
            raise ConflictError("Only draft folders can be deleted.", code="not_a_draft")
        if repo.group_projects(folder_id):
            raise ConflictError(
                "Move or delete the folder's projects first.", code="folder_not_empty"
            )
        repo.delete(record)
        if record.header_image_key:
            self._files.delete(record.header_image_key)
        repo.release_slug(FOLDER, record.slug, folder_id)
        self.emit(tenant, principal, "projects.folder.deleted", folder_id=folder_id)

    def reorder_folders(self, tenant: TenantContext, principal: Principal, body: Reorder) -> None:
        """Put the folders in the given order."""
        authorize(principal, Action.FOLDER_CREATE, Resource(tenant_id=tenant.tenant_id))
        if body.folder_id is not None:
            raise invalid("folder_id", "not_nestable", "Folders cannot be put inside folders.")
        repo = self.repository(tenant)
        records = reorder(repo.every_folder(), body.ids, lambda r: r.folder_id)
        for record in records:
            repo.index_folder(record)
        repo.write_positions(records)
        self.emit(tenant, principal, "projects.folder.reordered", ids=body.ids)
