"""Moderation's ports filled from the ideas, discussion and projects domains.

Inputs and comments are described through the target registry and the two
domains' repositories; deletions go through each domain's own service so
its rules, clean-up and events follow.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from chalicelib.discussion.wiring import comments
from chalicelib.ideation.wiring import ideas
from chalicelib.targets import targets
from shared.discussion.repository import DiscussionRepository
from shared.html import html_to_text
from shared.ideation.repository import IdeaRepository
from shared.moderation.ports import ContentInfo, ProjectFacts
from shared.permissions import Principal
from shared.projects.repository import ProjectRepository
from shared.tenancy.context import TenantContext

IDEA, COMMENT = "idea", "comment"


def _first_text(texts: dict[str, str] | None) -> str:
    for value in (texts or {}).values():
        text = html_to_text(value)
        if text:
            return text
    return ""


class ContentSources:
    """Ideas and comments as moderation sees them (see ``shared.moderation.ports``)."""

    def find(self, tenant: TenantContext, kind: str, target_id: str) -> ContentInfo | None:
        if kind == IDEA:
            return self._idea(tenant, target_id)
        if kind == COMMENT:
            return self._comment(tenant, target_id)
        return None

    def _idea(self, tenant: TenantContext, idea_id: str) -> ContentInfo | None:
        record = IdeaRepository(tenant).get(idea_id, consistent=True)
        target = targets().find(tenant, IDEA, idea_id)
        if record is None or target is None or target.project_id is None:
            return None
        return ContentInfo(
            kind=IDEA,
            id=record.idea_id,
            resource=target.resource,
            project_id=target.project_id,
            phase_id=record.phase_id,
            idea_id=record.idea_id,
            author_id=record.author_id,
            title=record.title,
            excerpt=_first_text(record.body) or _first_text(record.title),
            created_at=record.created_at,
            path=target.path,
            hidden_reason=record.hidden_reason,
        )

    def _comment(self, tenant: TenantContext, comment_id: str) -> ContentInfo | None:
        record = DiscussionRepository(tenant).get_comment(comment_id, consistent=True)
        if record is None or record.deleted:
            return None
        target = targets().find(tenant, record.target_kind, record.target_id)
        if target is None or target.project_id is None:
            return None
        return ContentInfo(
            kind=COMMENT,
            id=record.comment_id,
            resource=dataclasses.replace(
                target.resource, id=record.comment_id, owner_id=record.author_id
            ),
            project_id=target.project_id,
            phase_id=None,
            idea_id=record.target_id if record.target_kind == IDEA else None,
            author_id=record.author_id,
            title=target.title,
            excerpt=record.body,
            created_at=record.created_at,
            path=f"{target.path}#comment-{record.comment_id}",
            hidden_reason=record.hidden_reason if record.hidden else None,
        )

    def set_hidden(
        self, tenant: TenantContext, kind: str, target_id: str, reason: str | None, version: int
    ) -> None:
        if kind == IDEA:
            IdeaRepository(tenant).set_moderation(target_id, reason, version)
        elif kind == COMMENT:
            DiscussionRepository(tenant).set_moderation(target_id, reason, version)

    def delete(
        self, tenant: TenantContext, principal: Principal, kind: str, target_id: str
    ) -> None:
        if kind == IDEA:
            ideas().delete_as_moderator(tenant, principal, target_id)
        elif kind == COMMENT:
            comments().delete_comment(tenant, principal, target_id)

    def set_reports(self, tenant: TenantContext, kind: str, target_id: str, reports: int) -> None:
        if kind == IDEA:  # comments show no report count
            IdeaRepository(tenant).set_reports(target_id, reports)


class Projects:
    """Titles, slugs and folders of projects (for the queue's labels and the policy)."""

    def projects(self, tenant: TenantContext, ids: Iterable[str]) -> dict[str, ProjectFacts]:
        repo = ProjectRepository(tenant)
        found = {}
        for project_id in sorted(set(ids)):
            record = repo.get_project(project_id)
            if record is not None:
                found[project_id] = ProjectFacts(
                    project_id=record.project_id,
                    slug=record.slug,
                    title=record.title,
                    folder_id=record.folder_id,
                )
        return found
