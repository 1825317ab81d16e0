"""Proposals that reach their signatures: marked once, announced once.

The ideation worker calls :meth:`ProposalGoals.check` after a recount changed
an input's signatures. A proposal in a proposals phase that has as many
signatures as its phase asks for, before its deadline, gets ``reached_at``
(a conditional write, so concurrent and repeated checks mark it once) and
``ideation.proposal.reached`` goes on the bus: the notifier tells its author,
its followers and the project's team, who now owe the step the phase
commits to.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from shared.events import DomainEvent, EventPublisher
from shared.ideation.repository import IdeaRepository
from shared.participation.methods.inputs import input_config
from shared.participation.methods.proposals import ProposalsConfig, deadline
from shared.projects.repository import ProjectRepository
from shared.tenancy.context import TenantContext

PROPOSAL_REACHED = "ideation.proposal.reached"


class ProposalGoals:
    def __init__(
        self,
        publisher: EventPublisher,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._publisher = publisher
        self._clock = clock

    def check(self, tenant: TenantContext, idea_id: str) -> bool:
        """Mark and announce the proposal if it just reached its goal; True if it did."""
        repository = IdeaRepository(tenant)
        record = repository.get(idea_id, consistent=True)
        if record is None or record.reached_at is not None or not record.likes:
            return False
        # Called on every reaction: one GetItem of the phase, not the whole project.
        phase = ProjectRepository(tenant).get_phase(record.project_id, record.phase_id)
        config = input_config(phase.method, phase.method_config) if phase else None
        if not isinstance(config, ProposalsConfig):
            return False
        now = self._clock()
        signatures = int(record.likes or 0)
        on_time = now.date() <= deadline(config, record.created_at)
        if signatures < config.signature_threshold or not on_time:
            return False
        if not repository.mark_reached(idea_id, now):
            return False
        event = DomainEvent(
            type=PROPOSAL_REACHED,
            tenant_id=tenant.tenant_id,
            data={
                "idea_id": record.idea_id,
                "project_id": record.project_id,
                "phase_id": record.phase_id,
                "author_id": record.author_id,
                "signatures": signatures,
                "threshold": config.signature_threshold,
            },
        )
        try:
            self._publisher.publish(event)
        except Exception:
            repository.unmark_reached(idea_id)  # the redelivered reaction event tries again
            raise
        return True
