"""The notifications services of this process, built once per cold start."""

from __future__ import annotations

from chalicelib import runtime
from chalicelib.api.routing import API_PREFIX
from chalicelib.ideation import wiring as ideation
from chalicelib.identity import wiring as identity
from chalicelib.targets import targets
from shared.discussion.mentions import MENTION
from shared.discussion.repository import DiscussionRepository
from shared.events import DomainEvent
from shared.html import html_to_text
from shared.ideation.repository import IdeaRepository
from shared.notifications import FollowService, InboxService, Notifier, UnsubscribeTokens
from shared.notifications.notifier import (
    IDEA_PUBLISHED,
    IDEA_STATUS_CHANGED,
    OFFICIAL_UPDATE_POSTED,
    PROPOSAL_REACHED,
    Excerpt,
)
from shared.participation.methods.inputs import input_config
from shared.participation.methods.proposals import ProposalsConfig
from shared.permissions import AccessRule, Audience
from shared.projects.repository import ProjectRepository
from shared.tenancy import TenantContext

UNSUBSCRIBE_PATH = API_PREFIX + "/notifications/unsubscribe"


def platform_origin(tenant: TenantContext) -> str:
    """Scheme and host of the platform's site (its first host name), for links in emails."""
    platform = runtime.platforms().get(tenant)
    return runtime.settings().site_origin(platform.hosts[0] if platform.hosts else tenant.host)


def comment_excerpt(tenant: TenantContext, event: DomainEvent) -> str | None:
    """The comment a comment notification quotes, with mentions as names.

    Read when the event is handled, so a comment deleted or hidden meanwhile
    is not quoted.
    """
    comment_id = event.data.get("comment_id")
    if event.domain != "discussion" or not isinstance(comment_id, str):
        return None
    record = DiscussionRepository(tenant).get_comment(comment_id)
    if record is None or record.deleted or record.hidden or not record.body:
        return None
    names = identity.directory().profiles(tenant, MENTION.findall(record.body))
    return MENTION.sub(lambda m: "@" + names[m.group(1)].display_name, record.body)


def update_excerpt(tenant: TenantContext, event: DomainEvent) -> dict[str, str] | None:
    """The official update's text, per language (read now: a deleted update is not quoted)."""
    update_id = event.data.get("update_id")
    record = (
        DiscussionRepository(tenant).get_update(update_id) if isinstance(update_id, str) else None
    )
    if record is None:
        return None
    return {locale: html_to_text(html) for locale, html in dict(record.body).items()}


def status_excerpt(tenant: TenantContext, event: DomainEvent) -> dict[str, str] | None:
    """The name of the idea's new status, per language."""
    status = ideation.statuses().by_id(tenant).get(str(event.data.get("status_id")))
    return dict(status.title) if status is not None else None


def idea_excerpt(tenant: TenantContext, event: DomainEvent) -> dict[str, str] | None:
    """The start of a new idea's description, per language (for the team's ``new_input``)."""
    idea_id = event.data.get("idea_id")
    record = IdeaRepository(tenant).get(idea_id) if isinstance(idea_id, str) else None
    if record is None or not record.body:
        return None
    return {locale: html_to_text(html) for locale, html in dict(record.body).items()}


def commitment_excerpt(tenant: TenantContext, event: DomainEvent) -> dict[str, str] | None:
    """What the city commits to for a proposal that reached its signatures, per language."""
    project_id, phase_id = event.data.get("project_id"), event.data.get("phase_id")
    if not isinstance(project_id, str) or not isinstance(phase_id, str):
        return None
    phase = ProjectRepository(tenant).get_phase(project_id, phase_id)
    config = input_config(phase.method, phase.method_config) if phase else None
    if not isinstance(config, ProposalsConfig) or not config.commitment:
        return None
    return dict(config.commitment)


def notification_excerpt(tenant: TenantContext, event: DomainEvent) -> Excerpt:
    """What each kind of notification quotes: the comment, the update, the new status,
    the new idea, the city's commitment to a proposal that reached its signatures."""
    if event.type == PROPOSAL_REACHED:
        return commitment_excerpt(tenant, event)
    if event.type == OFFICIAL_UPDATE_POSTED:
        return update_excerpt(tenant, event)
    if event.type == IDEA_STATUS_CHANGED:
        return status_excerpt(tenant, event)
    if event.type == IDEA_PUBLISHED:
        return idea_excerpt(tenant, event)
    return comment_excerpt(tenant, event)


def comment_target(tenant: TenantContext, comment_id: str) -> tuple[str, str] | None:
    """What a comment was posted on (a reported comment's notification points there)."""
    record = DiscussionRepository(tenant).get_comment(comment_id)
    if record is None or record.deleted:
        return None
    return record.target_kind, record.target_id


@runtime.cached
def unsubscribe_tokens() -> UnsubscribeTokens:
    return UnsubscribeTokens(identity.signing_key())


def _follow_rule(tenant: TenantContext) -> AccessRule:
    """The platform's setting of who may follow, as a rule of the policy."""
    return AccessRule(Audience(runtime.platforms().access(tenant).follow.value))


@runtime.cached
def follows() -> FollowService:
    return FollowService(targets(), rule=_follow_rule)


@runtime.cached
def inbox() -> InboxService:
    return InboxService(identity.directory(), unsubscribe_tokens())


@runtime.cached
def notifier() -> Notifier:
    return Notifier(
        targets(),
        identity.directory(),
        runtime.publisher(),
        unsubscribe_tokens(),
        origin=platform_origin,
        one_click_path=UNSUBSCRIBE_PATH,
        excerpts=notification_excerpt,
        comments=comment_target,
    )
