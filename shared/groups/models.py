"""PynamoDB models of the ``groups`` table: user groups, memberships, participation facts.

One table for the aggregate, told apart by ``kind``; every key starts with
``T#<tenant>#``:

===============  ===============================  ====================  ==========
item             pk                               sk                    kind
===============  ===============================  ====================  ==========
group            ``T#t#GROUP#<group_id>``         ``GROUP``             group
membership       ``T#t#GROUP#<group_id>``         ``MEMBER#<user_id>``  member
participation    ``T#t#USER#<user_id>``           ``PARTICIPATION``     facts
===============  ===============================  ====================  ==========

- Groups carry no version: edits are rare and admin-only, so the last one wins;
  counts are written apart from edits by the worker.
- A *manual* group's memberships are its source of truth, written by admins.
  A *smart* group's memberships are derived: the groups worker evaluates the
  group's rules when a user's data or the rules change and writes or deletes
  the item. Permission checks never read derived memberships: they evaluate
  smart rules on the user's current data (``shared.groups.facts``).
- Index ``by_tenant`` (gsi1pk ``T#t#GROUPS``, gsi1sk ``<created_at>#<id>``)
  lists a platform's groups; index ``by_user`` (gsi2pk ``T#t#USER#<user_id>``,
  gsi2sk ``<group_id>``) lists one user's memberships (export and erasure).
- The participation item holds string sets (projects, topics, idea statuses
  a user took part in), grown with ``ADD`` from events, so a duplicate or
  reordered event changes nothing.
"""

from __future__ import annotations

from pynamodb.attributes import (
    DiscriminatorAttribute,
    JSONAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
    UTCDateTimeAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from shared.db.registry import table_model


class ByTenantIndex(GlobalSecondaryIndex["GroupsItem"]):
    """A platform's groups, oldest first."""

    class Meta:
        index_name = "by_tenant"
        projection = AllProjection()

    gsi1pk = UnicodeAttribute(hash_key=True)
    gsi1sk = UnicodeAttribute(range_key=True)


class ByUserIndex(GlobalSecondaryIndex["GroupsItem"]):
    """One user's memberships, by group id."""

    class Meta:
        index_name = "by_user"
        projection = AllProjection()

    gsi2pk = UnicodeAttribute(hash_key=True)
    gsi2sk = UnicodeAttribute(range_key=True)


@table_model("groups")
class GroupsItem(Model):
    """Base of every item in the ``groups`` table (keys in the module docstring)."""

    class Meta:
        table_name = "groups"

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    kind = DiscriminatorAttribute()
    gsi1pk = UnicodeAttribute(null=True)
    gsi1sk = UnicodeAttribute(null=True)
    gsi2pk = UnicodeAttribute(null=True)
    gsi2sk = UnicodeAttribute(null=True)

    by_tenant = ByTenantIndex()
    by_user = ByUserIndex()


class GroupRecord(GroupsItem, discriminator="group"):
    """A group: ``membership`` is ``manual`` or ``smart``; ``rules`` and ``match`` for smart."""

    group_id = UnicodeAttribute()
    title = JSONAttribute()
    description = JSONAttribute(null=True)
    membership = UnicodeAttribute()
    rules = JSONAttribute(null=True)
    match = UnicodeAttribute(null=True)
    member_count = NumberAttribute(default=0)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()


class MembershipRecord(GroupsItem, discriminator="member"):
    """A user in a group (source item for manual groups, derived for smart ones)."""

    group_id = UnicodeAttribute()
    user_id = UnicodeAttribute()
    added_at = UTCDateTimeAttribute()


class ParticipationRecord(GroupsItem, discriminator="facts"):
    """Where a user has taken part: ids only, grown with ``ADD``."""

    user_id = UnicodeAttribute()
    project_ids = UnicodeSetAttribute(null=True)
    topic_ids = UnicodeSetAttribute(null=True)
    status_ids = UnicodeSetAttribute(null=True)
