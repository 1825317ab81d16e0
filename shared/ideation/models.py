"""PynamoDB models of the ``ideas`` table: ideas, topics, idea statuses, input forms, search.

One table for the ideation aggregate, told apart by the ``kind`` discriminator
(other ideation item kinds, e.g. reactions, subclass :class:`IdeasItem` in their
own modules). Base keys (every key starts with ``T#<tenant>#``):

=================  ==================================  =========================  =============
item               pk                                  sk                         kind
=================  ==================================  =========================  =============
idea               ``T#t#IDEA#<idea_id>``              ``IDEA``                   idea
search manifest    ``T#t#IDEA#<idea_id>``              ``SEARCH``                 search_manifest
search token       ``T#t#SEARCH#<phase_id>``           ``W#<token>#<idea_id>``    search_token
topic              ``T#t#TOPICS``                      ``TOPIC#<topic_id>``       topic
idea status        ``T#t#IDEA_STATUSES``               ``STATUS#<status_id>``     idea_status
statuses seeded    ``T#t#IDEA_STATUSES``               ``SEEDED``                 seed_marker
input form         ``T#t#FORM#<project_id>``           ``FORM``                   input_form
=================  ==================================  =========================  =============

An idea's partition is shared with the items that belong to it alone (its
search manifest; reactions add theirs). Global secondary indexes over ideas,
each partitioned by phase (``T#t#PHASE#<phase_id>#IDEAS``) and read newest or
highest first (``scan_index_forward=False``) except the shuffle:

- ``by_newest`` (gsi1): ``<created_at ISO>#<idea_id>``.
- ``by_likes`` (gsi2): ``<likes:010d>#<created_at ISO>#<idea_id>`` (count-dependent).
- ``by_trending`` (gsi3): ``<score:017.6f>#<created_at ISO>#<idea_id>`` (count-dependent,
  see ``ranking``).
- ``by_shuffle`` (gsi4): ``<16 hex digits of a hash of the id>#<idea_id>``, read as the
  arcs a visitor's seed cuts the ring into, one idea from each in turn (one Query per
  arc, ``ranking.shuffle_plan``): a stable random order per seed.
- ``pins`` (gsi5, sparse): ``T#t#PHASE#<phase_id>#PINS`` / ``<created_at>#<id>`` on
  located ideas only (the map).

Cross-project indexes of the input manager (``shared.inputs``), each read newest or
highest first, or forward for "oldest"; every idea is in all six:

- ``manage_newest`` (gsi6) / ``manage_likes`` (gsi7) / ``manage_comments`` (gsi8):
  partition ``T#t#INPUTS`` (every idea of the platform), sort keys
  ``<created_at ISO>#<id>``, ``<likes:010d>#<created_at>#<id>`` and
  ``<comments:010d>#<created_at>#<id>`` (the last two count-dependent).
- ``project_newest`` (gsi9) / ``project_likes`` (gsi10) / ``project_comments`` (gsi11):
  the same sort keys in partition ``T#t#PROJECT#<project_id>#INPUTS``.

Per author (for a person's data export and account erasure):

- ``by_author`` (gsi12): ``T#t#USER#<author_id>`` / ``<created_at ISO>#<id>``; absent on
  ideas kept after their author deleted the account (author ``former-resident``).

The platform partition holds every idea of a platform (100,000 ideas of a few KB
each are a few hundred MB); its write rate is that of new ideas and recounts, well
under the 1,000 writes/s a partition sustains. ``assignee_id`` names the collaborator an
idea is assigned to (null: nobody).

Counts (likes, dislikes, comments) are derived by the ideation worker and
written with :meth:`IdeaRepository.apply_counts` together with the two
count-dependent sort keys (and the four of the manager's indexes) in one conditional
update. Edits never write the
counts (they update named attributes), so a recount and an edit cannot undo
each other. Search tokens live in one partition per phase so that a prefix
Query (``begins_with(sk, "W#<prefix>")``) finds every idea with a word
starting with the prefix; the manifest lists an idea's tokens so a reindex
deletes exactly the stale ones.
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


class ByNewestIndex(GlobalSecondaryIndex["IdeasItem"]):
    """Ideas of one phase by creation time."""

    class Meta:
        index_name = "by_newest"
        projection = AllProjection()

    gsi1pk = UnicodeAttribute(hash_key=True)
    gsi1sk = UnicodeAttribute(range_key=True)


class ByLikesIndex(GlobalSecondaryIndex["IdeasItem"]):
    """Ideas of one phase by likes, then creation time."""

    class Meta:
        index_name = "by_likes"
        projection = AllProjection()

    gsi2pk = UnicodeAttribute(hash_key=True)
    gsi2sk = UnicodeAttribute(range_key=True)


class ByTrendingIndex(GlobalSecondaryIndex["IdeasItem"]):
    """Ideas of one phase by trending score."""

    class Meta:
        index_name = "by_trending"
        projection = AllProjection()

    gsi3pk = UnicodeAttribute(hash_key=True)
    gsi3sk = UnicodeAttribute(range_key=True)


class ByShuffleIndex(GlobalSecondaryIndex["IdeasItem"]):
    """Ideas of one phase in a fixed pseudo-random order (random sort)."""

    class Meta:
        index_name = "by_shuffle"
        projection = AllProjection()

    gsi4pk = UnicodeAttribute(hash_key=True)
    gsi4sk = UnicodeAttribute(range_key=True)


class PinsIndex(GlobalSecondaryIndex["IdeasItem"]):
    """Sparse: the located ideas of one phase (map pins)."""

    class Meta:
        index_name = "pins"
        projection = AllProjection()

    gsi5pk = UnicodeAttribute(hash_key=True)
    gsi5sk = UnicodeAttribute(range_key=True)


class ManageNewestIndex(GlobalSecondaryIndex["IdeasItem"]):
    """Every idea of the platform by creation time."""

    class Meta:
        index_name = "manage_newest"
        projection = AllProjection()

    gsi6pk = UnicodeAttribute(hash_key=True)
    gsi6sk = UnicodeAttribute(range_key=True)


class ManageLikesIndex(GlobalSecondaryIndex["IdeasItem"]):
    """Every idea of the platform by likes, then creation time."""

    class Meta:
        index_name = "manage_likes"
        projection = AllProjection()

    gsi7pk = UnicodeAttribute(hash_key=True)
    gsi7sk = UnicodeAttribute(range_key=True)


class ManageCommentsIndex(GlobalSecondaryIndex["IdeasItem"]):
    """Every idea of the platform by comments, then creation time."""

    class Meta:
        index_name = "manage_comments"
        projection = AllProjection()

    gsi8pk = UnicodeAttribute(hash_key=True)
    gsi8sk = UnicodeAttribute(range_key=True)


class ProjectNewestIndex(GlobalSecondaryIndex["IdeasItem"]):
    """Every idea of one project by creation time."""

    class Meta:
        index_name = "project_newest"
        projection = AllProjection()

    gsi9pk = UnicodeAttribute(hash_key=True)
    gsi9sk = UnicodeAttribute(range_key=True)


class ProjectLikesIndex(GlobalSecondaryIndex["IdeasItem"]):
    """Every idea of one project by likes, then creation time."""

    class Meta:
        index_name = "project_likes"
        projection = AllProjection()

    gsi10pk = UnicodeAttribute(hash_key=True)
    gsi10sk = UnicodeAttribute(range_key=True)


class ProjectCommentsIndex(GlobalSecondaryIndex["IdeasItem"]):
    """Every idea of one project by comments, then creation time."""

    class Meta:
        index_name = "project_comments"
        projection = AllProjection()

    gsi11pk = UnicodeAttribute(hash_key=True)
    gsi11sk = UnicodeAttribute(range_key=True)


class ByAuthorIndex(GlobalSecondaryIndex["IdeasItem"]):
    """Every idea of one author by creation time (export and erasure of their data)."""

    class Meta:
        index_name = "by_author"
        projection = AllProjection()

    gsi12pk = UnicodeAttribute(hash_key=True)
    gsi12sk = UnicodeAttribute(range_key=True)


@table_model("ideas")
class IdeasItem(Model):
    """Base of every item in the ``ideas`` table (see the module docstring for keys)."""

    class Meta:
        table_name = "ideas"

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    kind = DiscriminatorAttribute()
    gsi1pk = UnicodeAttribute(null=True)
    gsi1sk = UnicodeAttribute(null=True)
    gsi2pk = UnicodeAttribute(null=True)
    gsi2sk = UnicodeAttribute(null=True)
    gsi3pk = UnicodeAttribute(null=True)
    gsi3sk = UnicodeAttribute(null=True)
    gsi4pk = UnicodeAttribute(null=True)
    gsi4sk = UnicodeAttribute(null=True)
    gsi5pk = UnicodeAttribute(null=True)
    gsi5sk = UnicodeAttribute(null=True)
    gsi6pk = UnicodeAttribute(null=True)
    gsi6sk = UnicodeAttribute(null=True)
    gsi7pk = UnicodeAttribute(null=True)
    gsi7sk = UnicodeAttribute(null=True)
    gsi8pk = UnicodeAttribute(null=True)
    gsi8sk = UnicodeAttribute(null=True)
    gsi9pk = UnicodeAttribute(null=True)
    gsi9sk = UnicodeAttribute(null=True)
    gsi10pk = UnicodeAttribute(null=True)
    gsi10sk = UnicodeAttribute(null=True)
    gsi11pk = UnicodeAttribute(null=True)
    gsi11sk = UnicodeAttribute(null=True)
    gsi12pk = UnicodeAttribute(null=True)
    gsi12sk = UnicodeAttribute(null=True)

    by_newest = ByNewestIndex()
    by_likes = ByLikesIndex()
    by_trending = ByTrendingIndex()
    by_shuffle = ByShuffleIndex()
    pins = PinsIndex()
    manage_newest = ManageNewestIndex()
    manage_likes = ManageLikesIndex()
    manage_comments = ManageCommentsIndex()
    project_newest = ProjectNewestIndex()
    project_likes = ProjectLikesIndex()
    project_comments = ProjectCommentsIndex()
    by_author = ByAuthorIndex()


class IdeaRecord(IdeasItem, discriminator="idea"):
    """An idea: pk ``T#t#IDEA#<idea_id>``, sk ``IDEA``; indexes gsi1-gsi4, gsi6-gsi12,
    gsi5 if located.

    ``images``: ``[{"key", "thumbnail_key"?}]`` (the worker adds resized keys);
    ``attachments``: ``[{"key", "name", "size"}]``; ``custom_fields``:
    ``{field_id: value}`` as validated against the project's input form.
    ``likes``, ``dislikes``, ``comments`` are derived counts (worker only).
    ``hidden_reason``: set while moderation hides the idea (null: visible), written with
    ``moderation_version`` (the activity item's version) so the latest action wins;
    ``reports``: how many residents reported it (derived by the moderation worker).
    ``reached_at``: when a proposal first had the signatures its phase asks for (set once by
    the ideation worker; null for ideas and for proposals still short of them).
    """

    idea_id = UnicodeAttribute()
    project_id = UnicodeAttribute()
    phase_id = UnicodeAttribute()
    author_id = UnicodeAttribute()
    title = JSONAttribute()
    body = JSONAttribute(default=dict)
    topic_ids = UnicodeSetAttribute(null=True)
    lat = NumberAttribute(null=True)
    lng = NumberAttribute(null=True)
    address = UnicodeAttribute(null=True)
    images = JSONAttribute(default=list)
    attachments = JSONAttribute(default=list)
    custom_fields = JSONAttribute(default=dict)
    status_id = UnicodeAttribute(null=True)
    likes = NumberAttribute(default=0)
    dislikes = NumberAttribute(default=0)
    comments = NumberAttribute(default=0)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()
    hidden_reason = UnicodeAttribute(null=True)
    moderation_version = NumberAttribute(null=True)
    reports = NumberAttribute(default=0)
    assignee_id = UnicodeAttribute(null=True)
    reached_at = UTCDateTimeAttribute(null=True)


class SearchManifest(IdeasItem, discriminator="search_manifest"):
    """The search tokens written for one idea: pk ``T#t#IDEA#<idea_id>``, sk ``SEARCH``."""

    idea_id = UnicodeAttribute()
    phase_id = UnicodeAttribute()
    tokens = UnicodeSetAttribute(null=True)


class SearchToken(IdeasItem, discriminator="search_token"):
    """One word of one idea: pk ``T#t#SEARCH#<phase_id>``, sk ``W#<token>#<idea_id>``."""

    idea_id = UnicodeAttribute()


class TopicRecord(IdeasItem, discriminator="topic"):
    """A platform-wide topic: pk ``T#t#TOPICS``, sk ``TOPIC#<topic_id>``."""

    topic_id = UnicodeAttribute()
    title = JSONAttribute()
    description = JSONAttribute(null=True)
    position = NumberAttribute()
    created_at = UTCDateTimeAttribute()


class IdeaStatusRecord(IdeasItem, discriminator="idea_status"):
    """A platform-configured idea status: pk ``T#t#IDEA_STATUSES``, sk ``STATUS#<status_id>``.

    Seeded statuses use their code as id (``proposed``...), so seeding twice
    (or concurrently) writes the same keys with ``attribute_not_exists``.
    """

    status_id = UnicodeAttribute()
    code = UnicodeAttribute()
    title = JSONAttribute()
    description = JSONAttribute(null=True)
    color = UnicodeAttribute()
    position = NumberAttribute()


class SeedMarker(IdeasItem, discriminator="seed_marker"):
    """Statuses were seeded once: pk ``T#t#IDEA_STATUSES``, sk ``SEEDED`` (never reseeded)."""


class InputFormRecord(IdeasItem, discriminator="input_form"):
    """A project's idea form: pk ``T#t#FORM#<project_id>``, sk ``FORM``; ``form`` holds
    the validated :class:`shared.ideation.forms.InputForm` as JSON."""

    project_id = UnicodeAttribute()
    form = JSONAttribute()
    updated_at = UTCDateTimeAttribute()
