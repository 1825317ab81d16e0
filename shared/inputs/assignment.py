"""Assigning inputs to collaborators (the admins and managers of an input's project).

Each idea is decided on its own (``INPUT_MANAGE``), and the assignee must be
able to manage that idea's project too, else ``not_a_collaborator``. The
write restates the assignee it read (conditional update), so concurrent
assignments each report the right previous assignee in their
``ideation.idea.assigned`` event.
"""

from __future__ import annotations

from shared.errors import NotFoundError
from shared.events import DomainEvent, EventPublisher
from shared.ideation.models import IdeaRecord
from shared.ideation.phases import project_by_ref
from shared.ideation.repository import IdeaRepository
from shared.inputs.ports import TeamDirectory
from shared.inputs.schemas import AssignRequest, BulkResult, BulkResults, CollaboratorList
from shared.inputs.scope import project_resource
from shared.permissions import Action, Principal, Resource, authorize, can
from shared.projects.models import ProjectRecord
from shared.projects.repository import ProjectRepository
from shared.tenancy.context import TenantContext

ASSIGNED = "ideation.idea.assigned"
ATTEMPTS = 3
NOT_A_COLLABORATOR = "not_a_collaborator"


def idea_resource(tenant: TenantContext, project: ProjectRecord, record: IdeaRecord) -> Resource:
    """The policy's view of an idea for the team's actions on it."""
    return Resource(
        tenant.tenant_id,
        id=record.idea_id,
        owner_id=record.author_id,
        folder_id=project.folder_id,
        project_id=project.project_id,
    )


class ProjectCache:
    """Projects by id, read once per request."""

    def __init__(self, tenant: TenantContext) -> None:
        self._repository = ProjectRepository(tenant)
        self._found: dict[str, ProjectRecord | None] = {}

    def get(self, project_id: str) -> ProjectRecord | None:
        if project_id not in self._found:
            self._found[project_id] = self._repository.get_project(project_id)
        return self._found[project_id]


def refusal(principal: Principal, action: Action, resource: Resource) -> str | None:
    """None if allowed; else the reason code (``not_found`` if the viewer sees nothing)."""
    decision = can(principal, action, resource)
    if decision.allowed:
        return None
    if not can(principal, Action.INPUT_FEEDBACK, resource):
        return "not_found"
    return decision.reason.value


class AssignmentService:
    """Who can be assigned, and assigning inputs in bulk."""

    def __init__(self, team: TeamDirectory, publisher: EventPublisher) -> None:
        self._team = team
        self._publisher = publisher

    def collaborators(
        self, tenant: TenantContext, principal: Principal, project_ref: str
    ) -> CollaboratorList:
        """The admins and managers of a project (assign picker, note mentions)."""
        authorize(principal, Action.TEAM_VIEW)
        project = project_by_ref(tenant, project_ref)
        if project is None:
            raise NotFoundError()
        resource = project_resource(tenant, project)
        authorize(principal, Action.INPUT_FEEDBACK, resource)
        ids = [
            user_id
            for user_id, recipient in self._team.team(tenant).items()
            if can(recipient.principal(tenant.tenant_id), Action.INPUT_MANAGE, resource)
        ]
        profiles = self._team.profiles(tenant, ids)
        people = sorted(profiles.values(), key=lambda p: (p.display_name.lower(), p.id))
        return CollaboratorList(items=people)

    def assign(
        self, tenant: TenantContext, principal: Principal, body: AssignRequest
    ) -> BulkResults:
        """Assign (or unassign, ``assignee_id: null``) each idea; one result per idea."""
        authorize(principal, Action.TEAM_VIEW)
        assignee = None
        if body.assignee_id is not None:
            found = self._team.recipients(tenant, [body.assignee_id]).get(body.assignee_id)
            assignee = found.principal(tenant.tenant_id) if found else None
        repository = IdeaRepository(tenant)
        records = repository.batch_get(body.idea_ids)
        projects = ProjectCache(tenant)
        results = []
        for idea_id in dict.fromkeys(body.idea_ids):
            record = records.get(idea_id)
            project = projects.get(record.project_id) if record else None
            if record is None or project is None:
                results.append(BulkResult(idea_id=idea_id, ok=False, code="not_found"))
                continue
            resource = idea_resource(tenant, project, record)
            code = refusal(principal, Action.INPUT_MANAGE, resource)
            if code is None and body.assignee_id is not None:
                code = self._assignable(assignee, resource)
            if code is None:
                code = self._write(tenant, principal, repository, record, body.assignee_id)
            results.append(BulkResult(idea_id=idea_id, ok=code is None, code=code))
        return BulkResults(results=results)

    @staticmethod
    def _assignable(assignee: Principal | None, resource: Resource) -> str | None:
        """None if the assignee manages the idea's project, else ``not_a_collaborator``."""
        if assignee is not None and can(assignee, Action.INPUT_MANAGE, resource):
            return None
        return NOT_A_COLLABORATOR

    def _write(
        self,
        tenant: TenantContext,
        principal: Principal,
        repository: IdeaRepository,
        record: IdeaRecord,
        assignee_id: str | None,
    ) -> str | None:
        current: IdeaRecord | None = record
        for _ in range(ATTEMPTS):
            if current is None:
                return "not_found"
            previous = current.assignee_id
            if previous == assignee_id:
                return None
            if repository.assign(current.idea_id, assignee_id, previous):
                self._publisher.publish(
                    DomainEvent(
                        type=ASSIGNED,
                        tenant_id=tenant.tenant_id,
                        actor_id=principal.user_id,
                        data={
                            "idea_id": current.idea_id,
                            "project_id": current.project_id,
                            "assignee_id": assignee_id,
                            "previous_assignee_id": previous,
                        },
                    )
                )
                return None
            current = repository.get(current.idea_id, consistent=True)
        return "conflict"
