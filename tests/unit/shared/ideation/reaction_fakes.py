"""Test doubles and builders for reactions: an idea loader with settable phase facts,
real idea records, and a worker stand-in that delivers recorded events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from shared.errors import NotFoundError
from shared.events import RecordingPublisher
from shared.ideation.counters import IdeaCounters
from shared.ideation.models import IdeaRecord
from shared.ideation.reactions import ReactionService
from shared.ideation.repository import IdeaRepository
from shared.participation.methods.ideation import IdeationConfig
from shared.permissions import PhaseFacts, Principal, Resource
from shared.tenancy import TenantContext

ALPHA = TenantContext("alpha", "alpha.test")
BETA = TenantContext("beta", "beta.test")


@dataclass
class FakeIdea:
    idea_id: str
    phase_id: str
    likes: int = 0
    dislikes: int = 0
    comments: int = 0


@dataclass(frozen=True)
class Target:
    record: Any
    config: IdeationConfig
    resource: Resource


@dataclass
class FakeIdeas:
    """Ideas of one phase under one ``IdeationConfig``; ``open`` is the phase's dates."""

    phase_id: str = "ph1"
    config: IdeationConfig = field(default_factory=IdeationConfig)
    open: bool = True
    ideas: dict[str, FakeIdea] = field(default_factory=dict)

    def add(self, *idea_ids: str) -> FakeIdeas:
        for idea_id in idea_ids:
            self.ideas[idea_id] = FakeIdea(idea_id, self.phase_id)
        return self

    def load_for_reaction(
        self, tenant: TenantContext, principal: Principal, idea_id: str
    ) -> Target:
        idea = self.ideas.get(idea_id)
        if idea is None:
            raise NotFoundError()
        facts = PhaseFacts(open=self.open, enabled=self.config.enabled_actions())
        resource = Resource(
            tenant.tenant_id, id=idea_id, owner_id="author", project_id="p1", phase=facts
        )
        return Target(idea, self.config, resource)


def resident(user_id: str, tenant: str = "alpha") -> Principal:
    return Principal(user_id, tenant, frozenset(), True)


def make_idea(idea_id: str, phase_id: str = "ph1", tenant=ALPHA) -> IdeaRecord:
    repository = IdeaRepository(tenant)
    now = datetime.now(UTC)
    record = IdeaRecord(
        repository.idea_pk(idea_id),
        "IDEA",
        idea_id=idea_id,
        project_id="p1",
        phase_id=phase_id,
        author_id="author",
        title={"en": f"Idea {idea_id}"},
        created_at=now,
        updated_at=now,
    )
    repository.create(record)
    return record


def counts(idea_id: str, tenant=ALPHA) -> tuple[int, int, int]:
    record = IdeaRepository(tenant).get(idea_id, consistent=True)
    assert record is not None
    return int(record.likes), int(record.dislikes), int(record.comments)


class Setup:
    def __init__(self, config: IdeationConfig | None = None, comments: dict | None = None):
        self.ideas = FakeIdeas(config=config or IdeationConfig(dislikes_enabled=True))
        self.publisher = RecordingPublisher()
        self.service = ReactionService(self.ideas, self.publisher)
        self.comments = comments if comments is not None else {}
        self.counters = IdeaCounters(
            IdeaRepository, lambda tenant, kind, target: self.comments.get(target, 0)
        )

    def idea(self, *idea_ids: str) -> None:
        for idea_id in idea_ids:
            make_idea(idea_id, self.ideas.phase_id)
            self.ideas.add(idea_id)

    def deliver(self, events=None) -> None:
        for event in self.publisher.events if events is None else events:
            data = event.data
            self.counters.reaction_changed(
                ALPHA, data["idea_id"], data["phase_id"], data["user_id"]
            )
