"""Phase operations: the timeline of a project, one participation method per phase."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from shared.errors import FieldIssue, NotFoundError, ValidationError
from shared.html import sanitize_localized
from shared.i18n import pick
from shared.participation.actions import ParticipationAction
from shared.participation.permissions import (
    ActionPermission,
    stored_permissions,
    validate_permissions,
)
from shared.permissions import Action, Principal
from shared.projects.models import PhaseRecord, ProjectRecord
from shared.projects.operations.base import ServiceBase
from shared.projects.presenters import spans_of
from shared.projects.repository import ProjectRepository
from shared.projects.schemas import Phase, PhaseCreate, PhaseUpdate
from shared.projects.timeline import Span, first_overlap, ordered
from shared.tenancy.context import TenantContext


class PhaseOverlapError(ValidationError):
    code = "phase_overlap"
    title = "Phases of a project cannot overlap."


def _timeline(spans: list[Span], methods: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "id": s.phase_id,
            "start": s.start.isoformat(),
            "end": s.end.isoformat() if s.end else None,
            "method": methods[s.phase_id],
        }
        for s in ordered(spans)
    ]


class PhaseOperations(ServiceBase):
    """Adding, changing and removing the phases of a project."""

    def _phases(self, repo: ProjectRepository, project_id: str) -> dict[str, PhaseRecord]:
        return {i.phase_id: i for i in repo.project_items(project_id) if isinstance(i, PhaseRecord)}

    def _check_overlap(
        self,
        repo: ProjectRepository,
        project: ProjectRecord,
        phases: dict[str, PhaseRecord],
        candidate: Span,
    ) -> None:
        clash = first_overlap(spans_of(project), candidate)
        if clash is None:
            return
        other = phases.get(clash.phase_id)
        name = pick(other.title, self._default_locale(repo.tenant)) if other else clash.phase_id
        until = clash.end.isoformat() if clash.end else "open-ended"
        raise PhaseOverlapError(
            f"These dates overlap the phase “{name}” ({clash.start.isoformat()} to {until}).",
            issues=[
                FieldIssue(
                    "start_date",
                    "phase_overlap",
                    f"Choose dates that do not overlap the phase “{name}”.",
                )
            ],
            extra={"overlapping_phase_id": clash.phase_id, "values": {"phase": name}},
        )

    def _store(
        self,
        repo: ProjectRepository,
        project: ProjectRecord,
        phases: dict[str, PhaseRecord],
        phase: PhaseRecord,
    ) -> None:
        """Check the rule against the timeline, then write phase and timeline together."""
        span = Span(
            phase.phase_id,
            date.fromisoformat(phase.start_date),
            date.fromisoformat(phase.end_date) if phase.end_date else None,
        )
        self._check_overlap(repo, project, phases, span)
        others = [s for s in spans_of(project) if s.phase_id != phase.phase_id]
        methods = {e["id"]: e["method"] for e in project.timeline or []}
        methods[phase.phase_id] = phase.method
        project.timeline = _timeline([*others, span], methods)
        project.updated_at = self.now()
        repo.write_phase(project, phase)

    def add_phase(
        self, tenant: TenantContext, principal: Principal, project_id: str, body: PhaseCreate
    ) -> Phase:
        """Add a phase to the timeline; its dates must not overlap another phase."""
        repo = self.repository(tenant)
        project = self.load_project(repo, principal, project_id, Action.PROJECT_MANAGE)
        config = self._methods.validate_config(body.method, body.method_config)
        permissions = self._permissions(tenant, body.method, body.permissions)
        now = self.now()
        phase = PhaseRecord(
            repo.project_pk(project_id),
            "",
            phase_id=uuid.uuid4().hex,
            project_id=project_id,
            title=body.title,
            description=sanitize_localized(body.description),
            start_date=body.start_date.isoformat(),
            end_date=body.end_date.isoformat() if body.end_date else None,
            method=body.method,
            method_config=config.model_dump(mode="json", exclude_none=True),
            permissions=permissions,
            created_at=now,
            updated_at=now,
        )
        phase.sk = f"PHASE#{phase.phase_id}"
        self._store(repo, project, self._phases(repo, project_id), phase)
        self.emit(
            tenant,
            principal,
            "projects.phase.created",
            project_id=project_id,
            phase_id=phase.phase_id,
            method=phase.method,
        )
        return self.presenter(principal).phase(phase, project)

    def _permissions(
        self,
        tenant: TenantContext,
        method_id: str,
        permissions: Mapping[ParticipationAction, ActionPermission],
    ) -> dict[str, dict[str, Any]]:
        method = self._methods.get(method_id)
        return validate_permissions(tenant, method, permissions, self._groups, self._fields)

    def update_phase(
        self,
        tenant: TenantContext,
        principal: Principal,
        project_id: str,
        phase_id: str,
        body: PhaseUpdate,
    ) -> Phase:
        """Change a phase's texts, dates or method (its settings are checked again)."""
        repo = self.repository(tenant)
        project = self.load_project(repo, principal, project_id, Action.PROJECT_MANAGE)
        phases = self._phases(repo, project_id)
        phase = phases.get(phase_id)
        if phase is None:
            raise NotFoundError()
        start = body.start_date or date.fromisoformat(phase.start_date)
        end = None if body.open_ended else body.end_date or _date(phase.end_date)
        if end is not None and end < start:
            raise ValidationError(
                issues=[
                    FieldIssue(
                        "end_date",
                        "end_before_start",
                        "The end date must be on or after the start.",
                    )
                ]
            )
        if body.method is not None or body.method_config is not None:
            method = body.method or phase.method
            raw = body.method_config if body.method_config is not None else phase.method_config
            config = self._methods.validate_config(method, raw)
            phase.method = method
            phase.method_config = config.model_dump(mode="json", exclude_none=True)
        if body.permissions is not None:
            phase.permissions = self._permissions(tenant, phase.method, body.permissions)
        elif body.method is not None and phase.permissions:
            # Rules of another method's actions do not carry over; keep those that still fit.
            kept = stored_permissions(self._methods.get(phase.method), phase.permissions)
            phase.permissions = self._permissions(
                tenant,
                phase.method,
                {a: p for a, p in kept.items() if a.value in phase.permissions},
            )
        if body.title is not None:
            phase.title = body.title
        if body.description is not None:
            phase.description = sanitize_localized(body.description)
        phase.start_date, phase.end_date = start.isoformat(), end.isoformat() if end else None
        phase.updated_at = self.now()
        self._store(repo, project, phases, phase)
        self.emit(
            tenant, principal, "projects.phase.updated", project_id=project_id, phase_id=phase_id
        )
        return self.presenter(principal).phase(phase, project)

    def delete_phase(
        self, tenant: TenantContext, principal: Principal, project_id: str, phase_id: str
    ) -> None:
        """Remove a phase from the timeline."""
        repo = self.repository(tenant)
        project = self.load_project(repo, principal, project_id, Action.PROJECT_MANAGE)
        phase = self._phases(repo, project_id).get(phase_id)
        if phase is None:
            raise NotFoundError()
        project.timeline = [e for e in project.timeline or [] if e["id"] != phase_id]
        project.updated_at = self.now()
        repo.write_phase(project, phase, delete=True)
        self.emit(
            tenant, principal, "projects.phase.deleted", project_id=project_id, phase_id=phase_id
        )


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
