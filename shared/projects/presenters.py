"""Records to API shapes: signed file links, sorted phases, the current phase."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from shared.participation.actions import ParticipationAction
from shared.participation.methods.registry import MethodRegistry
from shared.participation.permissions import phase_facts, stored_permissions
from shared.permissions import PHASE_ACTIONS, Principal, can
from shared.permissions.schemas import Permission
from shared.projects.access import project_resource
from shared.projects.models import AttachmentRecord, FolderRecord, PhaseRecord, ProjectRecord
from shared.projects.ports import FileStore
from shared.projects.schemas import (
    Attachment,
    Folder,
    FolderSummary,
    Phase,
    Project,
    ProjectSummary,
)
from shared.projects.statuses import Status, Visibility
from shared.projects.timeline import Span, current_span


def spans_of(record: ProjectRecord) -> list[Span]:
    """The project's timeline as spans (stored as ``[{"id", "start", "end", "method"}]``)."""
    return [
        Span(
            phase_id=entry["id"],
            start=date.fromisoformat(entry["start"]),
            end=date.fromisoformat(entry["end"]) if entry.get("end") else None,
        )
        for entry in record.timeline or []
    ]


class Presenter:
    """Shapes records for one request's day (for the current phase)."""

    def __init__(
        self,
        files: FileStore,
        methods: MethodRegistry,
        today: date,
        principal: Principal | None = None,
    ) -> None:
        self._files = files
        self._methods = methods
        self._today = today
        self._principal = principal

    def _image(self, key: str | None) -> str | None:
        return self._files.download_url(key) if key else None

    def project_summary(self, record: ProjectRecord) -> ProjectSummary:
        current = current_span(spans_of(record), self._today)
        method = next(
            (e["method"] for e in record.timeline or [] if current and e["id"] == current.phase_id),
            None,
        )
        return ProjectSummary(
            id=record.project_id,
            slug=record.slug,
            title=record.title,
            folder_id=record.folder_id,
            status=Status(record.status),
            visibility=Visibility(record.visibility),
            visible_group_ids=sorted(record.visible_group_ids or ()),
            position=int(record.position),
            header_image_url=self._image(record.header_image_key),
            current_phase_id=current.phase_id if current else None,
            current_method=method,
            published_at=record.published_at,
            archived_at=record.archived_at,
        )

    def _viewer(
        self, project: ProjectRecord | None, record: PhaseRecord
    ) -> dict[ParticipationAction, Permission]:
        """What the viewer may do in the phase, decided by the policy with the phase's rules."""
        if project is None or self._principal is None or record.method not in self._methods:
            return {}
        method = self._methods.get(record.method)
        config = method.config_model.model_validate(record.method_config or {})
        span = Span(
            record.phase_id,
            date.fromisoformat(record.start_date),
            date.fromisoformat(record.end_date) if record.end_date else None,
        )
        is_open = project.status == Status.PUBLISHED.value and span.contains(self._today)
        resource = replace(
            project_resource(project),
            id=None,
            project_id=project.project_id,
            phase=phase_facts(method, config, is_open, record.permissions),
        )
        return {
            action: Permission.of(can(self._principal, PHASE_ACTIONS[action], resource))
            for action in sorted(method.actions)
            if action in PHASE_ACTIONS
        }

    def phase(self, record: PhaseRecord, project: ProjectRecord | None = None) -> Phase:
        method = self._methods.get(record.method) if record.method in self._methods else None
        actions = sorted(method.actions) if method else []
        return Phase(
            id=record.phase_id,
            project_id=record.project_id,
            title=record.title,
            description=record.description or {},
            start_date=date.fromisoformat(record.start_date),
            end_date=date.fromisoformat(record.end_date) if record.end_date else None,
            method=record.method,
            method_config=record.method_config or {},
            actions=actions,
            permissions=stored_permissions(method, record.permissions) if method else {},
            viewer=self._viewer(project, record),
            created_at=record.created_at,
            updated_at=record.updated_at,
        )

    def attachment(self, record: AttachmentRecord) -> Attachment:
        return Attachment(
            id=record.attachment_id,
            name=record.name,
            size=int(record.size),
            content_type=record.content_type,
            url=self._files.download_url(record.key, record.name),
            created_at=record.created_at,
        )

    def project(
        self,
        record: ProjectRecord,
        phases: list[PhaseRecord],
        attachments: list[AttachmentRecord],
    ) -> Project:
        summary = self.project_summary(record)
        ordered_phases = sorted(phases, key=lambda p: (p.start_date, p.phase_id))
        return Project(
            **summary.model_dump(),
            description=record.description or {},
            created_at=record.created_at,
            updated_at=record.updated_at,
            phases=[self.phase(p, record) for p in ordered_phases],
            attachments=[
                self.attachment(a) for a in sorted(attachments, key=lambda a: a.created_at)
            ],
        )

    def folder_summary(self, record: FolderRecord, project_count: int) -> FolderSummary:
        return FolderSummary(
            id=record.folder_id,
            slug=record.slug,
            title=record.title,
            status=Status(record.status),
            position=int(record.position),
            header_image_url=self._image(record.header_image_key),
            project_count=project_count,
            published_at=record.published_at,
        )

    def folder(self, record: FolderRecord, projects: list[ProjectRecord]) -> Folder:
        summary = self.folder_summary(record, len(projects))
        return Folder(
            **summary.model_dump(),
            description=record.description or {},
            created_at=record.created_at,
            updated_at=record.updated_at,
            archived_at=record.archived_at,
            projects=[self.project_summary(p) for p in projects],
        )
