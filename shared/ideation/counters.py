"""Derived counts of ideas: likes and dislikes from the ballots, comments from discussion.

Everything here recomputes from source items and never adds one, so the
ideation worker can apply any event twice, late or out of order, and
:meth:`IdeaCounters.reconcile` can repair whatever drifted:

- a reaction event re-reads the resident's ballot and mirrors it into the
  idea's reaction index (versioned, see :mod:`shared.ideation.reaction_records`),
  then counts the index and writes the counts with
  :meth:`~shared.ideation.repository.IdeaRepository.apply_counts`;
- a comment event recounts the idea's visible comments;
- a deleted idea leaves the ballots (its likes are given back) and its
  reaction index is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from pydantic import BaseModel

from shared.db.pagination import MAX_PAGE_SIZE
from shared.errors import NotFoundError
from shared.ideation.reaction_records import (
    BALLOT_PREFIX,
    IdeaReactionRecord,
    ReactionKind,
    ReactionRepository,
)
from shared.participation.methods.inputs import INPUT_METHODS
from shared.permissions import Action, Principal, Resource, authorize
from shared.projects.repository import ProjectRepository
from shared.tenancy.context import TenantContext

IDEA_TARGET = "idea"
# Rounds of "count, compare, write" a recount makes before leaving the rest to the
# next event or to reconcile (two rounds settle any race but a storm on one idea).
RECOUNT_ROUNDS = 5

# count_visible_comments(tenant, target_kind, target_id) -> int (the discussion domain's).
CommentCounter = Callable[[TenantContext, str, str], int]


class CountedIdea(Protocol):
    """What a recount reads of an idea (``IdeaRecord`` fits; counts are DynamoDB numbers)."""

    @property
    def idea_id(self) -> str: ...

    @property
    def phase_id(self) -> str: ...

    @property
    def likes(self) -> float: ...

    @property
    def dislikes(self) -> float: ...

    @property
    def comments(self) -> float: ...


class CountStore(Protocol):
    """Ideas and their counts (``shared.ideation.repository.IdeaRepository`` fits)."""

    def get(self, idea_id: str, consistent: bool = False) -> CountedIdea | None: ...

    def apply_counts(self, idea_id: str, likes: int, dislikes: int, comments: int) -> bool: ...

    def phase_ideas(self, phase_id: str) -> Iterable[CountedIdea]: ...


class ReconcileResult(BaseModel):
    """How many ideas a reconcile looked at and how many it had to repair."""

    ideas: int
    changed: int


@dataclass(frozen=True)
class Counts:
    likes: int
    dislikes: int
    comments: int

    @classmethod
    def stored(cls, idea: CountedIdea) -> Counts:
        return cls(int(idea.likes or 0), int(idea.dislikes or 0), int(idea.comments or 0))


@dataclass(frozen=True)
class PhasePlace:
    """Where an ideation phase lives (what PROJECT_MANAGE needs to decide)."""

    project_id: str
    folder_id: str | None
    phase_id: str


def ideation_phases(tenant: TenantContext) -> list[PhasePlace]:
    """Every phase of the tenant that collects inputs, read from the projects' timelines."""
    repository = ProjectRepository(tenant)
    places: list[PhasePlace] = []
    cursor: str | None = None
    while True:
        projects, cursor = repository.all_projects(None, cursor, MAX_PAGE_SIZE)
        places += [
            PhasePlace(project.project_id, project.folder_id, str(entry["id"]))
            for project in projects
            for entry in project.timeline or []
            if entry.get("method") in INPUT_METHODS
        ]
        if cursor is None:
            return places


def tally(index: Iterable[IdeaReactionRecord]) -> tuple[int, int]:
    """Likes and dislikes in an idea's reaction index (withdrawn items count for nothing)."""
    likes = dislikes = 0
    for record in index:
        if record.reaction == ReactionKind.LIKE:
            likes += 1
        elif record.reaction == ReactionKind.DISLIKE:
            dislikes += 1
    return likes, dislikes


