"""PynamoDB models of the ``notifications`` table: follows, notifications, email preferences.

One table for the aggregate "what reaches a resident", told apart by the
``kind`` discriminator. Every item lives in its user's partition, so one
Query reads a person's inbox, follows or preferences:

============  ============================  ================================  ============
item          pk                            sk                                kind
============  ============================  ================================  ============
follow        ``T#t#USER#<user_id>``        ``FOLLOW#<target_kind>#<id>``     follow
notification  ``T#t#USER#<user_id>``        ``NOTIF#<notification_id>``       notification
preferences   ``T#t#USER#<user_id>``        ``PREFS``                         preferences
============  ============================  ================================  ============

A notification id is ``<event time, µs, 14 hex><18 hex of sha256(event id)>``:
it sorts by time (the inbox reads the partition backwards) and is the same
on every delivery of one event, so the put conditioned on
``attribute_not_exists(pk)`` creates one notification per (event, recipient).

Global secondary indexes (both sparse):

- ``followers`` (gsi1pk ``T#t#FOLLOWERS#<target_kind>#<id>``, gsi1sk
  ``USER#<user_id>``): set only while a follow is active, so the followers
  of a target are one Query. An explicit unfollow keeps the follow item
  (``following`` false, no index keys): it is remembered and auto-follow
  never overrides it.
- ``unread`` (gsi2pk ``T#t#UNREAD#<user_id>``, gsi2sk ``<notification_id>``):
  set only while a notification is unread; the unread count is a bounded
  COUNT Query; marking read removes the keys.

- ``by_actor`` (gsi3pk ``T#t#ACTOR#<actor_id>``, gsi3sk ``<notification_id>``): set on
  notifications someone caused, so an account's erasure finds the
  notifications that name it (and quote it) in other people's inboxes.

Notifications expire (TTL ``expires``) after :data:`KEEP_DAYS`.
"""

from __future__ import annotations

from pynamodb.attributes import (
    BooleanAttribute,
    DiscriminatorAttribute,
    JSONAttribute,
    ListAttribute,
    TTLAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from shared.db.registry import table_model

KEEP_DAYS = 365


class FollowersIndex(GlobalSecondaryIndex["NotificationsItem"]):
    """Active followers of one target (sparse)."""

    class Meta:
        index_name = "followers"
        projection = AllProjection()

    gsi1pk = UnicodeAttribute(hash_key=True)
    gsi1sk = UnicodeAttribute(range_key=True)


class UnreadIndex(GlobalSecondaryIndex["NotificationsItem"]):
    """Unread notifications of one user (sparse)."""

    class Meta:
        index_name = "unread"
        projection = AllProjection()

    gsi2pk = UnicodeAttribute(hash_key=True)
    gsi2sk = UnicodeAttribute(range_key=True)


class ByActorIndex(GlobalSecondaryIndex["NotificationsItem"]):
    """Sparse: the notifications one person caused (account erasure)."""

    class Meta:
        index_name = "by_actor"
        projection = AllProjection()

    gsi3pk = UnicodeAttribute(hash_key=True)
    gsi3sk = UnicodeAttribute(range_key=True)


@table_model("notifications")
class NotificationsItem(Model):
    """Base of every item of the ``notifications`` table (keys: module docstring)."""

    class Meta:
        table_name = "notifications"

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    kind = DiscriminatorAttribute()
    user_id = UnicodeAttribute()
    gsi1pk = UnicodeAttribute(null=True)
    gsi1sk = UnicodeAttribute(null=True)
    gsi2pk = UnicodeAttribute(null=True)
    gsi2sk = UnicodeAttribute(null=True)
    gsi3pk = UnicodeAttribute(null=True)
    gsi3sk = UnicodeAttribute(null=True)
    # The table's TTL attribute (declared on the base so the table spec sees it); only
    # notifications set it: follows and preferences stay until the account goes.
    expires = TTLAttribute(null=True)

    followers = FollowersIndex()
    unread = UnreadIndex()
    by_actor = ByActorIndex()


class FollowRecord(NotificationsItem, discriminator="follow"):
    """A follow (or a remembered explicit unfollow) of one target by one user.

    ``source`` is ``auto`` (the notifier followed an author or commenter) or
    ``user`` (the person chose).
    """

    target_kind = UnicodeAttribute()
    target_id = UnicodeAttribute()
    following = BooleanAttribute()
    source = UnicodeAttribute()
    updated_at = UTCDateTimeAttribute()


class NotificationRecord(NotificationsItem, discriminator="notification"):
    """One in-app notification; target title and path are kept as they were."""

    notification_id = UnicodeAttribute()
    type = UnicodeAttribute()
    event_id = UnicodeAttribute()
    actor_id = UnicodeAttribute(null=True)
    target_kind = UnicodeAttribute()
    target_id = UnicodeAttribute()
    target_title = JSONAttribute()
    target_path = UnicodeAttribute()
    excerpt = UnicodeAttribute(null=True)
    read = BooleanAttribute(default=False)
    created_at = UTCDateTimeAttribute()


class PreferencesRecord(NotificationsItem, discriminator="preferences"):
    """Email preferences: the notification types a user turned off (all on by default)."""

    email_off = ListAttribute[str](default=list)
    updated_at = UTCDateTimeAttribute()
