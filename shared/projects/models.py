"""PynamoDB models of the ``projects`` table: folders, projects, phases, attachments.

One table for the aggregate, told apart by the ``kind`` discriminator. Base
keys (every key starts with ``T#<tenant>#`` via :class:`TenantContext`):

=================  ===========================  ====================  =========
item               pk                           sk                    kind
=================  ===========================  ====================  =========
folder             ``T#t#FOLDER#<folder_id>``   ``FOLDER``            folder
project            ``T#t#PROJECT#<project_id>`` ``PROJECT``           project
phase              ``T#t#PROJECT#<project_id>`` ``PHASE#<phase_id>``  phase
attachment         ``T#t#PROJECT#<project_id>`` ``ATTACHMENT#<id>``   attachment
slug claim         ``T#t#SLUG#<ENTITY>#<slug>`` ``SLUG``              slug
=================  ===========================  ====================  =========

One Query on a project's pk reads the whole project page (project, phases,
attachments). Global secondary indexes, all sorted by ``<position:08d>#<id>``:

- ``by_group`` (gsi1pk): ``T#t#PROJECTS#IN#<folder_id | ROOT>`` on every project:
  the projects of one folder or outside folders, all statuses (reorder,
  next position, folder pages, admin lists by folder).
- ``by_tenant`` (gsi2pk): ``T#t#PROJECTS`` / ``T#t#FOLDERS`` on every project and
  folder: the admin lists of all statuses.
- ``listed`` (gsi3pk, sparse): ``T#t#PROJECTS#LISTED`` / ``T#t#FOLDERS#LISTED``
  only on what residents may list (published or archived, public): the home
  page is a Query, never a Scan. Listed projects visible to some groups only
  carry ``T#t#PROJECTS#GROUPS`` instead: a small partition the home page
  reads whole for signed-in residents, keeping those their groups admit.

A slug claim is written with ``attribute_not_exists(pk)`` so two concurrent
creations can never share a slug. Projects and folders carry a version
(optimistic locking); a project's ``timeline`` (the dates of its phases) is
updated in the same transaction as each phase write, conditioned on that
version, so two concurrent phase edits cannot create an overlap.
"""

from __future__ import annotations

from pynamodb.attributes import (
    DiscriminatorAttribute,
    JSONAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
    UTCDateTimeAttribute,
    VersionAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from shared.db.registry import table_model


class ByGroupIndex(GlobalSecondaryIndex["ProjectsItem"]):
    """Projects of one folder (or of none), by position; all statuses."""

    class Meta:
        index_name = "by_group"
        projection = AllProjection()

    gsi1pk = UnicodeAttribute(hash_key=True)
    gsi1sk = UnicodeAttribute(range_key=True)


class ByTenantIndex(GlobalSecondaryIndex["ProjectsItem"]):
    """Every project, or every folder, of a tenant by position; all statuses."""

    class Meta:
        index_name = "by_tenant"
        projection = AllProjection()

    gsi2pk = UnicodeAttribute(hash_key=True)
    gsi2sk = UnicodeAttribute(range_key=True)


class ListedIndex(GlobalSecondaryIndex["ProjectsItem"]):
    """Sparse: only the projects and folders residents may list, by position."""

    class Meta:
        index_name = "listed"
        projection = AllProjection()

    gsi3pk = UnicodeAttribute(hash_key=True)
    gsi3sk = UnicodeAttribute(range_key=True)


@table_model("projects")
class ProjectsItem(Model):
    """Base of every item in the ``projects`` table (see the module docstring for keys)."""

    class Meta:
        table_name = "projects"

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    kind = DiscriminatorAttribute()
    version = VersionAttribute()
    gsi1pk = UnicodeAttribute(null=True)
    gsi1sk = UnicodeAttribute(null=True)
    gsi2pk = UnicodeAttribute(null=True)
    gsi2sk = UnicodeAttribute(null=True)
    gsi3pk = UnicodeAttribute(null=True)
    gsi3sk = UnicodeAttribute(null=True)

    by_group = ByGroupIndex()
    by_tenant = ByTenantIndex()
    listed = ListedIndex()


class Publishable(ProjectsItem):
    """Fields folders and projects share (not a stored kind of its own)."""

    slug = UnicodeAttribute()
    title = JSONAttribute()
    description = JSONAttribute()
    status = UnicodeAttribute()
    position = NumberAttribute()
    header_image_key = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()
    published_at = UTCDateTimeAttribute(null=True)
    archived_at = UTCDateTimeAttribute(null=True)


class FolderRecord(Publishable, discriminator="folder"):
    """A folder: pk ``T#t#FOLDER#<folder_id>``, sk ``FOLDER``; indexes by_tenant, listed."""

    folder_id = UnicodeAttribute()


class ProjectRecord(Publishable, discriminator="project"):
    """A project: pk ``T#t#PROJECT#<project_id>``, sk ``PROJECT``; all three indexes.

    ``timeline`` mirrors the dates and method of every phase
    (``[{"id", "start", "end", "method"}]``) so listings can show the current
    phase and the overlap rule is checked against one versioned item.
    """

    project_id = UnicodeAttribute()
    folder_id = UnicodeAttribute(null=True)
    visibility = UnicodeAttribute()
    visible_group_ids = UnicodeSetAttribute(null=True)  # visibility ``groups``: whose members
    timeline = JSONAttribute(default=list)
    copied_from = UnicodeAttribute(null=True)


class PhaseRecord(ProjectsItem, discriminator="phase"):
    """A phase: pk ``T#t#PROJECT#<project_id>``, sk ``PHASE#<phase_id>``; no index."""

    phase_id = UnicodeAttribute()
    project_id = UnicodeAttribute()
    title = JSONAttribute()
    description = JSONAttribute()
    start_date = UnicodeAttribute()
    end_date = UnicodeAttribute(null=True)
    method = UnicodeAttribute()
    method_config = JSONAttribute()
    # {action: {"audience", "group_ids", "required_fields"}} (shared.participation.permissions)
    permissions = JSONAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()


class AttachmentRecord(ProjectsItem, discriminator="attachment"):
    """A file of a project: pk ``T#t#PROJECT#<project_id>``, sk ``ATTACHMENT#<id>``."""

    attachment_id = UnicodeAttribute()
    project_id = UnicodeAttribute()
    key = UnicodeAttribute()
    name = UnicodeAttribute()
    size = NumberAttribute()
    content_type = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()


class SlugClaim(ProjectsItem, discriminator="slug"):
    """A taken slug: pk ``T#t#SLUG#<PROJECT|FOLDER>#<slug>``, sk ``SLUG``; no index."""

    entity = UnicodeAttribute()
    target_id = UnicodeAttribute()
