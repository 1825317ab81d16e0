"""Data access of ideas; one method per access pattern (keys: see ``models``).

Every key is built through the repository's :class:`TenantContext`. Writes
to an existing idea are conditional updates of named attributes, so content
edits, status changes and recounts never overwrite each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pynamodb.exceptions import DeleteError, PutError, UpdateError
from pynamodb.expressions.condition import Condition
from pynamodb.expressions.update import Action

from shared.db.pagination import decode_cursor, encode_cursor
from shared.db.repository import TenantRepository
from shared.errors import FieldIssue, ValidationError
from shared.ideation import ranking
from shared.ideation.models import IdeaRecord, IdeasItem
from shared.ideation.schemas import IdeaSort
from shared.identity.directory import FORMER_RESIDENT

IDEA_SK = "IDEA"
_REF = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_INDEXES = {
    IdeaSort.NEWEST: ("by_newest", "gsi1"),
    IdeaSort.MOST_LIKED: ("by_likes", "gsi2"),
    IdeaSort.TRENDING: ("by_trending", "gsi3"),
    IdeaSort.RANDOM: ("by_shuffle", "gsi4"),
}
_BATCH = 100


def is_ref(value: str) -> bool:
    """Ids are short lower-case tokens; anything else names no item."""
    return bool(_REF.match(value))


def condition_failed(error: Exception) -> bool:
    return getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException"


def comments_key(record: IdeaRecord) -> str:
    """The sort key of the manager's "most commented" indexes (then newest first)."""
    comments = max(int(record.comments or 0), 0)
    return f"{comments:010d}#{record.created_at.isoformat()}#{record.idea_id}"


def _invalid_cursor() -> ValidationError:
    return ValidationError(
        issues=[FieldIssue("cursor", "invalid_cursor", "This page link is not valid any more.")]
    )


@dataclass(frozen=True)
class IdeaFilter:
    topic_id: str | None = None
    status_id: str | None = None

    def condition(self) -> Condition | None:
        parts: list[Condition] = []
        parts.append(IdeaRecord.hidden_reason.does_not_exist())  # moderation hid it
        if self.topic_id:
            parts.append(IdeaRecord.topic_ids.contains(self.topic_id))
        if self.status_id:
            parts.append(IdeaRecord.status_id == self.status_id)
        if not parts:
            return None
        combined = parts[0]
        for part in parts[1:]:
            combined &= part
        return combined

    def matches(self, record: IdeaRecord) -> bool:
        if record.hidden_reason is not None:
            return False
        if self.topic_id and self.topic_id not in (record.topic_ids or set()):
            return False
        return not (self.status_id and record.status_id != self.status_id)


