"""Reaction items of the ``ideas`` table and their repository.

Two kinds, both subclasses of :class:`~shared.ideation.models.IdeasItem`:

===============  =====================================  ====================  =============
item             pk                                     sk                    kind
===============  =====================================  ====================  =============
ballot           ``T#t#PHASE#<phase_id>#BALLOTS``       ``BALLOT#<user_id>``  ballot
reaction index   ``T#t#IDEA#<idea_id>``                 ``REACTION#<user>``   idea_reaction
===============  =====================================  ====================  =============

The **ballot** is the source of truth: one item per (resident, phase) holding
the string sets ``likes`` and ``dislikes`` of idea ids. Every change is one
conditional ``UpdateItem`` on that one item, so "one reaction per resident
per idea" (an id is in at most one set) and "at most N likes per resident in
the phase" (``size(likes) < N``) hold under concurrency by construction, with
no transaction. A phase's ballots share one partition so that reconcile reads
them with one Query; a phase sees far fewer reactions per second than one
partition sustains (about 1,000 writes/s). A ballot holds at most ~10,000 ids
(the 400 KB item limit), far beyond what a resident reacts to in one phase.

The **reaction index** mirrors the ballots per idea (written only by the
ideation worker, from the ballot it re-reads), so an idea's likes and
dislikes are a Query over its own partition: derived, idempotent and
reconcilable. Every ballot change increments the ballot's ``version``; an
index item records the version it mirrors (``ballot_version``) and is only
overwritten by a mirror of the same or a newer version, so two workers
handling one resident's events out of order cannot leave an older state
behind. A withdrawn reaction stays as an item without ``reaction`` (a
tombstone holding the version) for the same reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from pynamodb.attributes import (
    NumberAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
    UTCDateTimeAttribute,
)
from pynamodb.exceptions import PutError, UpdateError
from pynamodb.expressions.condition import Condition, size
from pynamodb.expressions.update import Action

from shared.db.repository import TenantRepository
from shared.ideation.models import IdeasItem

BALLOT_PREFIX = "BALLOT#"
REACTION_PREFIX = "REACTION#"


class ReactionKind(StrEnum):
    LIKE = "like"
    DISLIKE = "dislike"


class BallotRecord(IdeasItem, discriminator="ballot"):
    """A resident's reactions in one phase: pk ``T#t#PHASE#<phase>#BALLOTS``, sk
    ``BALLOT#<user_id>``; ``likes``/``dislikes`` are string sets of idea ids (absent when
    empty, as DynamoDB has no empty sets)."""

    phase_id = UnicodeAttribute()
    user_id = UnicodeAttribute()
    likes = UnicodeSetAttribute(null=True)
    dislikes = UnicodeSetAttribute(null=True)
    version = NumberAttribute(null=True)
    updated_at = UTCDateTimeAttribute(null=True)


class IdeaReactionRecord(IdeasItem, discriminator="idea_reaction"):
    """One resident's reaction to one idea, mirrored from the ballot by the worker:
    pk ``T#t#IDEA#<idea_id>``, sk ``REACTION#<user_id>``; no ``reaction``: withdrawn."""

    idea_id = UnicodeAttribute()
    phase_id = UnicodeAttribute()
    user_id = UnicodeAttribute()
    reaction = UnicodeAttribute(null=True)
    ballot_version = NumberAttribute()


@dataclass(frozen=True)
class Ballot:
    """What one resident likes and dislikes in one phase."""

    likes: frozenset[str] = frozenset()
    dislikes: frozenset[str] = frozenset()
    version: int = 0

    def reaction(self, idea_id: str) -> ReactionKind | None:
        if idea_id in self.likes:
            return ReactionKind.LIKE
        if idea_id in self.dislikes:
            return ReactionKind.DISLIKE
        return None

    @classmethod
    def of(cls, record: BallotRecord | None) -> Ballot:
        if record is None:
            return cls()
        return cls(
            frozenset(record.likes or ()),
            frozenset(record.dislikes or ()),
            int(record.version or 0),
        )


def _condition_failed(error: Exception) -> bool:
    cause = getattr(error, "cause_response_code", None)
    return cause == "ConditionalCheckFailedException"


