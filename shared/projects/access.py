"""The policy's view of a project: the facts every access decision about it starts from."""

from __future__ import annotations

from shared.permissions import Resource
from shared.projects.models import ProjectRecord
from shared.projects.statuses import Status, is_listed


def project_resource(record: ProjectRecord) -> Resource:
    """A project as a resource (phases and ideas narrow it with ``dataclasses.replace``)."""
    return Resource(
        tenant_id=record.pk.split("#")[1],
        id=record.project_id,
        folder_id=record.folder_id,
        published=is_listed(Status(record.status)),
        visibility=record.visibility,
        group_ids=frozenset(record.visible_group_ids or ()),
    )
