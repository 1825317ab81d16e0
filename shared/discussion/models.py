"""PynamoDB models of the ``discussion`` table: comments, comment likes, official updates.

One table for the discussion aggregate, told apart by the ``kind``
discriminator. A *target* is what is discussed (``<kind>#<id>``, e.g.
``idea#<idea_id>``); discussion never reads the target's table, it resolves
targets through :mod:`shared.participation.targets`. Base keys (every key
starts with ``T#<tenant>#``):

===============  ================================  ===================  ===============
item             pk                                sk                   kind
===============  ================================  ===================  ===============
comment          ``T#t#COMMENT#<comment_id>``      ``COMMENT``          comment
comment like     ``T#t#COMMENT#<comment_id>``      ``LIKE#<user_id>``   comment_like
official update  ``T#t#UPDATE#<update_id>``        ``UPDATE``           official_update
===============  ================================  ===================  ===============

A like's key encodes both the comment and the resident, so a conditional put
(``attribute_not_exists(pk)``) allows one like per resident per comment; the
likes of a comment share its partition, so its like count is one
``Select=COUNT`` Query (``begins_with(sk, "LIKE#")``).

Global secondary indexes:

- ``by_target`` (gsi1), on comments and official updates:

  - comments: gsi1pk ``T#t#COMMENTS#<kind>#<target_id>``; gsi1sk
    ``ROOT#<created ISO>#<comment_id>`` on a thread's first comment and
    ``REPLY#<root_id>#<created ISO>#<comment_id>`` on every reply. The threads
    of a target newest first are a Query on ``begins_with ROOT#`` read
    backwards; a thread's replies oldest first are ``begins_with
    REPLY#<root_id>#`` read forwards; the whole partition counts the visible
    comments of a target.
  - official updates: gsi1pk ``T#t#UPDATES#<kind>#<target_id>``; gsi1sk
    ``<created ISO>#<update_id>`` (read backwards: newest first).

- ``by_likes`` (gsi2, sparse: thread roots only): gsi2pk
  ``T#t#COMMENTS#<kind>#<target_id>``; gsi2sk ``<likes:010d>#<created ISO>#<id>``
  read backwards: most liked threads first, ties newest first.

- ``by_user`` (gsi3, sparse): gsi3pk ``T#t#USER#<user_id>``; gsi3sk
  ``COMMENT#<created ISO>#<comment_id>`` on the comments a resident wrote and
  ``LIKE#<comment_id>`` on their likes: one Query finds a person's comments and
  likes (data export, account erasure). A comment kept after its author deleted the
  account has no author (``former-resident``) and leaves this index.

``likes`` and ``gsi2sk`` are derived by the discussion worker from the like
items. Edits and deletions update named attributes only, so a recount and an
edit never undo each other.
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


class ByTargetIndex(GlobalSecondaryIndex["DiscussionItem"]):
    """Comments (threads, then replies) and official updates of one target by time."""

    class Meta:
        index_name = "by_target"
        projection = AllProjection()

    gsi1pk = UnicodeAttribute(hash_key=True)
    gsi1sk = UnicodeAttribute(range_key=True)


class ByLikesIndex(GlobalSecondaryIndex["DiscussionItem"]):
    """Sparse: the threads of one target by like count."""

    class Meta:
        index_name = "by_likes"
        projection = AllProjection()

    gsi2pk = UnicodeAttribute(hash_key=True)
    gsi2sk = UnicodeAttribute(range_key=True)


class ByUserIndex(GlobalSecondaryIndex["DiscussionItem"]):
    """Sparse: one resident's comments and comment likes."""

    class Meta:
        index_name = "by_user"
        projection = AllProjection()

    gsi3pk = UnicodeAttribute(hash_key=True)
    gsi3sk = UnicodeAttribute(range_key=True)


@table_model("discussion")
class DiscussionItem(Model):
    """Base of every item in the ``discussion`` table (see the module docstring for keys)."""

    class Meta:
        table_name = "discussion"

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    kind = DiscriminatorAttribute()
    gsi1pk = UnicodeAttribute(null=True)
    gsi1sk = UnicodeAttribute(null=True)
    gsi2pk = UnicodeAttribute(null=True)
    gsi2sk = UnicodeAttribute(null=True)
    gsi3pk = UnicodeAttribute(null=True)
    gsi3sk = UnicodeAttribute(null=True)

    by_target = ByTargetIndex()
    by_likes = ByLikesIndex()
    by_user = ByUserIndex()


class CommentRecord(DiscussionItem, discriminator="comment"):
    """A comment: pk ``T#t#COMMENT#<comment_id>``, sk ``COMMENT``; by_target, by_likes (roots),
    by_user.

    ``root_id`` is the thread's first comment (itself for a root); ``parent_id``
    the comment answered (``None`` for a root). A deleted comment keeps its
    place in the thread but loses its body and mentions; ``hidden`` is set by
    moderation. Both are left out of the visible count.
    ``hidden_reason`` and ``moderation_version`` come with ``hidden`` (the activity
    item's version: the latest moderation action wins).
    """

    comment_id = UnicodeAttribute()
    target_kind = UnicodeAttribute()
    target_id = UnicodeAttribute()
    project_id = UnicodeAttribute(null=True)
    root_id = UnicodeAttribute()
    parent_id = UnicodeAttribute(null=True)
    author_id = UnicodeAttribute()
    body = UnicodeAttribute(default="")
    mention_ids = JSONAttribute(default=list)
    likes = NumberAttribute(default=0)
    deleted = BooleanAttribute(default=False)
    hidden = BooleanAttribute(default=False)
    hidden_reason = UnicodeAttribute(null=True)
    moderation_version = NumberAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    edited_at = UTCDateTimeAttribute(null=True)
    deleted_at = UTCDateTimeAttribute(null=True)

    @property
    def is_root(self) -> bool:
        return self.parent_id is None


class CommentLikeRecord(DiscussionItem, discriminator="comment_like"):
    """One resident's like: pk ``T#t#COMMENT#<comment_id>``, sk ``LIKE#<user_id>``; by_user."""

    comment_id = UnicodeAttribute()
    user_id = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()


class OfficialUpdateRecord(DiscussionItem, discriminator="official_update"):
    """The city's update on a target: pk ``T#t#UPDATE#<update_id>``, sk ``UPDATE``; by_target.

    ``body`` is sanitised rich text per locale; ``author_name`` an optional
    per-locale signature ("Mobility team"); ``posted_by`` the moderator or
    manager who wrote it (never shown to residents).
    """

    update_id = UnicodeAttribute()
    target_kind = UnicodeAttribute()
    target_id = UnicodeAttribute()
    project_id = UnicodeAttribute(null=True)
    body = JSONAttribute()
    author_name = JSONAttribute(null=True)
    posted_by = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()
