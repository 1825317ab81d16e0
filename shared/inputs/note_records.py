"""Internal notes on ideas: items of the ``ideas`` table in the idea's own partition.

==============  =========================  =====================  =============
item            pk                         sk                     kind
==============  =========================  =====================  =============
internal note   ``T#t#IDEA#<idea_id>``     ``NOTE#<note_id>``     internal_note
==============  =========================  =====================  =============

``note_id`` starts with the creation time (``<yyyymmddHHMMSSffffff>-<random>``),
so one Query on ``begins_with(sk, "NOTE#")`` lists an idea's notes oldest first
and a note is still read by its key. Notes follow their idea when it moves to
another phase (same partition); they never appear in resident reads, which
only ask for the ``IDEA`` item, reactions or the search manifest.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from pynamodb.attributes import JSONAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.exceptions import DeleteError, PutError

from shared.db.repository import TenantRepository
from shared.ideation.models import IdeasItem
from shared.ideation.repository import condition_failed, is_ref

NOTE_PREFIX = "NOTE#"


def new_note_id(now: datetime) -> str:
    return f"{now:%Y%m%d%H%M%S%f}-{uuid.uuid4().hex[:12]}"


class InternalNoteRecord(IdeasItem, discriminator="internal_note"):
    """A team note on an idea: pk ``T#t#IDEA#<idea_id>``, sk ``NOTE#<note_id>``."""

    note_id = UnicodeAttribute()
    idea_id = UnicodeAttribute()
    project_id = UnicodeAttribute()
    author_id = UnicodeAttribute()
    body = UnicodeAttribute()
    mentioned_ids = JSONAttribute(default=list)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()


class NoteRepository(TenantRepository):
    """The notes of one tenant's ideas."""

    def pk(self, idea_id: str) -> str:
        return self.key("IDEA", idea_id)

    def notes(self, idea_id: str) -> list[InternalNoteRecord]:
        """An idea's notes, oldest first."""
        return [
            self.check(r)
            for r in InternalNoteRecord.query(
                self.pk(idea_id),
                InternalNoteRecord.sk.startswith(NOTE_PREFIX),
                consistent_read=True,
            )
            if isinstance(r, InternalNoteRecord)
        ]

    def get(self, idea_id: str, note_id: str) -> InternalNoteRecord | None:
        if not is_ref(idea_id) or not is_ref(note_id):
            return None
        try:
            record = InternalNoteRecord.get(
                self.pk(idea_id), NOTE_PREFIX + note_id, consistent_read=True
            )
        except InternalNoteRecord.DoesNotExist:
            return None
        return self.check(record) if isinstance(record, InternalNoteRecord) else None

    def create(self, record: InternalNoteRecord) -> None:
        self.check(record)
        try:
            record.save(condition=InternalNoteRecord.pk.does_not_exist())
        except PutError as error:
            if condition_failed(error):
                raise ValueError("note id collision") from error
            raise

    def save(self, record: InternalNoteRecord) -> bool:
        """Overwrite an existing note; False if it was deleted meanwhile."""
        self.check(record)
        try:
            record.save(condition=InternalNoteRecord.pk.exists())
        except PutError as error:
            if condition_failed(error):
                return False
            raise
        return True

    def delete(self, record: InternalNoteRecord) -> bool:
        self.check(record)
        try:
            record.delete(condition=InternalNoteRecord.pk.exists())
        except DeleteError as error:
            if condition_failed(error):
                return False
            raise
        return True
