"""PynamoDB models of the ``moderation`` table: reports, activity items, audit entries.

One table for the moderation aggregate, told apart by the ``kind``
discriminator; Team B's blocks and profanity overrides subclass
:class:`ModerationItem` in their own modules. A *target* is an input or a
comment (``<target_kind>#<target_id>``). Base keys (every key starts with
``T#<tenant>#``):

==============  ==========================================  =====================  ========
item            pk                                          sk                     kind
==============  ==========================================  =====================  ========
report          ``T#t#REPORTS#<target_kind>#<target_id>``   ``REPORT#<reporter>``  report
activity item   ``T#t#ACTIVITY#<target_kind>#<target_id>``  ``ACTIVITY``           activity
audit entry     ``T#t#AUDIT#<entry_id>``                    ``AUDIT``              audit
==============  ==========================================  =====================  ========

A report's key encodes reporter and target, so a conditional put
(``attribute_not_exists(pk)``) is the one-report-per-reporter-and-target
rule; the reports of a target share its partition (one Query lists and
counts them by reason).

Generic global secondary indexes (all projections ALL, read backwards =
newest first):

- ``gsi1`` — activity: ``T#t#ACTIVITY`` / ``<created ISO>#<kind>#<id>`` (the
  tenant's queue); audit: ``T#t#AUDIT`` / ``<at ISO>#<entry_id>`` (the trail).
- ``gsi2`` — activity: ``T#t#ACTIVITY#PROJECT#<project_id>`` / same sort key (one
  project's queue); audit: ``T#t#AUDIT#TARGET#<kind>#<id>`` / ``<at>#<entry_id>``.
- ``gsi3`` — activity (sparse: not reviewed and visible): ``T#t#PENDING`` /
  ``<project_id>#<created ISO>#<kind>#<id>`` (the digest's pending summary);
  audit: ``T#t#AUDIT#ACTOR#<actor_id>`` / ``<at>#<entry_id>``; report:
  ``T#t#REPORTER#<user_id>`` / ``<created ISO>#<report_id>`` (a person's reports:
  data export and account erasure).

An activity item is derived by the moderation worker from its source (the
idea or comment, and the target's report items): excerpt, author, counts.
Its moderation state (``reviewed``, ``state``, ``hidden_reason``) is written
only by moderators' actions, each a conditional update on ``version``, so a
derivation never undoes an action and two moderators never lose one.
"""

from __future__ import annotations

from pynamodb.attributes import (
    BooleanAttribute,
    DiscriminatorAttribute,
    JSONAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from shared.db.registry import table_model


class Gsi1Index(GlobalSecondaryIndex["ModerationItem"]):
    """Tenant-wide feeds: the activity queue, the audit trail."""

    class Meta:
        index_name = "gsi1"
        projection = AllProjection()

    gsi1pk = UnicodeAttribute(hash_key=True)
    gsi1sk = UnicodeAttribute(range_key=True)


class Gsi2Index(GlobalSecondaryIndex["ModerationItem"]):
    """One project's activity; one target's audit entries."""

    class Meta:
        index_name = "gsi2"
        projection = AllProjection()

    gsi2pk = UnicodeAttribute(hash_key=True)
    gsi2sk = UnicodeAttribute(range_key=True)


class Gsi3Index(GlobalSecondaryIndex["ModerationItem"]):
    """Pending activity (sparse); one actor's audit entries."""

    class Meta:
        index_name = "gsi3"
        projection = AllProjection()

    gsi3pk = UnicodeAttribute(hash_key=True)
    gsi3sk = UnicodeAttribute(range_key=True)


@table_model("moderation")
class ModerationItem(Model):
    """Base of every item in the ``moderation`` table (see the module docstring for keys)."""

    class Meta:
        table_name = "moderation"

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    kind = DiscriminatorAttribute()
    gsi1pk = UnicodeAttribute(null=True)
    gsi1sk = UnicodeAttribute(null=True)
    gsi2pk = UnicodeAttribute(null=True)
    gsi2sk = UnicodeAttribute(null=True)
    gsi3pk = UnicodeAttribute(null=True)
    gsi3sk = UnicodeAttribute(null=True)

    gsi1 = Gsi1Index()
    gsi2 = Gsi2Index()
    gsi3 = Gsi3Index()


class ReportRecord(ModerationItem, discriminator="report"):
    """One resident's report of one target: pk ``T#t#REPORTS#<kind>#<id>``, sk ``REPORT#<user>``.

    ``reason`` is ``spam`` | ``inappropriate`` | ``other``; ``note`` plain text
    (required for ``other``). The target's partition is the list; gsi3 finds a reporter's.
    """

    report_id = UnicodeAttribute()
    target_kind = UnicodeAttribute()
    target_id = UnicodeAttribute()
    project_id = UnicodeAttribute(null=True)
    reporter_id = UnicodeAttribute()
    reason = UnicodeAttribute()
    note = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute()


class ActivityRecord(ModerationItem, discriminator="activity"):
    """One input or comment in the moderation queue: pk ``T#t#ACTIVITY#<kind>#<id>``, sk
    ``ACTIVITY``; gsi1 (tenant queue), gsi2 (project queue), gsi3 (pending, sparse).

    Derived (worker): ``project_id``, ``phase_id``, ``idea_id`` (the idea itself, or a
    comment's idea), ``author_id``, ``title`` (the idea's), ``excerpt`` (plain text
    ≤ 280), ``created_at``, ``reports``, ``report_reasons`` ({reason: count}).
    Moderated (actions, versioned): ``reviewed``, ``state`` (visible | hidden |
    deleted), ``hidden_reason``, ``version``.
    """

    target_kind = UnicodeAttribute()
    target_id = UnicodeAttribute()
    project_id = UnicodeAttribute()
    phase_id = UnicodeAttribute(null=True)
    idea_id = UnicodeAttribute(null=True)
    author_id = UnicodeAttribute()
    title = JSONAttribute(null=True)
    excerpt = UnicodeAttribute(default="")
    created_at = UTCDateTimeAttribute()
    reports = NumberAttribute(default=0)
    report_reasons = JSONAttribute(default=dict)
    reviewed = BooleanAttribute(default=False)
    state = UnicodeAttribute(default="visible")
    hidden_reason = UnicodeAttribute(null=True)
    version = NumberAttribute(default=0)


class AuditRecord(ModerationItem, discriminator="audit"):
    """One audited team action: pk ``T#t#AUDIT#<entry_id>``, sk ``AUDIT``; gsi1 (trail),
    gsi2 (by target, when it names one), gsi3 (by actor).

    ``details`` is a small JSON object the action chooses (e.g. the previous state).
    """

    entry_id = UnicodeAttribute()
    at = UTCDateTimeAttribute()
    actor_id = UnicodeAttribute()
    action = UnicodeAttribute()
    target_kind = UnicodeAttribute(null=True)
    target_id = UnicodeAttribute(null=True)
    subject_user_id = UnicodeAttribute(null=True)
    reason = UnicodeAttribute(null=True)
    details = JSONAttribute(default=dict)