class IdeaRepository(TenantRepository):
    """Ideas of one tenant: single items, phase listings, pins and derived counts."""

    # ---- keys and index attributes ----------------------------------------------------

    def idea_pk(self, idea_id: str) -> str:
        return self.key("IDEA", idea_id)

    def phase_pk(self, phase_id: str) -> str:
        return self.key("PHASE", phase_id, "IDEAS")

    def pins_pk(self, phase_id: str) -> str:
        return self.key("PHASE", phase_id, "PINS")

    def inputs_pk(self) -> str:
        """The input manager's partition of every idea of the platform."""
        return self.key("INPUTS")

    def project_inputs_pk(self, project_id: str) -> str:
        """The input manager's partition of one project's ideas."""
        return self.key("PROJECT", project_id, "INPUTS")

    def index(self, record: IdeaRecord) -> None:
        """Set every index key an idea's phase, counts, creation and location imply."""
        phase = self.phase_pk(record.phase_id)
        created, idea_id = record.created_at, record.idea_id
        record.gsi1pk, record.gsi1sk = phase, ranking.newest_key(created, idea_id)
        record.gsi2pk, record.gsi2sk = phase, self._likes_key(record)
        record.gsi3pk, record.gsi3sk = phase, self._trending_key(record)
        record.gsi4pk, record.gsi4sk = phase, ranking.shuffle_key(idea_id)
        located = record.lat is not None and record.lng is not None
        record.gsi5pk = self.pins_pk(record.phase_id) if located else None
        record.gsi5sk = ranking.newest_key(created, idea_id) if located else None
        self.index_for_manager(record)
        self.index_for_author(record)

    def author_pk(self, author_id: str) -> str:
        return self.key("USER", author_id)

    def index_for_author(self, record: IdeaRecord) -> None:
        """Set the author's index keys (none once the idea belongs to nobody)."""
        if record.author_id == FORMER_RESIDENT:
            record.gsi12pk = record.gsi12sk = None
            return
        record.gsi12pk = self.author_pk(record.author_id)
        record.gsi12sk = ranking.newest_key(record.created_at, record.idea_id)

    def index_for_manager(self, record: IdeaRecord) -> None:
        """Set the input manager's six index keys (platform and project partitions)."""
        newest = ranking.newest_key(record.created_at, record.idea_id)
        likes, comments = self._likes_key(record), comments_key(record)
        platform, project = self.inputs_pk(), self.project_inputs_pk(record.project_id)
        record.gsi6pk, record.gsi6sk = platform, newest
        record.gsi7pk, record.gsi7sk = platform, likes
        record.gsi8pk, record.gsi8sk = platform, comments
        record.gsi9pk, record.gsi9sk = project, newest
        record.gsi10pk, record.gsi10sk = project, likes
        record.gsi11pk, record.gsi11sk = project, comments

    @staticmethod
    def _likes_key(record: IdeaRecord) -> str:
        return ranking.likes_key(int(record.likes or 0), record.created_at, record.idea_id)

    @staticmethod
    def _trending_key(record: IdeaRecord) -> str:
        score = ranking.trending_score(
            int(record.likes or 0),
            int(record.dislikes or 0),
            int(record.comments or 0),
            record.created_at,
        )
        return ranking.trending_key(score, record.created_at, record.idea_id)

    # ---- single items -----------------------------------------------------------------

    def get(self, idea_id: str, consistent: bool = False) -> IdeaRecord | None:
        if not is_ref(idea_id):
            return None
        try:
            record = IdeaRecord.get(self.idea_pk(idea_id), IDEA_SK, consistent_read=consistent)
        except IdeaRecord.DoesNotExist:
            return None
        return self.check(record) if isinstance(record, IdeaRecord) else None

    def batch_get(self, idea_ids: Iterable[str]) -> dict[str, IdeaRecord]:
        wanted = sorted({i for i in idea_ids if is_ref(i)})
        found: dict[str, IdeaRecord] = {}
        for start in range(0, len(wanted), _BATCH):
            keys = [(self.idea_pk(i), IDEA_SK) for i in wanted[start : start + _BATCH]]
            for item in IdeaRecord.batch_get(keys):
                if isinstance(item, IdeaRecord):
                    found[item.idea_id] = self.check(item)
        return found

    def create(self, record: IdeaRecord) -> None:
        """Write a new idea; its id must be new (conditional put)."""
        self.check(record)
        self.index(record)
        try:
            record.save(condition=IdeaRecord.pk.does_not_exist())
        except PutError as error:
            if condition_failed(error):
                raise ValueError("idea id collision") from error
            raise

    def update(self, record: IdeaRecord, changed: Sequence[str], updated_at: datetime) -> bool:
        """Write the named content attributes of an existing idea (never its counts).

        Location changes move the idea in or out of the sparse pins index.
        Returns False if the idea was deleted meanwhile.
        """
        self.check(record)
        self.index(record)
        record.updated_at = updated_at
        names = [*changed, "updated_at"]
        if "lat" in changed or "lng" in changed:
            names += ["gsi5pk", "gsi5sk"]
        actions: list[Action] = []
        attributes = IdeaRecord.get_attributes()
        for name in dict.fromkeys(names):
            attribute = attributes[name]
            value = getattr(record, name)
            empty = value is None or (isinstance(value, set) and not value)
            actions.append(attribute.remove() if empty else attribute.set(value))
        try:
            record.update(actions=actions, condition=IdeaRecord.pk.exists())
        except UpdateError as error:
            if condition_failed(error):
                return False
            raise
        return True

    def delete(self, record: IdeaRecord) -> bool:
        """Delete an idea item; False if it was already gone."""
        self.check(record)
        try:
            IdeaRecord(record.pk, IDEA_SK).delete(condition=IdeaRecord.pk.exists())
        except DeleteError as error:
            if condition_failed(error):
                return False
            raise
        return True

    def apply_counts(self, idea_id: str, likes: int, dislikes: int, comments: int) -> bool:
        """Write recomputed counts with every count-dependent sort key in one update.

        Conditional on the idea existing (a recount never resurrects a deleted
        idea); writing the same counts twice leaves the same item, so recounts
        are idempotent. Returns False when the idea does not exist.
        """
        record = self.get(idea_id, consistent=True)
        if record is None:
            return False
        record.likes, record.dislikes, record.comments = likes, dislikes, comments
        try:
            record.update(
                actions=[
                    IdeaRecord.likes.set(likes),
                    IdeaRecord.dislikes.set(dislikes),
                    IdeaRecord.comments.set(comments),
                    IdeaRecord.gsi2sk.set(self._likes_key(record)),
                    IdeaRecord.gsi3sk.set(self._trending_key(record)),
                    IdeaRecord.gsi7sk.set(self._likes_key(record)),
                    IdeaRecord.gsi8sk.set(comments_key(record)),
                    IdeaRecord.gsi10sk.set(self._likes_key(record)),
                    IdeaRecord.gsi11sk.set(comments_key(record)),
                ],
                condition=IdeaRecord.pk.exists(),
            )
        except UpdateError as error:
            if condition_failed(error):
                return False
            raise
        return True

    # ---- listings ---------------------------------------------------------------------

    def page(
        self,
        phase_id: str,
        sort: IdeaSort,
        where: IdeaFilter,
        cursor: str | None,
        limit: int,
        seed: str = "",
    ) -> tuple[list[IdeaRecord], str | None]:
        """One page of a phase's ideas in ``sort`` order, filtered, from ``cursor``."""
        if sort is IdeaSort.RANDOM:
            return self._shuffled_page(phase_id, where, cursor, limit, seed)
        index_name, prefix = _INDEXES[sort]
        names = ("pk", "sk", f"{prefix}pk", f"{prefix}sk")
        hash_key = self.phase_pk(phase_id)
        start = decode_cursor(cursor, self.tenant)
        if start is not None and (
            set(start) != set(names) or start[f"{prefix}pk"] != {"S": hash_key}
        ):
            raise _invalid_cursor()
        rows = list(
            getattr(IdeasItem, index_name).query(
                hash_key,
                filter_condition=where.condition(),
                scan_index_forward=False,
                limit=limit + 1,
                last_evaluated_key=start,
            )
        )
        items = [self.check(r) for r in rows[:limit] if isinstance(r, IdeaRecord)]
        if len(rows) <= limit or not items:
            return items, None
        key = {name: {"S": getattr(items[-1], name)} for name in names}
        return items, encode_cursor(key)

    def _shuffled_page(
        self, phase_id: str, where: IdeaFilter, cursor: str | None, limit: int, seed: str
    ) -> tuple[list[IdeaRecord], str | None]:
        """A page of the seed's random order: its arcs of the shuffle ring, one idea each in turn.

        Each arc is one lazy Query from where the cursor left it, fetching about
        ``limit / SHUFFLE_ARCS`` items at a time, so a page reads O(limit) items.
        The cursor holds each arc's last key (or that it ended) and whose turn is next.
        """
        plan = ranking.shuffle_plan(seed)
        hash_key = self.phase_pk(phase_id)
        last, done, turn = self._shuffle_cursor(cursor, plan)
        chunk = -(-(limit + 1) // len(plan)) + 1
        condition = where.condition()
        runs = [
            iter(
                IdeasItem.by_shuffle.query(
                    hash_key,
                    IdeasItem.gsi4sk.between(arc.low, arc.high),
                    filter_condition=condition,
                    scan_index_forward=arc.forward,
                    last_evaluated_key=self._shuffle_start(hash_key, last.get(n)),
                    page_size=chunk,
                )
            )
            for n, arc in enumerate(plan)
        ]
        robin = ranking.RoundRobin(runs, turn, done)
        items: list[IdeaRecord] = []
        while len(items) < limit and (taken := robin.take()) is not None:
            run, row = taken
            if isinstance(row, IdeaRecord):
                items.append(self.check(row))
                last[run] = row.gsi4sk or ""
        next_turn = robin.turn
        if not items or robin.take() is None:  # looks one idea ahead: is there another page?
            return items, None
        key: dict[str, Any] = {"turn": {"N": str(next_turn)}}
        for n in range(len(plan)):
            if robin.done[n]:
                key[f"arc{n}"] = {"S": "done"}
            elif n in last:
                key[f"arc{n}"] = {"S": last[n]}
        return items, encode_cursor(key)

    def _shuffle_cursor(
        self, cursor: str | None, plan: list[ranking.Arc]
    ) -> tuple[dict[int, str], list[bool], int]:
        """Each arc's last key, the arcs that ended and the next turn, from a random cursor."""
        start = decode_cursor(cursor, self.tenant)
        if start is None:
            return {}, [False] * len(plan), 0
        arcs = {f"arc{n}": n for n in range(len(plan))}
        turn = start.pop("turn", {}).get("N")
        if (
            turn is None
            or not turn.isdigit()
            or int(turn) >= len(plan)
            or not set(start) <= set(arcs)
        ):
            raise _invalid_cursor()
        last: dict[int, str] = {}
        done = [False] * len(plan)
        for name, value in start.items():
            n, text = arcs[name], value.get("S") if isinstance(value, dict) else None
            if text == "done":
                done[n] = True
                continue
            idea_id = (text or "").partition("#")[2]
            # A key must be an idea's own shuffle key inside its arc, or the Query would
            # start somewhere the arc does not reach.
            if not (text and is_ref(idea_id) and text == ranking.shuffle_key(idea_id)):
                raise _invalid_cursor()
            if not plan[n].holds(text):
                raise _invalid_cursor()
            last[n] = text
        return last, done, int(turn)

    def _shuffle_start(self, hash_key: str, key: str | None) -> dict[str, Any] | None:
        """The ExclusiveStartKey of the shuffle index after the idea with shuffle key ``key``."""
        if key is None:
            return None
        idea_id = key.partition("#")[2]
        return {
            "pk": {"S": self.idea_pk(idea_id)},
            "sk": {"S": IDEA_SK},
            "gsi4pk": {"S": hash_key},
            "gsi4sk": {"S": key},
        }

    def phase_ideas(self, phase_id: str) -> list[IdeaRecord]:
        """Every idea of a phase, newest first (search ranking, reconcile)."""
        return [
            self.check(r)
            for r in IdeasItem.by_newest.query(self.phase_pk(phase_id), scan_index_forward=False)
            if isinstance(r, IdeaRecord)
        ]

    def located(self, phase_id: str, where: IdeaFilter) -> list[IdeaRecord]:
        """Every visible located idea of a phase that passes ``where`` (the sparse pins index)."""
        return [
            self.check(r)
            for r in IdeasItem.pins.query(
                self.pins_pk(phase_id),
                filter_condition=where.condition(),
                scan_index_forward=False,
            )
            if isinstance(r, IdeaRecord)
        ]

    # ---- proposals ------------------------------------------------------------------------

    def mark_reached(self, idea_id: str, at: datetime) -> bool:
        """Record once that a proposal reached its signatures; False if it was already (or is
        gone). The marker is what makes "reached" stick and its event go out once."""
        record = IdeaRecord(self.idea_pk(idea_id), IDEA_SK)
        try:
            record.update(
                actions=[IdeaRecord.reached_at.set(at)],
                condition=IdeaRecord.pk.exists() & IdeaRecord.reached_at.does_not_exist(),
            )
        except UpdateError as error:
            if condition_failed(error):
                return False
            raise
        return True

    def unmark_reached(self, idea_id: str) -> None:
        """Take the marker back (its event could not be published: the retry will try again)."""
        record = IdeaRecord(self.idea_pk(idea_id), IDEA_SK)
        try:
            record.update(
                actions=[IdeaRecord.reached_at.remove()], condition=IdeaRecord.pk.exists()
            )
        except UpdateError as error:
            if not condition_failed(error):
                raise

    # ---- the input manager ----------------------------------------------------------------

    def assign(self, idea_id: str, assignee_id: str | None, previous: str | None) -> bool:
        """Set (or clear) an idea's assignee if it still has ``previous``; False otherwise.

        The condition restates what the caller read, so two managers assigning
        one idea at once cannot both report the other's assignee as the previous one.
        """
        record = IdeaRecord(self.idea_pk(idea_id), IDEA_SK)
        condition = IdeaRecord.pk.exists() & (
            IdeaRecord.assignee_id.does_not_exist()
            if previous is None
            else IdeaRecord.assignee_id == previous
        )
        action = (
            IdeaRecord.assignee_id.remove()
            if assignee_id is None
            else IdeaRecord.assignee_id.set(assignee_id)
        )
        try:
            record.update(actions=[action], condition=condition)
        except UpdateError as error:
            if condition_failed(error):
                return False
            raise
        return True

    def move(self, record: IdeaRecord, phase_id: str, updated_at: datetime) -> bool:
        """Move an idea to another phase of its project, with every phase-keyed index.

        Conditional on the idea still being in the phase ``record`` says, so a
        concurrent move or deletion makes this one fail (False) instead of racing.
        """
        self.check(record)
        old_phase = record.phase_id
        record.phase_id = phase_id
        self.index(record)
        record.updated_at = updated_at
        names = ["phase_id", "updated_at", "gsi1pk", "gsi2pk", "gsi3pk", "gsi4pk", "gsi5pk"]
        attributes = IdeaRecord.get_attributes()
        actions: list[Action] = []
        for name in names:
            value = getattr(record, name)
            attribute = attributes[name]
            actions.append(attribute.remove() if value is None else attribute.set(value))
        try:
            record.update(
                actions=actions,
                condition=IdeaRecord.pk.exists() & (IdeaRecord.phase_id == old_phase),
            )
        except UpdateError as error:
            record.phase_id = old_phase
            if condition_failed(error):
                return False
            raise
        return True

    def write_manager_keys(self, record: IdeaRecord) -> bool:
        """(Re)write the manager's and the author's index keys of an idea stored before
        they existed."""
        self.check(record)
        self.index_for_manager(record)
        self.index_for_author(record)
        attributes = IdeaRecord.get_attributes()
        actions: list[Action] = [
            attributes[f"gsi{n}{part}"].set(getattr(record, f"gsi{n}{part}"))
            for n in range(6, 12)
            for part in ("pk", "sk")
        ]
        if record.gsi12pk is not None:
            actions += [
                IdeaRecord.gsi12pk.set(record.gsi12pk),
                IdeaRecord.gsi12sk.set(record.gsi12sk),
            ]
        try:
            record.update(actions=actions, condition=IdeaRecord.pk.exists())
        except UpdateError as error:
            if condition_failed(error):
                return False
            raise
        return True

    # ---- a person's ideas (export, erasure) ------------------------------------------

    def by_author(self, author_id: str) -> list[IdeaRecord]:
        """Every idea of one author, oldest first (index ``by_author``)."""
        return [
            self.check(record)
            for record in IdeaRecord.by_author.query(self.author_pk(author_id))
            if isinstance(record, IdeaRecord)
        ]

    def anonymise(self, record: IdeaRecord, now: datetime) -> bool:
        """Keep an idea without its author: no author, no files, out of the author index."""
        self.check(record)
        try:
            record.update(
                actions=[
                    IdeaRecord.author_id.set(FORMER_RESIDENT),
                    IdeaRecord.images.set([]),
                    IdeaRecord.attachments.set([]),
                    IdeaRecord.gsi12pk.remove(),
                    IdeaRecord.gsi12sk.remove(),
                    IdeaRecord.updated_at.set(now),
                ],
                condition=IdeaRecord.pk.exists(),
            )
        except UpdateError as error:
            if condition_failed(error):
                return False
            raise
        return True

    # ---- moderation -------------------------------------------------------------------

    def set_moderation(self, idea_id: str, hidden_reason: str | None, version: int) -> bool:
        """Mirror moderation's state onto an idea unless a newer version is already there.

        False when the idea is gone or holds a newer moderation version.
        """
        if not is_ref(idea_id):
            return False
        newer = IdeaRecord.moderation_version.does_not_exist() | (
            IdeaRecord.moderation_version < version
        )
        hidden = (
            IdeaRecord.hidden_reason.set(hidden_reason)
            if hidden_reason is not None
            else IdeaRecord.hidden_reason.remove()
        )
        try:
            IdeaRecord(self.idea_pk(idea_id), IDEA_SK).update(
                actions=[hidden, IdeaRecord.moderation_version.set(version)],
                condition=IdeaRecord.pk.exists() & newer,
            )
        except UpdateError as error:
            if condition_failed(error):
                return False
            raise
        return True

    def set_reports(self, idea_id: str, reports: int) -> bool:
        """Store the derived report count of an idea; False if it is gone."""
        if not is_ref(idea_id):
            return False
        try:
            IdeaRecord(self.idea_pk(idea_id), IDEA_SK).update(
                actions=[IdeaRecord.reports.set(reports)], condition=IdeaRecord.pk.exists()
            )
        except UpdateError as error:
            if condition_failed(error):
                return False
            raise
        return True
