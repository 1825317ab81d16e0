"""The notifications services of this process, built once per cold start."""

from __future__ import annotations

from chalicelib import runtime
from chalicelib.api.routing import API_PREFIX
from chalicelib.identity import wiring as identity
from chalicelib.targets import targets
from shared.discussion.mentions import MENTION
from shared.discussion.repository import DiscussionRepository
from shared.events import DomainEvent
from shared.notifications import FollowService, InboxService, Notifier, UnsubscribeTokens
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


@runtime.cached
def unsubscribe_tokens() -> UnsubscribeTokens:
    return UnsubscribeTokens(identity.signing_key())


@runtime.cached
def follows() -> FollowService:
    return FollowService(targets())


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
        excerpts=comment_excerpt,
    )
