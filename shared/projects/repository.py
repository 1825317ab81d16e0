"""Data access of the projects aggregate; one method per access pattern.

Every key is built through the repository's :class:`TenantContext`, so
nothing here can address another tenant's items. Storage failures that mean
something to a user (a taken slug, a concurrent edit) become domain errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from pynamodb.exceptions import PutError, TransactWriteError
from pynamodb.expressions.condition import Condition
from pynamodb.transactions import TransactWrite

from shared.db.pagination import decode_cursor, encode_cursor
from shared.db.repository import TenantRepository
from shared.errors import ConflictError, FieldIssue, ValidationError
from shared.projects.models import (
    AttachmentRecord,
    FolderRecord,
    PhaseRecord,
    ProjectRecord,
    ProjectsItem,
    Publishable,
    SlugClaim,
)
from shared.projects.statuses import Status, Visibility, is_listed

R = TypeVar("R", bound=ProjectsItem)
ROOT = "ROOT"
_REF = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def _is_ref(value: str) -> bool:
    """Ids and slugs are short lower-case tokens; anything else names no item."""
    return bool(_REF.match(value))


_INDEX_KEYS = {"by_group": "gsi1", "by_tenant": "gsi2", "listed": "gsi3"}


class ConcurrentChangeError(ConflictError):
    code = "concurrent_change"
    title = "Someone else changed this at the same time. Reload and try again."


def position_key(position: int, item_id: str) -> str:
    return f"{position:08d}#{item_id}"


def _transaction() -> TransactWrite:
    # Reuse the model's own connection: a new Connection builds a new botocore
    # session and client (~0.3 s), which would be paid on every phase write.
    return TransactWrite(connection=ProjectsItem._get_connection().connection)


class ProjectRepository(TenantRepository):
    """Folders, projects, phases, attachments and slug claims of one tenant."""

    # ---- keys and index attributes ---------------------------------------------------

    def project_pk(self, project_id: str) -> str:
        return self.key("PROJECT", project_id)

    def folder_pk(self, folder_id: str) -> str:
        return self.key("FOLDER", folder_id)

    def group_pk(self, folder_id: str | None) -> str:
        return self.key("PROJECTS", "IN", folder_id or ROOT)

    def index_project(self, record: ProjectRecord) -> None:
        """Set the index keys a project's folder, position, status and visibility imply."""
        sort = position_key(int(record.position), record.project_id)
        record.gsi1pk, record.gsi1sk = self.group_pk(record.folder_id), sort
        record.gsi2pk, record.gsi2sk = self.key("PROJECTS"), sort
        listed = is_listed(Status(record.status))
        partition = {
            Visibility.PUBLIC.value: self.key("PROJECTS", "LISTED"),
            Visibility.GROUPS.value: self.key("PROJECTS", "GROUPS"),
        }.get(record.visibility)
        record.gsi3pk = partition if listed else None
        record.gsi3sk = sort if listed and partition else None

    def index_folder(self, record: FolderRecord) -> None:
        sort = position_key(int(record.position), record.folder_id)
        record.gsi2pk, record.gsi2sk = self.key("FOLDERS"), sort
        listed = is_listed(Status(record.status))
        record.gsi3pk = self.key("FOLDERS", "LISTED") if listed else None
        record.gsi3sk = sort if listed else None

    # ---- single items ----------------------------------------------------------------

    def get_project(self, project_id: str) -> ProjectRecord | None:
        if not _is_ref(project_id):
            return None
        try:
            return self.check(ProjectRecord.get(self.project_pk(project_id), "PROJECT"))
        except ProjectRecord.DoesNotExist:
            return None

    def get_folder(self, folder_id: str) -> FolderRecord | None:
        if not _is_ref(folder_id):
            return None
        try:
            return self.check(FolderRecord.get(self.folder_pk(folder_id), "FOLDER"))
        except FolderRecord.DoesNotExist:
            return None

    def get_phase(self, project_id: str, phase_id: str) -> PhaseRecord | None:
        """One phase by its key (one GetItem; ``project_items`` reads the whole project)."""
        if not (_is_ref(project_id) and _is_ref(phase_id)):
            return None
        try:
            return self.check(PhaseRecord.get(self.project_pk(project_id), f"PHASE#{phase_id}"))
        except PhaseRecord.DoesNotExist:
            return None

    def get_attachment(self, project_id: str, attachment_id: str) -> AttachmentRecord | None:
        if not (_is_ref(project_id) and _is_ref(attachment_id)):
            return None
        try:
            return self.check(
                AttachmentRecord.get(self.project_pk(project_id), f"ATTACHMENT#{attachment_id}")
            )
        except AttachmentRecord.DoesNotExist:
            return None

    def project_items(self, project_id: str) -> list[ProjectsItem]:
        """The project, its phases and its attachments in one Query."""
        return [self.check(i) for i in ProjectsItem.query(self.project_pk(project_id))]

    def save(self, record: ProjectsItem) -> None:
        """Write a project or folder; fails if someone saved it since it was read."""
        self.check(record)
        try:
            record.save()
        except PutError as error:
            if _condition_failed(error):
                raise ConcurrentChangeError() from error
            raise

    def delete(self, record: ProjectsItem) -> None:
        self.check(record)
        record.delete()

    # ---- slugs -----------------------------------------------------------------------

    def slug_pk(self, entity: str, slug: str) -> str:
        return self.key("SLUG", entity.upper(), slug)

    def find_slug(self, entity: str, slug: str) -> str | None:
        """The id the slug points to, if it is taken."""
        if not _is_ref(slug):
            return None
        try:
            return str(SlugClaim.get(self.slug_pk(entity, slug), "SLUG").target_id)
        except SlugClaim.DoesNotExist:
            return None

    def claim_slug(self, entity: str, slug: str, target_id: str) -> bool:
        """Take ``slug`` for ``target_id`` unless it is taken (atomic conditional put)."""
        claim = SlugClaim(self.slug_pk(entity, slug), "SLUG", entity=entity, target_id=target_id)
        try:
            claim.save(condition=SlugClaim.pk.does_not_exist())
        except PutError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def release_slug(self, entity: str, slug: str, target_id: str) -> None:
        """Free ``slug`` if (and only if) it still points to ``target_id``."""
        try:
            claim = SlugClaim.get(self.slug_pk(entity, slug), "SLUG")
        except SlugClaim.DoesNotExist:
            return
        if claim.target_id == target_id:
            claim.delete()

    # ---- listings --------------------------------------------------------------------

    def listed_projects(
        self, cursor: str | None, limit: int
    ) -> tuple[list[ProjectRecord], str | None]:
        """Published or archived public projects of the tenant, by position."""
        return self._page(
            ProjectRecord, "listed", self.key("PROJECTS", "LISTED"), None, cursor, limit
        )

    def group_visible_projects(self) -> list[ProjectRecord]:
        """Every listed project visible to some groups only, by position (a small set)."""
        records, cursor = self._page(
            ProjectRecord, "listed", self.key("PROJECTS", "GROUPS"), None, None, 1000
        )
        while cursor:
            more, cursor = self._page(
                ProjectRecord, "listed", self.key("PROJECTS", "GROUPS"), None, cursor, 1000
            )
            records += more
        return records

    def projects_in_group(
        self,
        folder_id: str | None,
        cursor: str | None,
        limit: int,
        listed_only: bool = False,
        status: Status | None = None,
    ) -> tuple[list[ProjectRecord], str | None]:
        """Projects of one folder (``None``: outside folders), by position."""
        condition = _status_filter(listed_only, status)
        return self._page(
            ProjectRecord, "by_group", self.group_pk(folder_id), condition, cursor, limit
        )

    def all_projects(
        self, status: Status | None, cursor: str | None, limit: int
    ) -> tuple[list[ProjectRecord], str | None]:
        """Every project of the tenant, by position, optionally of one status."""
        condition = _status_filter(False, status)
        return self._page(
            ProjectRecord, "by_tenant", self.key("PROJECTS"), condition, cursor, limit
        )

    def group_projects(self, folder_id: str | None) -> list[ProjectRecord]:
        """All projects of one folder (or outside folders), by position (reorder, counts)."""
        return [
            self.check(r)
            for r in ProjectRecord.by_group.query(self.group_pk(folder_id))
            if isinstance(r, ProjectRecord)
        ]

    def next_project_position(self, folder_id: str | None) -> int:
        last = list(
            ProjectRecord.by_group.query(
                self.group_pk(folder_id), scan_index_forward=False, limit=1
            )
        )
        return _after(last)

    def listed_folders(
        self, cursor: str | None, limit: int
    ) -> tuple[list[FolderRecord], str | None]:
        return self._page(
            FolderRecord, "listed", self.key("FOLDERS", "LISTED"), None, cursor, limit
        )

    def all_folders(self, cursor: str | None, limit: int) -> tuple[list[FolderRecord], str | None]:
        return self._page(FolderRecord, "by_tenant", self.key("FOLDERS"), None, cursor, limit)

    def every_folder(self) -> list[FolderRecord]:
        return [self.check(r) for r in FolderRecord.by_tenant.query(self.key("FOLDERS"))]

    def next_folder_position(self) -> int:
        last = list(
            FolderRecord.by_tenant.query(self.key("FOLDERS"), scan_index_forward=False, limit=1)
        )
        return _after(last)

    def _page(
        self,
        model: type[R],
        index_name: str,
        hash_key: str,
        condition: Condition | None,
        cursor: str | None,
        limit: int,
    ) -> tuple[list[R], str | None]:
        """One page from an index; reads one extra item to know whether another page exists."""
        index = getattr(model, index_name)
        prefix = _INDEX_KEYS[index_name]
        names = ("pk", "sk", f"{prefix}pk", f"{prefix}sk")
        start = decode_cursor(cursor, self.tenant)
        if start is not None and (
            set(start) != set(names) or start[f"{prefix}pk"] != {"S": hash_key}
        ):
            # A cursor of another list (or hand-made) would make DynamoDB fail.
            raise ValidationError(
                issues=[
                    FieldIssue("cursor", "invalid_cursor", "This page link is not valid any more.")
                ]
            )
        rows = list(
            index.query(
                hash_key, filter_condition=condition, limit=limit + 1, last_evaluated_key=start
            )
        )
        items = [self.check(r) for r in rows[:limit]]
        if len(rows) <= limit:
            return items, None
        last = items[-1]
        key: dict[str, Any] = {name: {"S": getattr(last, name)} for name in names}
        return items, encode_cursor(key)

    # ---- multi-item writes -----------------------------------------------------------

    def write_phase(self, project: ProjectRecord, phase: PhaseRecord, delete: bool = False) -> None:
        """Save (or delete) a phase and the project's timeline atomically.

        The project's version condition makes a concurrent phase edit fail
        instead of slipping an overlapping phase past the rule.
        """
        self.check(project)
        self.check(phase)
        try:
            with _transaction() as tx:
                tx.save(project)
                if delete:
                    tx.delete(phase)
                else:
                    tx.save(phase)
        except TransactWriteError as error:
            raise ConcurrentChangeError() from error

    def write_positions(self, records: Sequence[ProjectsItem]) -> None:
        """Save re-positioned projects or folders all together or not at all."""
        for start in range(0, len(records), 100):
            try:
                with _transaction() as tx:
                    for record in records[start : start + 100]:
                        tx.save(self.check(record))
            except TransactWriteError as error:
                raise ConcurrentChangeError() from error

    def delete_all(self, items: Iterable[ProjectsItem]) -> None:
        """Delete items one by one (a draft project's phases and files, then itself)."""
        for item in items:
            self.check(item)
            item.delete()


def _after(last: list[ProjectsItem]) -> int:
    """The position after the last item of a group (0 for an empty group)."""
    return int(last[0].position) + 1 if last and isinstance(last[0], Publishable) else 0


def _status_filter(listed_only: bool, status: Status | None) -> Condition | None:
    if status is not None:
        return ProjectRecord.status == status.value
    if listed_only:
        return ProjectRecord.status.is_in(Status.PUBLISHED.value, Status.ARCHIVED.value) & (
            ProjectRecord.visibility.is_in(Visibility.PUBLIC.value, Visibility.GROUPS.value)
        )
    return None


def _condition_failed(error: Exception) -> bool:
    cause = getattr(error, "cause_response_code", None)
    return cause == "ConditionalCheckFailedException"
