"""The process-wide ideation services, wired to this deployment's collaborators."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import cast

from chalicelib import runtime
from chalicelib.identity.wiring import directory
from shared.ideation.input_forms import InputFormService
from shared.ideation.reactions import IdeaLoader, ReactionService
from shared.ideation.search import SearchIndex
from shared.ideation.service import IdeaService
from shared.ideation.statuses import StatusService
from shared.ideation.topics import TopicService
from shared.moderation.profanity_store import platform_screen
from shared.permissions import AccessRule
from shared.tenancy.context import TenantContext


def _now() -> datetime:
    return datetime.now(UTC)


class _ViewerReactions:
    """Reads the viewer's reactions from the reaction service built on top of the ideas."""

    def state(
        self,
        tenant: TenantContext,
        user_id: str | None,
        phase_id: str,
        idea_ids: Iterable[str],
        max_likes: int | None = None,
    ) -> tuple[Mapping[str, str], int | None]:
        return reactions().state(tenant, user_id, phase_id, idea_ids, max_likes)


class _PlatformRules:
    """The platform's access settings as rules for every phase of a method (proposals)."""

    def method_rules(self, tenant: TenantContext, method_id: str) -> Mapping[str, AccessRule]:
        return runtime.platforms().access(tenant).method_rules(method_id)


@runtime.cached
def ideas() -> IdeaService:
    return IdeaService(
        files=runtime.uploads(),
        publisher=runtime.publisher(),
        profiles=directory(),
        reactions=_ViewerReactions(),
        clock=_now,
        screen=platform_screen(runtime.platforms()),
        platform=_PlatformRules(),
    )


@runtime.cached
def reactions() -> ReactionService:
    # IdeaRecord's counts are PynamoDB numbers (float to mypy); the service reads them as ints.
    loader = cast(IdeaLoader, ideas())
    return ReactionService(loader, runtime.publisher())


@runtime.cached
def topics() -> TopicService:
    return TopicService(clock=_now)


@runtime.cached
def statuses() -> StatusService:
    return StatusService()


@runtime.cached
def input_forms() -> InputFormService:
    return InputFormService(clock=_now)


@runtime.cached
def search_index() -> SearchIndex:
    return SearchIndex()
