"""The moderation services of this process, wired to content, projects and people.

``content``, ``projects`` and ``publisher`` are the seams tests may replace
(before the first request of a test builds the services).
"""

from __future__ import annotations

from chalicelib import runtime
from chalicelib.identity.wiring import directory
from chalicelib.moderation.sources import ContentSources, Projects
from chalicelib.runtime import publisher
from shared.moderation.actions import ModerationService
from shared.moderation.activity import ActivityService
from shared.moderation.reports import ReportService


@runtime.cached
def content() -> ContentSources:
    return ContentSources()


@runtime.cached
def projects() -> Projects:
    return Projects()


@runtime.cached
def activity() -> ActivityService:
    return ActivityService(content(), projects(), directory())


@runtime.cached
def reports() -> ReportService:
    return ReportService(content(), publisher())


@runtime.cached
def moderation() -> ModerationService:
    return ModerationService(activity(), content(), publisher())
