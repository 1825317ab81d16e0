"""The project and phase an idea lives in, as the ideas domain and the policy see them.

Ideas read the projects aggregate (never write it): one Query on the project's
partition gives the project and its phases. ``open`` means the project is
published and today lies within the phase's dates; a phase that no longer
runs the ideation method enables nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from shared.errors import NotFoundError
from shared.participation.methods.ideation import IdeationConfig, IdeationMethod
from shared.participation.permissions import phase_facts
from shared.permissions import PhaseFacts, Resource
from shared.projects.access import project_resource
from shared.projects.models import PhaseRecord, ProjectRecord
from shared.projects.repository import ProjectRepository
from shared.projects.statuses import Status
from shared.projects.timeline import Span
from shared.tenancy.context import TenantContext

_METHOD = IdeationMethod()
IDEATION = _METHOD.id


@dataclass(frozen=True)
class PhaseContext:
    """A project, one of its phases and that phase's ideation settings (if it runs ideation)."""

    tenant_id: str
    project: ProjectRecord
    phase: PhaseRecord
    config: IdeationConfig | None
    today: date

    @property
    def is_open(self) -> bool:
        span = Span(
            self.phase.phase_id,
            date.fromisoformat(self.phase.start_date),
            date.fromisoformat(self.phase.end_date) if self.phase.end_date else None,
        )
        return self.project.status == Status.PUBLISHED.value and span.contains(self.today)

    @property
    def facts(self) -> PhaseFacts:
        """Open or not, the actions switched on and who may take each (the phase's rules)."""
        method = _METHOD if self.config is not None else None
        return phase_facts(method, self.config, self.is_open, self.phase.permissions)

    def resource(self, item_id: str | None = None, owner_id: str | None = None) -> Resource:
        """The policy's view of an idea (or of the phase, without ids) in this phase."""
        return replace(
            project_resource(self.project),
            id=item_id,
            owner_id=owner_id,
            project_id=self.project.project_id,
            phase=self.facts,
        )


def project_by_ref(tenant: TenantContext, project_ref: str) -> ProjectRecord | None:
    """A project by id or slug."""
    repo = ProjectRepository(tenant)
    found = repo.get_project(project_ref)
    if found is None:
        project_id = repo.find_slug("project", project_ref)
        found = repo.get_project(project_id) if project_id else None
    return found


def load_phase(tenant: TenantContext, project_ref: str, phase_id: str, today: date) -> PhaseContext:
    """The project (by id or slug) and phase, or 404 when either does not exist."""
    project = project_by_ref(tenant, project_ref)
    if project is None:
        raise NotFoundError()
    phase = next(
        (
            item
            for item in ProjectRepository(tenant).project_items(project.project_id)
            if isinstance(item, PhaseRecord) and item.phase_id == phase_id
        ),
        None,
    )
    if phase is None:
        raise NotFoundError()
    config = (
        IdeationConfig.model_validate(phase.method_config or {})
        if phase.method == IDEATION
        else None
    )
    return PhaseContext(tenant.tenant_id, project, phase, config, today)
