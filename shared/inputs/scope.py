"""Which projects and input phases (ideation, proposals) a team member reaches.

The manager lists an idea when the viewer has ``INPUT_FEEDBACK`` on its
project (moderators, managers, admins). The projects of a platform are few
(hundreds at most), so the reach is read once per request from the projects'
timelines; phase titles are read only for the projects a page shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from shared.db.pagination import MAX_PAGE_SIZE
from shared.participation.methods.inputs import INPUT_METHODS
from shared.permissions import Action, Principal, Resource, can
from shared.projects.models import PhaseRecord, ProjectRecord
from shared.projects.repository import ProjectRepository
from shared.tenancy.context import TenantContext

BATCH = 100


def project_resource(tenant: TenantContext, project: ProjectRecord) -> Resource:
    """The policy's view of a project for the team's actions on its inputs."""
    return Resource(
        tenant.tenant_id,
        id=project.project_id,
        folder_id=project.folder_id,
        project_id=project.project_id,
    )


def input_phase_ids(project: ProjectRecord) -> list[str]:
    return [str(e["id"]) for e in project.timeline or [] if e.get("method") in INPUT_METHODS]


@dataclass
class Reach:
    """The projects (by id) whose inputs the viewer handles, and their phases' titles."""

    tenant: TenantContext
    projects: dict[str, ProjectRecord]
    every_project: bool
    _phases: dict[tuple[str, str], PhaseRecord] = field(default_factory=dict)

    def phase_ids(self, project_ids: Iterable[str] | None = None) -> list[str]:
        """The input phases of the given reachable projects (default: all of them)."""
        chosen = self.projects if project_ids is None else project_ids
        return [
            phase_id
            for project_id in chosen
            if project_id in self.projects
            for phase_id in input_phase_ids(self.projects[project_id])
        ]

    def project_of_phase(self, phase_id: str) -> ProjectRecord | None:
        return next((p for p in self.projects.values() if phase_id in input_phase_ids(p)), None)

    def load_phases(self, places: Iterable[tuple[str, str]]) -> None:
        """Read the (project, phase) records a page shows that are not read yet, in batches."""
        repository = ProjectRepository(self.tenant)
        wanted = sorted(
            {(p, f) for p, f in places if p in self.projects and (p, f) not in self._phases}
        )
        for start in range(0, len(wanted), BATCH):
            keys = [
                (repository.project_pk(p), f"PHASE#{f}") for p, f in wanted[start : start + BATCH]
            ]
            for item in PhaseRecord.batch_get(keys):
                if isinstance(item, PhaseRecord):
                    repository.check(item)
                    self._phases[(item.project_id, item.phase_id)] = item

    def phase(self, project_id: str, phase_id: str) -> PhaseRecord | None:
        """A phase record of a reachable project (its title), once loaded."""
        if (project_id, phase_id) not in self._phases:
            self.load_phases([(project_id, phase_id)])
        return self._phases.get((project_id, phase_id))


def reach(tenant: TenantContext, principal: Principal, action: Action) -> Reach:
    """Every project of the tenant on which ``principal`` may take ``action``."""
    repository = ProjectRepository(tenant)
    projects: dict[str, ProjectRecord] = {}
    total = 0
    cursor: str | None = None
    while True:
        page, cursor = repository.all_projects(None, cursor, MAX_PAGE_SIZE)
        for project in page:
            total += 1
            if can(principal, action, project_resource(tenant, project)):
                projects[project.project_id] = project
        if cursor is None:
            break
    return Reach(tenant, projects, every_project=len(projects) == total)
