"""Likes and dislikes on ideas: one reaction per resident per idea, a per-phase like limit.

A reaction lives in the resident's ballot for the phase (see
:mod:`shared.ideation.reaction_records`); every change is one conditional
update of that one item, re-read and decided again when a concurrent change
got there first. After a change the service publishes
``ideation.reaction.changed``; the ideation worker derives the idea's counts
from the ballots. The answer to the resident is immediate: their new state,
the likes they have left, and the idea's counts adjusted for this change.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from pydantic import BaseModel, Field

from shared.errors import ConflictError, ForbiddenError
from shared.events import DomainEvent, EventPublisher
from shared.ideation.reaction_records import Ballot, ReactionKind, ReactionRepository
from shared.permissions import Action, Principal, Resource, authorize
from shared.tenancy.context import TenantContext

REACTION_CHANGED = "ideation.reaction.changed"
# A change loses its race only to another change of the same resident's ballot;
# a few re-reads settle any realistic contention (two tabs, a double click).
ATTEMPTS = 5


class DislikesDisabledError(ForbiddenError):
    code = "dislikes_disabled"
    title = "Dislikes are switched off in this phase."


class LikeLimitReachedError(ConflictError):
    code = "like_limit_reached"
    title = "You have used all your likes in this phase."

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"You can like {limit} idea{'s' if limit != 1 else ''} in this phase. "
            "Remove one of your likes to like this idea.",
            extra={"limit": limit},
        )
        self.limit = limit


class AlreadyReactedError(ConflictError):
    code = "already_reacted"
    title = "Your reaction to this idea changed at the same time elsewhere."

    def __init__(self) -> None:
        super().__init__(
            "Your reaction to this idea was changed at the same time (another tab or device). "
            "Reload the idea to see it, then try again."
        )


class ReactionPut(BaseModel):
    """The reaction a resident gives an idea."""

    kind: ReactionKind = Field(description="`like`, or `dislike` where the phase allows it.")


class IdeaReactionState(BaseModel):
    """The idea's counts and the resident's reaction right after a change."""

    likes: int
    dislikes: int
    my_reaction: ReactionKind | None
    likes_left: int | None = Field(
        description="Likes the resident may still give in this phase; null: no limit."
    )


# ---- what the service needs from the ideas core ------------------------------------------


class ReactionRules(Protocol):
    """The phase settings reactions obey (``IdeationConfig`` fits)."""

    @property
    def dislikes_enabled(self) -> bool: ...

    @property
    def max_likes_per_resident(self) -> int | None: ...


class ReactedIdea(Protocol):
    """The stored counts of the idea (``IdeaRecord`` fits; counts are DynamoDB numbers)."""

    @property
    def idea_id(self) -> str: ...

    @property
    def phase_id(self) -> str: ...

    @property
    def likes(self) -> float: ...

    @property
    def dislikes(self) -> float: ...


class ReactionTarget(Protocol):
    """An idea loaded for a reaction: its record, its phase's settings, its policy facts."""

    @property
    def record(self) -> ReactedIdea: ...

    @property
    def config(self) -> ReactionRules: ...

    @property
    def resource(self) -> Resource: ...


class IdeaLoader(Protocol):
    def load_for_reaction(
        self, tenant: TenantContext, principal: Principal, idea_id: str
    ) -> ReactionTarget: ...


# ---- the service --------------------------------------------------------------------------


def likes_left(ballot: Ballot, max_likes: int | None) -> int | None:
    return None if max_likes is None else max(max_likes - len(ballot.likes), 0)


def _moved(ballot: Ballot, idea_id: str, new: ReactionKind | None) -> Ballot:
    """The ballot as the successful change left it (for this idea)."""
    likes, dislikes = set(ballot.likes), set(ballot.dislikes)
    likes.discard(idea_id)
    dislikes.discard(idea_id)
    if new is ReactionKind.LIKE:
        likes.add(idea_id)
    elif new is ReactionKind.DISLIKE:
        dislikes.add(idea_id)
    return Ballot(frozenset(likes), frozenset(dislikes))