class IdeaCounters:
    """Keeps ideas' likes, dislikes and comments equal to what their source items say."""

    def __init__(
        self,
        ideas: Callable[[TenantContext], CountStore],
        comments: CommentCounter | None = None,
    ) -> None:
        self._ideas = ideas
        self._comments = comments

    # ---- events -----------------------------------------------------------------------

    def reaction_changed(
        self, tenant: TenantContext, idea_id: str, phase_id: str, user_id: str
    ) -> bool:
        """Mirror one resident's ballot for one idea and recount it; True if counts changed."""
        reactions = ReactionRepository(tenant)
        idea = self._ideas(tenant).get(idea_id, consistent=True)
        if idea is None or idea.phase_id != phase_id:
            # The idea is gone (or never was in this phase): give the reaction back.
            reactions.forget_idea(phase_id, user_id, idea_id)
            return False
        ballot = reactions.ballot(phase_id, user_id)
        reactions.mirror(idea_id, phase_id, user_id, ballot.reaction(idea_id), ballot.version)
        return self.recount(tenant, idea_id)

    def comments_changed(self, tenant: TenantContext, idea_id: str) -> bool:
        """Recount an idea after a comment was posted or deleted; True if counts changed."""
        return self.recount(tenant, idea_id)

    def idea_deleted(self, tenant: TenantContext, idea_id: str, phase_id: str) -> int:
        """Give back every reaction to a deleted idea and drop its index; return how many."""
        reactions = ReactionRepository(tenant)
        users = reactions.drop_index(idea_id)
        for user_id in users:
            reactions.forget_idea(phase_id, user_id, idea_id)
        return len(users)

    # ---- recount and reconcile --------------------------------------------------------

    def count(self, tenant: TenantContext, idea: CountedIdea) -> Counts:
        """What the source items say an idea's counts are."""
        likes, dislikes = tally(ReactionRepository(tenant).idea_reactions(idea.idea_id).values())
        if self._comments is None:
            comments = int(idea.comments or 0)
        else:
            comments = self._comments(tenant, IDEA_TARGET, idea.idea_id)
        return Counts(likes, dislikes, comments)

    def recount(self, tenant: TenantContext, idea_id: str) -> bool:
        """Write the counts the source items give until they hold; True if they changed.

        Two workers may recount one idea at once, and the slower may write an older
        count. Each therefore re-reads after writing and writes again until stored
        and counted agree: the last writer has counted after every mirror that came
        before its write, so the final counts are right.
        """
        store = self._ideas(tenant)
        changed = False
        for _ in range(RECOUNT_ROUNDS):
            idea = store.get(idea_id, consistent=True)
            if idea is None:
                return changed
            counts = self.count(tenant, idea)
            if counts == Counts.stored(idea):
                return changed
            if not store.apply_counts(idea_id, counts.likes, counts.dislikes, counts.comments):
                return changed
            changed = True
        return changed

    def reconcile(self, tenant: TenantContext, phase_id: str) -> ReconcileResult:
        """Rebuild a phase's reaction index from its ballots and recount every idea.

        Ballot entries for ideas that no longer exist are given back. Returns how
        many ideas there are and how many needed a repair (index or counts).
        """
        reactions = ReactionRepository(tenant)
        store = self._ideas(tenant)
        ideas = {idea.idea_id: idea for idea in store.phase_ideas(phase_id)}
        wanted: dict[str, dict[str, tuple[ReactionKind, int]]] = {i: {} for i in ideas}
        versions: dict[str, int] = {}
        for record in reactions.ballots(phase_id):
            user_id = record.sk.removeprefix(BALLOT_PREFIX)
            versions[user_id] = int(record.version or 0)
            given = [(i, ReactionKind.LIKE) for i in record.likes or ()]
            given += [(i, ReactionKind.DISLIKE) for i in record.dislikes or ()]
            for idea_id, kind in given:
                if idea_id in wanted:
                    wanted[idea_id][user_id] = (kind, versions[user_id])
                elif self._gone(store, idea_id, phase_id):
                    reactions.forget_idea(phase_id, user_id, idea_id)
        changed = 0
        for idea_id in ideas:
            repaired = self._rebuild_index(reactions, idea_id, phase_id, wanted[idea_id], versions)
            if self.recount(tenant, idea_id) or repaired:
                changed += 1
        return ReconcileResult(ideas=len(ideas), changed=changed)

    @staticmethod
    def _gone(store: CountStore, idea_id: str, phase_id: str) -> bool:
        """True if no idea ``idea_id`` is in the phase (the phase listing may just lag)."""
        idea = store.get(idea_id, consistent=True)
        return idea is None or idea.phase_id != phase_id

    @staticmethod
    def _rebuild_index(
        reactions: ReactionRepository,
        idea_id: str,
        phase_id: str,
        wanted: dict[str, tuple[ReactionKind, int]],
        versions: dict[str, int],
    ) -> bool:
        """Make one idea's reaction index match the ballots; True if anything was wrong."""
        index = reactions.idea_reactions(idea_id)
        repaired = False
        for user_id in set(index) | set(wanted):
            kind, version = wanted.get(user_id, (None, versions.get(user_id, 0)))
            current = index.get(user_id)
            if current is not None and current.reaction == (kind.value if kind else None):
                continue
            if current is None and kind is None:
                continue
            # Without any ballot nothing newer can exist: the index entry is simply wrong.
            force = user_id not in versions
            repaired = (
                reactions.mirror(idea_id, phase_id, user_id, kind, version, force=force) or repaired
            )
        return repaired

    def reconcile_phase_as(
        self, tenant: TenantContext, principal: Principal, phase_id: str
    ) -> ReconcileResult:
        """Reconcile one ideation phase for a manager of its project (404 if there is none)."""
        place = next((p for p in ideation_phases(tenant) if p.phase_id == phase_id), None)
        if place is None:
            raise NotFoundError()
        resource = Resource(tenant.tenant_id, id=place.project_id, folder_id=place.folder_id)
        authorize(principal, Action.PROJECT_MANAGE, resource)
        return self.reconcile(tenant, phase_id)

    def reconcile_all(self, tenant: TenantContext) -> ReconcileResult:
        """Reconcile every ideation phase of the tenant."""
        ideas = changed = 0
        for place in ideation_phases(tenant):
            result = self.reconcile(tenant, place.phase_id)
            ideas, changed = ideas + result.ideas, changed + result.changed
        return ReconcileResult(ideas=ideas, changed=changed)
