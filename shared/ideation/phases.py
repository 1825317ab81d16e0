"""The project and phase an idea lives in, as the ideas domain and the policy see them.

Ideas read the projects aggregate (never write it): one Query on the project's
partition gives the project and its phases. ``open`` means the project is
published and today lies within the phase's dates; a phase that no longer
runs a method collecting inputs (ideation, proposals) enables nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Protocol

from shared.errors import NotFoundError
from shared.participation.actions import ParticipationAction
from shared.participation.methods.inputs import InputConfig, input_config, input_method
from shared.participation.methods.proposals import ProposalProgress, ProposalsConfig, progress
from shared.participation.permissions import phase_facts
from shared.permissions import AccessRule, PhaseFacts, Resource
from shared.projects.access import project_resource
from shared.projects.models import PhaseRecord, ProjectRecord
from shared.projects.repository import ProjectRepository
from shared.projects.statuses import Status
from shared.projects.timeline import Span
from shared.tenancy.context import TenantContext


class PlatformRules(Protocol):
    """The rules a platform sets for every phase of a method (e.g. who comments on proposals)."""

    def method_rules(self, tenant: TenantContext, method_id: str) -> Mapping[str, AccessRule]: ...


class NoPlatformRules:
    def method_rules(self, tenant: TenantContext, method_id: str) -> Mapping[str, AccessRule]:
        return {}


class InputItem(Protocol):
    """What the policy needs of one input (``IdeaRecord`` fits)."""

    @property
    def idea_id(self) -> str: ...

    @property
    def author_id(self) -> str: ...

    @property
    def created_at(self) -> datetime: ...

    @property
    def likes(self) -> float | None: ...

    @property
    def reached_at(self) -> datetime | None: ...


@dataclass(frozen=True)
class PhaseContext:
    """A project, one of its phases and that phase's settings (if it collects inputs)."""

    tenant_id: str
    project: ProjectRecord
    phase: PhaseRecord
    config: InputConfig | None
    today: date
    platform_rules: Mapping[str, AccessRule] = field(default_factory=dict)

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
        method = input_method(self.phase.method) if self.config is not None else None
        return phase_facts(
            method, self.config, self.is_open, self.phase.permissions, self.platform_rules
        )

    def resource(self, item_id: str | None = None, owner_id: str | None = None) -> Resource:
        """The policy's view of the phase (without ids) or of an item with an id and owner."""
        return replace(
            project_resource(self.project),
            id=item_id,
            owner_id=owner_id,
            project_id=self.project.project_id,
            phase=self.facts,
        )

    def proposal(self, item: InputItem) -> ProposalProgress | None:
        """Where a proposal stands, in a proposals phase (None in other phases)."""
        if not isinstance(self.config, ProposalsConfig):
            return None
        signatures = int(item.likes or 0)
        reached = item.reached_at is not None
        return progress(self.config, item.created_at, signatures, self.today, reached)

    def input_resource(self, item: InputItem) -> Resource:
        """The policy's view of one input: a proposal past its deadline takes no signatures
        (whether it reached its goal or not)."""
        found = self.proposal(item)
        closed = found is not None and self.today > found.deadline
        return replace(
            self.resource(item.idea_id, item.author_id),
            ended=frozenset({ParticipationAction.REACT.value}) if closed else frozenset(),
        )


def project_by_ref(tenant: TenantContext, project_ref: str) -> ProjectRecord | None:
    """A project by id or slug."""
    repo = ProjectRepository(tenant)
    found = repo.get_project(project_ref)
    if found is None:
        project_id = repo.find_slug("project", project_ref)
        found = repo.get_project(project_id) if project_id else None
    return found


def load_phase(
    tenant: TenantContext,
    project_ref: str,
    phase_id: str,
    today: date,
    platform: PlatformRules | None = None,
) -> PhaseContext:
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
    config = input_config(phase.method, phase.method_config)
    rules = (
        (platform or NoPlatformRules()).method_rules(tenant, phase.method)
        if config is not None
        else {}
    )
    return PhaseContext(tenant.tenant_id, project, phase, config, today, rules)