class ReactionService:
    """Gives, switches and withdraws reactions, and tells residents their reactions."""

    def __init__(self, ideas: IdeaLoader, publisher: EventPublisher) -> None:
        self._ideas = ideas
        self._publisher = publisher

    def react(
        self, tenant: TenantContext, principal: Principal, idea_id: str, kind: ReactionKind
    ) -> IdeaReactionState:
        """Like or dislike an idea; the same reaction again changes nothing."""
        return self._set(tenant, principal, idea_id, kind)

    def withdraw(
        self, tenant: TenantContext, principal: Principal, idea_id: str
    ) -> IdeaReactionState:
        """Take back the resident's reaction to an idea (none is fine too)."""
        return self._set(tenant, principal, idea_id, None)

    def _set(
        self,
        tenant: TenantContext,
        principal: Principal,
        idea_id: str,
        new: ReactionKind | None,
    ) -> IdeaReactionState:
        target = self._ideas.load_for_reaction(tenant, principal, idea_id)
        authorize(principal, Action.INPUT_REACT, target.resource)
        config, record = target.config, target.record
        if new is ReactionKind.DISLIKE and not config.dislikes_enabled:
            raise DislikesDisabledError()
        user_id = principal.user_id
        assert user_id is not None  # the policy refuses anonymous reactions
        limit = config.max_likes_per_resident
        repository = ReactionRepository(tenant)
        for _ in range(ATTEMPTS):
            ballot = repository.ballot(record.phase_id, user_id)
            old = ballot.reaction(record.idea_id)
            if old == new:
                return self._state(record, ballot, old, old, limit)
            if new is ReactionKind.LIKE and limit is not None and len(ballot.likes) >= limit:
                raise LikeLimitReachedError(limit)
            if repository.change(record.phase_id, user_id, record.idea_id, old, new, limit):
                self._publisher.publish(
                    DomainEvent(
                        type=REACTION_CHANGED,
                        tenant_id=tenant.tenant_id,
                        actor_id=user_id,
                        data={
                            "idea_id": record.idea_id,
                            "phase_id": record.phase_id,
                            "user_id": user_id,
                            "kind": new.value if new is not None else None,
                        },
                    )
                )
                return self._state(record, _moved(ballot, record.idea_id, new), old, new, limit)
        raise AlreadyReactedError()

    @staticmethod
    def _state(
        record: ReactedIdea,
        ballot: Ballot,
        old: ReactionKind | None,
        new: ReactionKind | None,
        limit: int | None,
    ) -> IdeaReactionState:
        """The stored counts adjusted for this change (the worker's recount follows)."""

        def adjusted(count: float, kind: ReactionKind) -> int:
            return max(int(count) + (new is kind) - (old is kind), 0)

        return IdeaReactionState(
            likes=adjusted(record.likes, ReactionKind.LIKE),
            dislikes=adjusted(record.dislikes, ReactionKind.DISLIKE),
            my_reaction=new,
            likes_left=likes_left(ballot, limit),
        )

    # ---- ReactionReader: the viewer's reactions, for idea pages and lists --------------

    def state(
        self,
        tenant: TenantContext,
        user_id: str | None,
        phase_id: str,
        idea_ids: Iterable[str],
        max_likes: int | None,
    ) -> tuple[dict[str, ReactionKind], int | None]:
        """The viewer's reaction to each of ``idea_ids`` (absent: none) and likes left.

        Anonymous viewers have no reactions; ``likes_left`` is then the phase's limit.
        """
        if user_id is None:
            return {}, max_likes
        ballot = ReactionRepository(tenant).ballot(phase_id, user_id)
        mine = {i: r for i in idea_ids if (r := ballot.reaction(i)) is not None}
        return mine, likes_left(ballot, max_likes)
