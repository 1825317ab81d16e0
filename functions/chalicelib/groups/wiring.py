"""The groups services of this process, and how the groups domain reads inputs."""

from __future__ import annotations

from chalicelib import runtime
from shared.groups import GroupService, InputFacts, MembershipSync, ParticipationLog
from shared.ideation.repository import IdeaRepository
from shared.tenancy.context import TenantContext


class IdeaDescriber:
    """Ideas as participation facts: their project, topics, status and author."""

    def describe(self, tenant: TenantContext, input_id: str) -> InputFacts | None:
        record = IdeaRepository(tenant).get(input_id)
        if record is None:
            return None
        return InputFacts(
            project_id=record.project_id,
            topic_ids=frozenset(record.topic_ids or ()),
            status_id=record.status_id,
            author_id=record.author_id,
        )


@runtime.cached
def groups() -> GroupService:
    return GroupService(runtime.publisher())


@runtime.cached
def sync() -> MembershipSync:
    return MembershipSync()


@runtime.cached
def participation() -> ParticipationLog:
    return ParticipationLog(IdeaDescriber())
