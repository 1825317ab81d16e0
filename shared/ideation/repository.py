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
        """Write recomputed counts with their trending and likes sort keys in one update.

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
        index_name, prefix = _INDEXES[sort]
        names = ("pk", "sk", f"{prefix}pk", f"{prefix}sk")
        hash_key = self.phase_pk(phase_id)
        start = decode_cursor(cursor, self.tenant)
        wrapped = False
        if start is not None:
            wrapped = start.pop("wrapped", None) == {"S": "1"}
            if set(start) != set(names) or start[f"{prefix}pk"] != {"S": hash_key}:
                raise _invalid_cursor()
        index = getattr(IdeasItem, index_name)
        condition = where.condition()
        if sort is IdeaSort.RANDOM:
            rows, last, wrapped = self._ring(
                index, hash_key, seed, condition, start, wrapped, limit
            )
        else:
            rows = [
                r
                for r in index.query(
                    hash_key,
                    filter_condition=condition,
                    scan_index_forward=False,
                    limit=limit + 1,
                    last_evaluated_key=start,
                )
            ]
            last = len(rows) > limit
        items = [self.check(r) for r in rows[:limit] if isinstance(r, IdeaRecord)]
        if not last or not items:
            return items, None
        key: dict[str, Any] = {name: {"S": getattr(items[-1], name)} for name in names}
        if wrapped:
            key["wrapped"] = {"S": "1"}
        return items, encode_cursor(key)

    def _ring(
        self,
        index: Any,
        hash_key: str,
        seed: str,
        condition: Condition | None,
        start: dict[str, Any] | None,
        wrapped: bool,
        limit: int,
    ) -> tuple[list[IdeasItem], bool, bool]:
        """Read the shuffle ring from the seed's point, wrapping once to its beginning.

        Returns the rows (up to ``limit + 1``), whether more follow, and whether
        the last row lies in the wrapped part.
        """
        origin = ranking.seed_start(seed)
        rows: list[IdeasItem] = []
        if not wrapped:
            rows = list(
                index.query(
                    hash_key,
                    IdeasItem.gsi4sk >= origin,
                    filter_condition=condition,
                    limit=limit + 1,
                    last_evaluated_key=start,
                )
            )
            if len(rows) > limit:
                return rows, True, False
            start = None
        rest = list(
            index.query(
                hash_key,
                IdeasItem.gsi4sk < origin,
                filter_condition=condition,
                limit=limit + 1 - len(rows),
                last_evaluated_key=start,
            )
        )
        combined = rows + rest
        # The page's last row (index ``limit - 1``) lies past the wrap unless the first
        # part alone filled the page.
        last_wrapped = wrapped or len(rows) < limit
        return combined, len(combined) > limit, last_wrapped

    def phase_ideas(self, phase_id: str) -> list[IdeaRecord]:
        """Every idea of a phase, newest first (search ranking, reconcile)."""
        return [
            self.check(r)
            for r in IdeasItem.by_newest.query(self.phase_pk(phase_id), scan_index_forward=False)
            if isinstance(r, IdeaRecord)
        ]

    def located(self, phase_id: str) -> list[IdeaRecord]:
        """Every located idea of a phase (the sparse pins index)."""
        return [
            self.check(r)
            for r in IdeasItem.pins.query(self.pins_pk(phase_id), scan_index_forward=False)
            if isinstance(r, IdeaRecord)
        ]