class ReactionRepository(TenantRepository):
    """Ballots and the per-idea reaction index of one tenant."""

    # ---- keys ---------------------------------------------------------------------------

    def ballots_pk(self, phase_id: str) -> str:
        return self.key("PHASE", phase_id, "BALLOTS")

    def idea_pk(self, idea_id: str) -> str:
        return self.key("IDEA", idea_id)

    # ---- ballots ------------------------------------------------------------------------

    def ballot(self, phase_id: str, user_id: str) -> Ballot:
        """The resident's ballot, read consistently (it guards the next write)."""
        try:
            record = BallotRecord.get(
                self.ballots_pk(phase_id), BALLOT_PREFIX + user_id, consistent_read=True
            )
        except BallotRecord.DoesNotExist:
            return Ballot()
        return Ballot.of(self.check(record))

    def ballots(self, phase_id: str) -> Iterator[BallotRecord]:
        """Every ballot of a phase (reconcile), one Query over the phase's partition."""
        for record in BallotRecord.query(
            self.ballots_pk(phase_id),
            BallotRecord.sk.startswith(BALLOT_PREFIX),
            consistent_read=True,
        ):
            yield self.check(record)

    def change(
        self,
        phase_id: str,
        user_id: str,
        idea_id: str,
        old: ReactionKind | None,
        new: ReactionKind | None,
        max_likes: int | None,
    ) -> bool:
        """Move ``idea_id`` from the ``old`` set to the ``new`` one in one conditional update.

        The condition restates ``old`` (the id is in that set, or in neither), and
        for a new like the limit (``size(likes) < max_likes``). Returns False when
        the ballot was not in that state any more (a concurrent change or the limit):
        the caller re-reads and decides again.
        """
        if old == new:
            return True
        record = BallotRecord(self.ballots_pk(phase_id), BALLOT_PREFIX + user_id)
        sets = {ReactionKind.LIKE: BallotRecord.likes, ReactionKind.DISLIKE: BallotRecord.dislikes}
        condition: Condition
        if old is None:
            condition = ~BallotRecord.likes.contains(idea_id) & ~BallotRecord.dislikes.contains(
                idea_id
            )
        else:
            condition = sets[old].contains(idea_id)
        if new is ReactionKind.LIKE and max_likes is not None:
            condition &= BallotRecord.likes.does_not_exist() | (
                size(BallotRecord.likes) < max_likes
            )
        actions: list[Action] = [
            BallotRecord.kind.set(BallotRecord),
            BallotRecord.phase_id.set(phase_id),
            BallotRecord.user_id.set(user_id),
            BallotRecord.updated_at.set(datetime.now(UTC)),
            BallotRecord.version.add(1),
        ]
        if old is not None:
            actions.append(sets[old].delete({idea_id}))
        if new is not None:
            actions.append(sets[new].add({idea_id}))
        try:
            record.update(actions=actions, condition=condition)
        except UpdateError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def forget_idea(self, phase_id: str, user_id: str, idea_id: str) -> None:
        """Take a (deleted) idea out of a ballot, whatever it held; only if the ballot exists."""
        record = BallotRecord(self.ballots_pk(phase_id), BALLOT_PREFIX + user_id)
        try:
            record.update(
                actions=[
                    BallotRecord.likes.delete({idea_id}),
                    BallotRecord.dislikes.delete({idea_id}),
                ],
                condition=BallotRecord.pk.exists(),
            )
        except UpdateError as error:
            if not _condition_failed(error):
                raise

    def give(self, phase_id: str, user_id: str, idea_id: str, kind: ReactionKind) -> bool:
        """Put ``idea_id`` in the ``kind`` set of a ballot that holds it in neither set.

        For reactions that follow a moved or copied idea into another phase: the
        like limit is not applied (these votes were given under the old phase's),
        and a reaction the resident already gave in this phase is left as it is
        (False).
        """
        record = BallotRecord(self.ballots_pk(phase_id), BALLOT_PREFIX + user_id)
        sets = {ReactionKind.LIKE: BallotRecord.likes, ReactionKind.DISLIKE: BallotRecord.dislikes}
        try:
            record.update(
                actions=[
                    BallotRecord.kind.set(BallotRecord),
                    BallotRecord.phase_id.set(phase_id),
                    BallotRecord.user_id.set(user_id),
                    BallotRecord.updated_at.set(datetime.now(UTC)),
                    BallotRecord.version.add(1),
                    sets[kind].add({idea_id}),
                ],
                condition=~BallotRecord.likes.contains(idea_id)
                & ~BallotRecord.dislikes.contains(idea_id),
            )
        except UpdateError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def holders(self, phase_id: str, idea_id: str) -> dict[str, ReactionKind]:
        """Who reacted to ``idea_id`` in the phase, and how, read from the ballots."""
        found: dict[str, ReactionKind] = {}
        for record in self.ballots(phase_id):
            reaction = Ballot.of(record).reaction(idea_id)
            if reaction is not None:
                found[record.user_id] = reaction
        return found

    # ---- the per-idea reaction index ----------------------------------------------------

    def idea_reactions(self, idea_id: str) -> dict[str, IdeaReactionRecord]:
        """The index items of an idea by user, withdrawn ones included (consistent read)."""
        return {
            record.user_id: self.check(record)
            for record in IdeaReactionRecord.query(
                self.idea_pk(idea_id),
                IdeaReactionRecord.sk.startswith(REACTION_PREFIX),
                consistent_read=True,
            )
        }

    def mirror(
        self,
        idea_id: str,
        phase_id: str,
        user_id: str,
        reaction: ReactionKind | None,
        ballot_version: int,
        force: bool = False,
    ) -> bool:
        """Make the index say what version ``ballot_version`` of the ballot says.

        Refused (False) when the index already mirrors a newer version, unless
        ``force`` (reconcile, for a resident who has no ballot at all).
        """
        record = IdeaReactionRecord(
            self.idea_pk(idea_id),
            REACTION_PREFIX + user_id,
            idea_id=idea_id,
            phase_id=phase_id,
            user_id=user_id,
            reaction=reaction.value if reaction is not None else None,
            ballot_version=ballot_version,
        )
        condition = IdeaReactionRecord.pk.does_not_exist() | (
            IdeaReactionRecord.ballot_version <= ballot_version
        )
        try:
            record.save(condition=None if force else condition)
        except PutError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def drop_index(self, idea_id: str) -> list[str]:
        """Delete a (deleted) idea's whole reaction index; return the users it named."""
        users = []
        for user_id, record in self.idea_reactions(idea_id).items():
            record.delete()
            users.append(user_id)
        return users
