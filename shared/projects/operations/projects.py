"""Project operations: create, edit, change status, reorder, delete, list and read."""

from __future__ import annotations

import uuid

from shared.db.pagination import Page, decode_cursor
from shared.errors import ConflictError, NotFoundError
from shared.html import sanitize_localized
from shared.permissions import Action, Principal, Resource, Role, authorize, can
from shared.projects.models import AttachmentRecord, PhaseRecord, ProjectRecord
from shared.projects.operations.base import (
    ServiceBase,
    invalid,
    project_resource,
    scope_resource,
)
from shared.projects.ordering import reorder
from shared.projects.repository import ProjectRepository
from shared.projects.schemas import (
    NO_FOLDER,
    AdminProjectListQuery,
    Project,
    ProjectCreate,
    ProjectListQuery,
    ProjectSummary,
    ProjectUpdate,
    Reorder,
)
from shared.projects.statuses import Status, Transition, Visibility, next_status
from shared.tenancy.context import TenantContext

PROJECT = "project"
_EVENTS = {
    Transition.PUBLISH: "published",
    Transition.UNPUBLISH: "unpublished",
    Transition.ARCHIVE: "archived",
}


class ProjectOperations(ServiceBase):
    """Everything admins and managers do with projects; what residents read."""

    def project_page(
        self, repo: ProjectRepository, record: ProjectRecord, principal: Principal
    ) -> Project:
        """The full project for ``principal``: phases (with what they may do in each) and
        attachments, from one Query on its partition."""
        items = repo.project_items(record.project_id)
        phases = [i for i in items if isinstance(i, PhaseRecord)]
        attachments = [i for i in items if isinstance(i, AttachmentRecord)]
        return self.presenter(principal).project(record, phases, attachments)

    def _page(self, records: list[ProjectRecord], cursor: str | None) -> Page[ProjectSummary]:
        presenter = self.presenter()
        items = [presenter.project_summary(r) for r in records]
        return Page[ProjectSummary](items=items, next_cursor=cursor)

    def _check_folder(self, repo: ProjectRepository, folder_id: str) -> None:
        if repo.get_folder(folder_id) is None:
            raise invalid("folder_id", "unknown_folder", "This folder does not exist.")

    # ---- reading ---------------------------------------------------------------------

    def list_projects(
        self, tenant: TenantContext, principal: Principal, query: ProjectListQuery
    ) -> Page[ProjectSummary]:
        """Published and archived public projects by position, optionally of one folder."""
        repo = self.repository(tenant)
        if query.folder_id is None:
            records, cursor = repo.listed_projects(query.cursor, query.limit)
            if principal.is_authenticated:
                records = self._with_group_projects(repo, principal, records, query.cursor, cursor)
            return self._page(records, cursor)
        folder_id = None if query.folder_id == NO_FOLDER else query.folder_id
        if folder_id is not None:
            self.load_folder(repo, principal, folder_id, Action.FOLDER_VIEW)
        records, cursor = repo.projects_in_group(
            folder_id, query.cursor, query.limit, listed_only=True
        )
        return self._page([r for r in records if self.can_view_project(principal, r)], cursor)

    def _visible_groups(
        self, tenant: TenantContext, visibility: Visibility, group_ids: list[str]
    ) -> set[str] | None:
        """The groups a ``groups``-visible project shows to: at least one, each existing."""
        if visibility is not Visibility.GROUPS:
            return None
        if not group_ids:
            raise invalid(
                "visible_group_ids", "groups_required", "Choose the groups that may see it."
            )
        known = self._groups.existing_groups(tenant, group_ids)
        unknown = [g for g in group_ids if g not in known]
        if unknown:
            raise invalid(
                "visible_group_ids", "unknown_group", f"There is no group {unknown[0]!r}."
            )
        return set(group_ids)

    def _with_group_projects(
        self,
        repo: ProjectRepository,
        principal: Principal,
        page: list[ProjectRecord],
        cursor: str | None,
        next_cursor: str | None,
    ) -> list[ProjectRecord]:
        """Merge the group-visible projects this viewer may see into a page of public ones.

        Each goes on the page whose position range holds it: after the previous
        page's last project and up to this page's last (or anywhere after, on the
        last page), so every project appears once, in position order.
        """
        start = decode_cursor(cursor, repo.tenant) if cursor else None
        lower = start["gsi3sk"]["S"] if start else ""
        upper = page[-1].gsi3sk if next_cursor and page else None
        extra = [
            record
            for record in repo.group_visible_projects()
            if (record.gsi3sk or "") > lower
            and (upper is None or (record.gsi3sk or "") <= upper)
            and self.can_view_project(principal, record)
        ]
        return sorted([*page, *extra], key=lambda r: r.gsi3sk or "") if extra else page

    def admin_list_projects(
        self, tenant: TenantContext, principal: Principal, query: AdminProjectListQuery
    ) -> Page[ProjectSummary]:
        """Projects in every status; managers see only the projects they manage."""
        repo = self.repository(tenant)
        folder_id = None if query.folder_id in (None, NO_FOLDER) else query.folder_id
        scope = scope_resource(tenant, folder_id)
        everything = can(principal, Action.PROJECT_LIST_ALL, scope)
        is_manager = principal.has_role(Role.PROJECT_MANAGER) or principal.has_role(
            Role.FOLDER_MANAGER
        )
        if not everything and not is_manager:
            authorize(principal, Action.PROJECT_LIST_ALL, scope)
        if query.folder_id is None:
            records, cursor = repo.all_projects(query.status, query.cursor, query.limit)
        else:
            records, cursor = repo.projects_in_group(
                folder_id, query.cursor, query.limit, status=query.status
            )
        if not everything:
            records = [
                r for r in records if can(principal, Action.PROJECT_MANAGE, project_resource(r))
            ]
        return self._page(records, cursor)

    def get_project(self, tenant: TenantContext, principal: Principal, project_ref: str) -> Project:
        """A project by id or slug with its timeline and files; drafts are 404 to residents."""
        repo = self.repository(tenant)
        record = repo.get_project(project_ref)
        if record is None:
            project_id = repo.find_slug(PROJECT, project_ref)
            if project_id is None:
                raise NotFoundError()
            record = self.load_project(repo, principal, project_id, Action.PROJECT_VIEW)
        else:
            authorize(principal, Action.PROJECT_VIEW, project_resource(record))
        return self.project_page(repo, record, principal)

    # ---- writing ---------------------------------------------------------------------

    def create_project(
        self, tenant: TenantContext, principal: Principal, body: ProjectCreate
    ) -> Project:
        """Create a draft project at the end of its folder (or of the top level)."""
        authorize(
            principal,
            Action.PROJECT_CREATE,
            Resource(tenant_id=tenant.tenant_id, folder_id=body.folder_id),
        )
        repo = self.repository(tenant)
        if body.folder_id:
            self._check_folder(repo, body.folder_id)
        image = (
            self.confirm_image(tenant, principal, body.header_image_upload_key)
            if body.header_image_upload_key
            else None
        )
        project_id = uuid.uuid4().hex
        slug = self.claim_slug(repo, PROJECT, project_id, body.slug, body.title)
        now = self.now()
        record = ProjectRecord(
            repo.project_pk(project_id),
            "PROJECT",
            project_id=project_id,
            slug=slug,
            title=body.title,
            description=sanitize_localized(body.description),
            folder_id=body.folder_id,
            status=Status.DRAFT.value,
            visibility=body.visibility.value,
            visible_group_ids=self._visible_groups(tenant, body.visibility, body.visible_group_ids),
            position=repo.next_project_position(body.folder_id),
            header_image_key=image,
            timeline=[],
            created_at=now,
            updated_at=now,
        )
        repo.index_project(record)
        try:
            repo.save(record)
        except Exception:
            repo.release_slug(PROJECT, slug, project_id)
            raise
        self.emit(
            tenant,
            principal,
            "projects.project.created",
            project_id=project_id,
            slug=slug,
            folder_id=body.folder_id,
        )
        return self.project_page(repo, record, principal)

    def _move(
        self,
        repo: ProjectRepository,
        principal: Principal,
        record: ProjectRecord,
        body: ProjectUpdate,
    ) -> None:
        target = None if body.move_out_of_folder else (body.folder_id or record.folder_id)
        if target == record.folder_id:
            return
        if target is not None:
            self._check_folder(repo, target)
        # Placing a project is the business of whoever manages where it lands: an admin, or
        # the manager of the folder it moves into. Managing the project itself is not enough.
        authorize(principal, Action.PROJECT_MANAGE, scope_resource(repo.tenant, target))
        record.folder_id = target
        record.position = repo.next_project_position(target)

    def update_project(
        self, tenant: TenantContext, principal: Principal, project_id: str, body: ProjectUpdate
    ) -> Project:
        """Change a project's texts, slug, folder, visibility or header image."""
        repo = self.repository(tenant)
        record = self.load_project(repo, principal, project_id, Action.PROJECT_MANAGE)
        self._move(repo, principal, record, body)
        replaced = self.change_header_image(
            tenant, principal, record, body.header_image_upload_key, body.remove_header_image
        )
        if body.title is not None:
            record.title = body.title
        if body.description is not None:
            record.description = sanitize_localized(body.description)
        if body.visibility is not None or body.visible_group_ids is not None:
            visibility = body.visibility or Visibility(record.visibility)
            wanted = body.visible_group_ids
            if wanted is None:
                wanted = sorted(record.visible_group_ids or ())
            record.visibility = visibility.value
            record.visible_group_ids = self._visible_groups(tenant, visibility, wanted)
        old_slug = record.slug
        if body.slug and body.slug != old_slug:
            record.slug = self.claim_slug(repo, PROJECT, project_id, body.slug, record.title)
        record.updated_at = self.now()
        repo.index_project(record)
        try:
            repo.save(record)
        except Exception:
            if record.slug != old_slug:
                repo.release_slug(PROJECT, record.slug, project_id)
            raise
        if record.slug != old_slug:
            repo.release_slug(PROJECT, old_slug, project_id)
        if replaced:
            self._files.delete(replaced)
        self.emit(tenant, principal, "projects.project.updated", project_id=project_id)
        return self.project_page(repo, record, principal)

    def _transition(
        self, tenant: TenantContext, principal: Principal, project_id: str, move: Transition
    ) -> Project:
        repo = self.repository(tenant)
        record = self.load_project(repo, principal, project_id, Action.PROJECT_MANAGE)
        record.status = next_status(Status(record.status), move).value
        now = self.now()
        if move is Transition.PUBLISH:
            record.published_at = now
        if move is Transition.ARCHIVE:
            record.archived_at = now
        record.updated_at = now
        repo.index_project(record)
        repo.save(record)
        self.emit(
            tenant,
            principal,
            f"projects.project.{_EVENTS[move]}",
            project_id=project_id,
            folder_id=record.folder_id,
        )
        return self.project_page(repo, record, principal)

    def publish_project(
        self, tenant: TenantContext, principal: Principal, project_id: str
    ) -> Project:
        return self._transition(tenant, principal, project_id, Transition.PUBLISH)

    def unpublish_project(
        self, tenant: TenantContext, principal: Principal, project_id: str
    ) -> Project:
        return self._transition(tenant, principal, project_id, Transition.UNPUBLISH)

    def archive_project(
        self, tenant: TenantContext, principal: Principal, project_id: str
    ) -> Project:
        return self._transition(tenant, principal, project_id, Transition.ARCHIVE)

    def delete_project(self, tenant: TenantContext, principal: Principal, project_id: str) -> None:
        """Delete a draft project with its phases and files."""
        repo = self.repository(tenant)
        record = self.load_project(repo, principal, project_id, Action.PROJECT_MANAGE)
        if record.status != Status.DRAFT:
            raise ConflictError(
                "Only draft projects can be deleted; archive it instead.", code="not_a_draft"
            )
        items = repo.project_items(project_id)
        # The project item goes last so a failure midway leaves a deletable draft behind.
        children = [i for i in items if not isinstance(i, ProjectRecord)]
        repo.delete_all(children)
        for item in children:
            if isinstance(item, AttachmentRecord):
                self._files.delete(item.key)
        repo.delete(record)
        if record.header_image_key:
            self._files.delete(record.header_image_key)
        repo.release_slug(PROJECT, record.slug, project_id)
        self.emit(tenant, principal, "projects.project.deleted", project_id=project_id)

    def reorder_projects(self, tenant: TenantContext, principal: Principal, body: Reorder) -> None:
        """Put the projects of one folder (or outside folders) in the given order."""
        authorize(principal, Action.PROJECT_MANAGE, scope_resource(tenant, body.folder_id))
        repo = self.repository(tenant)
        records = reorder(repo.group_projects(body.folder_id), body.ids, lambda r: r.project_id)
        for record in records:
            repo.index_project(record)
        repo.write_positions(records)
        self.emit(
            tenant, principal, "projects.project.reordered", folder_id=body.folder_id, ids=body.ids
        )
