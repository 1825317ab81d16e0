"""PynamoDB model of the ``exports`` table: export jobs (the input manager's files and
residents' personal-data archives).

One item per job, in its owner's partition, so "my recent exports" is one
Query read backwards and nobody else's job can even be addressed:

==========  ===========================  ======================  ==========
item        pk                           sk                      kind
==========  ===========================  ======================  ==========
export job  ``T#t#USER#<owner_id>``      ``EXPORT#<job_id>``     export_job
==========  ===========================  ======================  ==========

A job id is ``<creation time, µs, 14 hex><10 random hex>``: it sorts by time.
``status`` moves queued → running → done | failed with conditional updates
(:class:`~shared.exports.repository.ExportJobRepository`), so a retried or
duplicated workflow task can never turn a finished job back into a running
one. ``rows_written`` is the progress the worker reports as it streams.
``object_key`` (``<tenant>/exports/<job_id>.<ext>``) names the file in the
``exports`` bucket, whose lifecycle rule deletes it after 30 days; the job
item expires (TTL ``expires``) at the same time.

``source`` says what a job exports: ``inputs`` (absent on older items) or
``personal_data`` (a resident's archive, ``<tenant>/exports/<job_id>.zip``,
tagged ``retention=personal-data`` so a lifecycle rule deletes it after
:data:`PERSONAL_KEEP_DAYS`; the job expires with it).
"""

from __future__ import annotations

from pynamodb.attributes import (
    DiscriminatorAttribute,
    JSONAttribute,
    NumberAttribute,
    TTLAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
)
from pynamodb.models import Model

from shared.db.registry import table_model

KEEP_DAYS = 30
PERSONAL_KEEP_DAYS = 7
INPUTS = "inputs"
PERSONAL_DATA = "personal_data"


@table_model("exports")
class ExportsItem(Model):
    """Base of every item of the ``exports`` table (keys: module docstring)."""

    class Meta:
        table_name = "exports"

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    kind = DiscriminatorAttribute()
    expires = TTLAttribute(null=True)


class ExportJobRecord(ExportsItem, discriminator="export_job"):
    """One export: the input manager's rows, or a resident's personal data."""

    job_id = UnicodeAttribute()
    owner_id = UnicodeAttribute()
    format = UnicodeAttribute()
    status = UnicodeAttribute()
    filters = JSONAttribute()
    locale = UnicodeAttribute()
    rows_written = NumberAttribute(default=0)
    created_at = UTCDateTimeAttribute()
    started_at = UTCDateTimeAttribute(null=True)
    finished_at = UTCDateTimeAttribute(null=True)
    object_key = UnicodeAttribute(null=True)
    upload_id = UnicodeAttribute(null=True)
    error = UnicodeAttribute(null=True)
    attempts = NumberAttribute(default=0)
    source = UnicodeAttribute(null=True)

    @property
    def keep_days(self) -> int:
        return PERSONAL_KEEP_DAYS if self.source == PERSONAL_DATA else KEEP_DAYS
