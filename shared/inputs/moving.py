"""Moving and copying inputs to another ideation phase of their project, votes kept or reset.

A **move** rewrites the idea's phase with every phase-keyed index in one
conditional update (it must still be in the phase it was read in), then
carries the votes: each resident's ballot in the old phase gives the idea up
and, with ``votes: keep``, the ballot of the new phase takes the same
reaction (:meth:`~shared.ideation.reaction_records.ReactionRepository.give`;
the like limit is not applied to votes that were given under the old phase).
The idea's reaction index is then rewritten from the new ballots (or dropped
with ``reset``) and the counts written from it, so they are exact at once;
a late reaction event of the old phase finds the idea elsewhere and only
gives the reaction back, as for a deleted idea. Comments and internal notes
stay with the idea. Events: ``ideation.idea.moved`` and
``ideation.idea.updated`` (so derived data such as the activity queue and
the search index follow; the search index is also rewritten at once).

A **copy** (never of an idea moderation hid: ``hidden_input``) is a new idea
in the target phase with the original's content,
author and (copied) files, no status, nobody assigned and no comments; with
``keep`` the residents who reacted to the original react the same way to the
copy. It is announced with ``ideation.idea.published``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from shared.events import DomainEvent, EventPublisher
from shared.ideation.counters import tally
from shared.ideation.models import IdeaRecord
from shared.ideation.reaction_records import ReactionKind, ReactionRepository
from shared.ideation.repository import IDEA_SK, IdeaRepository
from shared.ideation.search import SearchIndex
from shared.inputs.assignment import ProjectCache, idea_resource, refusal
from shared.inputs.ports import FileCopier
from shared.inputs.schemas import MoveMode, MoveRequest, MoveResult, MoveResults, VotesMode
from shared.inputs.scope import input_phase_ids
from shared.permissions import Action, Principal, authorize
from shared.tenancy.context import TenantContext

MOVED = "ideation.idea.moved"
UPDATED = "ideation.idea.updated"
PUBLISHED = "ideation.idea.published"


def _utcnow() -> datetime:
    return datetime.now(UTC)


class MoveService:
    """Moves and copies inputs between the input phases of their project."""

    def __init__(
        self,
        publisher: EventPublisher,
        files: FileCopier,
        search: SearchIndex | None = None,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self._publisher = publisher
        self._files = files
        self._search = search or SearchIndex()
        self._clock = clock

    def move(self, tenant: TenantContext, principal: Principal, body: MoveRequest) -> MoveResults:
        """Move or copy each idea (``INPUT_MANAGE`` on it); one result per idea."""
        authorize(principal, Action.TEAM_VIEW)
        repository = IdeaRepository(tenant)
        records = repository.batch_get(body.idea_ids)
        projects = ProjectCache(tenant)
        results = []
        for idea_id in dict.fromkeys(body.idea_ids):
            record = records.get(idea_id)
            project = projects.get(record.project_id) if record else None
            if record is None or project is None:
                results.append(
                    MoveResult(idea_id=idea_id, ok=False, code="not_found", new_idea_id=None)
                )
                continue
            code = refusal(principal, Action.INPUT_MANAGE, idea_resource(tenant, project, record))
            if code is None and body.phase_id not in input_phase_ids(project):
                code = "phase_not_in_project"
            if code is None and body.mode is MoveMode.MOVE and record.phase_id == body.phase_id:
                code = "same_phase"
            if code is None and body.mode is MoveMode.COPY and record.hidden_reason is not None:
                # A copy would be a visible duplicate of what moderation hid.
                code = "hidden_input"
            new_id = None
            if code is None and body.mode is MoveMode.MOVE:
                code = self._move(tenant, principal, record, body.phase_id, body.votes)
            elif code is None:
                new_id = self._copy(tenant, principal, record, body.phase_id, body.votes)
            results.append(
                MoveResult(idea_id=idea_id, ok=code is None, code=code, new_idea_id=new_id)
            )
        return MoveResults(results=results)

    # ---- move ---------------------------------------------------------------------------

    def _move(
        self,
        tenant: TenantContext,
        principal: Principal,
        record: IdeaRecord,
        phase_id: str,
        votes: VotesMode,
    ) -> str | None:
        old_phase = record.phase_id
        repository = IdeaRepository(tenant)
        if not repository.move(record, phase_id, self._clock()):
            return "conflict"
        reactions = ReactionRepository(tenant)
        holders = reactions.holders(old_phase, record.idea_id)
        for user_id, kind in holders.items():
            if votes is VotesMode.KEEP:
                reactions.give(phase_id, user_id, record.idea_id, kind)
            reactions.forget_idea(old_phase, user_id, record.idea_id)
        if votes is VotesMode.KEEP:
            likes, dislikes = self._mirror(reactions, record.idea_id, phase_id, set(holders))
        else:
            reactions.drop_index(record.idea_id)
            likes = dislikes = 0
        repository.apply_counts(record.idea_id, likes, dislikes, int(record.comments or 0))
        self._search.reindex(tenant, record.idea_id)
        self._emit(
            tenant,
            principal,
            MOVED,
            idea_id=record.idea_id,
            project_id=record.project_id,
            from_phase_id=old_phase,
            phase_id=phase_id,
            votes=votes.value,
        )
        self._emit(tenant, principal, UPDATED, **_idea_data(record))
        return None

    @staticmethod
    def _mirror(
        reactions: ReactionRepository, idea_id: str, phase_id: str, users: set[str]
    ) -> tuple[int, int]:
        """Rewrite the idea's reaction index from the new phase's ballots; return the tally.

        Forced: the index held versions of the old phase's ballots, which say
        nothing about the order of the new ones.
        """
        for user_id in users | set(reactions.idea_reactions(idea_id)):
            ballot = reactions.ballot(phase_id, user_id)
            reactions.mirror(
                idea_id, phase_id, user_id, ballot.reaction(idea_id), ballot.version, force=True
            )
        return tally(reactions.idea_reactions(idea_id).values())

    # ---- copy ---------------------------------------------------------------------------

    def _copy(
        self,
        tenant: TenantContext,
        principal: Principal,
        record: IdeaRecord,
        phase_id: str,
        votes: VotesMode,
    ) -> str:
        repository = IdeaRepository(tenant)
        now = self._clock()
        new_id = uuid.uuid4().hex
        copy = IdeaRecord(
            repository.idea_pk(new_id),
            IDEA_SK,
            idea_id=new_id,
            project_id=record.project_id,
            phase_id=phase_id,
            author_id=record.author_id,
            title=record.title,
            body=record.body or {},
            topic_ids=set(record.topic_ids or ()) or None,
            lat=record.lat,
            lng=record.lng,
            address=record.address,
            images=[{"key": self._files.copy(i["key"])} for i in record.images or []],
            attachments=[
                {**a, "key": self._files.copy(a["key"])} for a in record.attachments or []
            ],
            custom_fields=record.custom_fields or {},
            created_at=now,
            updated_at=now,
            likes=0,
            dislikes=0,
            comments=0,
        )
        repository.create(copy)
        if votes is VotesMode.KEEP:
            reactions = ReactionRepository(tenant)
            holders: dict[str, ReactionKind] = reactions.holders(record.phase_id, record.idea_id)
            for user_id, kind in holders.items():
                reactions.give(phase_id, user_id, new_id, kind)
            likes, dislikes = self._mirror(reactions, new_id, phase_id, set(holders))
            repository.apply_counts(new_id, likes, dislikes, 0)
        self._emit(tenant, principal, PUBLISHED, **_idea_data(copy), copied_from=record.idea_id)
        return new_id

    def _emit(self, tenant: TenantContext, principal: Principal, type_: str, **data: Any) -> None:
        self._publisher.publish(
            DomainEvent(
                type=type_, tenant_id=tenant.tenant_id, actor_id=principal.user_id, data=data
            )
        )


def _idea_data(record: IdeaRecord) -> dict[str, Any]:
    return {
        "idea_id": record.idea_id,
        "project_id": record.project_id,
        "phase_id": record.phase_id,
        "author_id": record.author_id,
    }
