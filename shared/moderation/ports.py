"""What moderation needs from other domains, as protocols the functions layer fills.

Moderation never reads the ideas or discussion tables itself: a
:class:`ContentSource` describes an input or comment (:class:`ContentInfo`),
mirrors a moderator's hide/restore onto it, deletes it through its own
domain's delete path and stores its derived report count. Projects give
titles, slugs and folders (for the policy); people give public profiles.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from shared.identity.directory import PublicProfile
from shared.permissions import Principal, Resource
from shared.tenancy.context import TenantContext


@dataclass(frozen=True)
class ContentInfo:
    """An input or comment as moderation sees it.

    ``resource`` carries the policy facts of the content (project, folder,
    phase, ``owner_id`` = author); ``idea_id`` is the idea itself or the
    idea a comment is on; ``title`` that idea's title; ``excerpt`` plain
    text; ``hidden_reason`` the reason stored on the content (None: visible).
    """

    kind: str
    id: str
    resource: Resource
    project_id: str
    phase_id: str | None
    idea_id: str | None
    author_id: str
    title: dict[str, str] | None
    excerpt: str
    created_at: datetime
    path: str
    hidden_reason: str | None = None


class ContentSource(Protocol):
    def find(self, tenant: TenantContext, kind: str, target_id: str) -> ContentInfo | None:
        """The content, or None when it does not exist (any more)."""
        ...

    def set_hidden(
        self, tenant: TenantContext, kind: str, target_id: str, reason: str | None, version: int
    ) -> None:
        """Mirror the moderation state (``reason`` None = visible) unless a newer one is there."""
        ...

    def delete(
        self, tenant: TenantContext, principal: Principal, kind: str, target_id: str
    ) -> None:
        """Delete through the owning domain's delete path (its events follow)."""
        ...

    def set_reports(self, tenant: TenantContext, kind: str, target_id: str, reports: int) -> None:
        """Store the derived report count on the content (inputs show it)."""
        ...


@dataclass(frozen=True)
class ProjectFacts:
    project_id: str
    slug: str
    title: dict[str, str]
    folder_id: str | None


class ProjectLookup(Protocol):
    def projects(self, tenant: TenantContext, ids: Iterable[str]) -> dict[str, ProjectFacts]: ...


class People(Protocol):
    def profiles(self, tenant: TenantContext, ids: Iterable[str]) -> dict[str, PublicProfile]: ...
