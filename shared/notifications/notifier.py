"""The notifier: domain events become auto-follows, in-app notifications and email requests.

Handled events (the ``notifier`` consumer):

- ``ideation.idea.published``: the author follows the idea.
- ``discussion.comment.posted``: the commenter follows the target; the
  mentioned, the author of the parent comment and the target's owner are
  notified, each once, for the most specific reason (mention > reply >
  comment on my idea).
- ``discussion.comment.updated``: people newly mentioned by the edit.
- ``ideation.idea.status_changed``, ``discussion.official_update.posted``:
  the target's followers and its author (unless they unfollowed it).
- ``ideation.proposal.reached``: the same people, and everyone on the team of
  the proposal's project, who now owe the step the phase commits to (the
  notification quotes that commitment).

For the back-office team (types in :data:`TEAM_TYPES`, each needing its
policy action on the idea):

- ``ideation.idea.published``: ``new_input`` to everyone who moderates the
  idea's project (moderators, project and folder managers, admins).
- ``moderation.report.filed``: ``new_report`` to the same people (the
  reporter is never named); a reported comment points at its idea.
- ``ideation.idea.assigned``: ``input_assigned`` to the new assignee.
- ``ideation.note.posted``: ``note_mention`` to the mentioned colleagues who
  may see the idea's internal notes.

The actor is never notified about their own action. Everything is
idempotent: follows and notifications are conditional puts on keys derived
from the event, and email requests carry an event id derived from (event,
recipient), which the mailer's delivery ledger sends once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from shared.events import DomainEvent, EventPublisher
from shared.i18n import pick
from shared.identity.directory import PublicProfile, Recipient
from shared.mail.contract import (
    EmailRequested,
    MailTemplate,
    NotificationParams,
    NotificationType,
    email_requested,
)
from shared.notifications.repository import NotificationsRepository
from shared.participation.targets import TargetInfo, Targets
from shared.permissions import Action, Resource, can
from shared.tenancy.context import TenantContext

IDEA_PUBLISHED = "ideation.idea.published"
IDEA_STATUS_CHANGED = "ideation.idea.status_changed"
COMMENT_POSTED = "discussion.comment.posted"
COMMENT_UPDATED = "discussion.comment.updated"
OFFICIAL_UPDATE_POSTED = "discussion.official_update.posted"
REPORT_FILED = "moderation.report.filed"
IDEA_ASSIGNED = "ideation.idea.assigned"
NOTE_POSTED = "ideation.note.posted"
PROPOSAL_REACHED = "ideation.proposal.reached"
HANDLED = (
    IDEA_PUBLISHED,
    IDEA_STATUS_CHANGED,
    COMMENT_POSTED,
    COMMENT_UPDATED,
    OFFICIAL_UPDATE_POSTED,
    REPORT_FILED,
    IDEA_ASSIGNED,
    NOTE_POSTED,
    PROPOSAL_REACHED,
)

IDEA = "idea"
# One reason per recipient and event: the most specific wins.
PRIORITY = (
    NotificationType.MENTION,
    NotificationType.COMMENT_REPLY,
    NotificationType.COMMENT_ON_MY_IDEA,
    NotificationType.IDEA_STATUS_CHANGED,
    NotificationType.OFFICIAL_UPDATE,
    NotificationType.PROPOSAL_REACHED,
    NotificationType.NOTE_MENTION,
    NotificationType.INPUT_ASSIGNED,
    NotificationType.NEW_REPORT,
    NotificationType.NEW_INPUT,
)
# Status changes and official updates speak for the city: no personal actor is shown.
CITY_TYPES = frozenset(
    {
        NotificationType.IDEA_STATUS_CHANGED,
        NotificationType.OFFICIAL_UPDATE,
        NotificationType.PROPOSAL_REACHED,
    }
)
# Nor is the resident who reported something: moderators judge the content, not the reporter.
UNNAMED_ACTOR_TYPES = CITY_TYPES | {NotificationType.NEW_REPORT}
# The team's types and the action a recipient needs on the target to get one; every other
# type needs only to see the target.
TEAM_TYPES: dict[NotificationType, Action] = {
    NotificationType.NEW_INPUT: Action.MODERATE,
    NotificationType.NEW_REPORT: Action.MODERATE,
    NotificationType.INPUT_ASSIGNED: Action.INPUT_FEEDBACK,
    NotificationType.NOTE_MENTION: Action.INPUT_FEEDBACK,
}
# Where a new report's notification leads: the moderators' activity overview.
MODERATION_PATH = "/admin/moderation"
EXCERPT_CHARS = 280


class Directory(Protocol):
    """What the notifier needs of identity (``shared.identity.directory.UserDirectory``)."""

    def profiles(self, tenant: TenantContext, ids: Iterable[str]) -> dict[str, PublicProfile]: ...

    def recipients(self, tenant: TenantContext, ids: Iterable[str]) -> dict[str, Recipient]: ...

    def moderators(self, tenant: TenantContext, resource: Resource) -> dict[str, Recipient]: ...


class UnsubscribeIssuer(Protocol):
    def issue(self, tenant_id: str, user_id: str, kind: NotificationType) -> str: ...


Excerpt = str | dict[str, str] | None
"""What a notification quotes: one text, or one per language (status names, updates)."""

Excerpts = Callable[[TenantContext, DomainEvent], Excerpt]
"""The short text a notification quotes (e.g. the comment), from the domain that owns it."""


def no_excerpt(tenant: TenantContext, event: DomainEvent) -> Excerpt:
    return None


CommentTargets = Callable[[TenantContext, str], "tuple[str, str] | None"]
"""The (target kind, target id) a comment was posted on, or None when it is gone."""


def no_comments(tenant: TenantContext, comment_id: str) -> tuple[str, str] | None:
    return None


class _Data(BaseModel):
    model_config = ConfigDict(extra="ignore")


class _IdeaPublished(_Data):
    idea_id: str
    author_id: str


class _StatusChanged(_Data):
    idea_id: str
    author_id: str | None = None


class _CommentPosted(_Data):
    comment_id: str
    target_kind: str
    target_id: str
    author_id: str
    parent_author_id: str | None = None
    target_owner_id: str | None = None
    mentioned_ids: list[str] = Field(default_factory=list)


class _CommentUpdated(_Data):
    comment_id: str
    target_kind: str
    target_id: str
    author_id: str
    new_mentioned_ids: list[str] = Field(default_factory=list)


class _OfficialUpdate(_Data):
    update_id: str
    target_kind: str
    target_id: str


class _ReportFiled(_Data):
    target_kind: str
    target_id: str
    reporter_id: str


class _IdeaAssigned(_Data):
    idea_id: str
    assignee_id: str | None = None


class _NotePosted(_Data):
    idea_id: str
    author_id: str
    mentioned_ids: list[str] = Field(default_factory=list)


@dataclass
class Plan:
    """Who gets notified about what by one event."""

    kind: str
    target_id: str
    reasons: dict[str, NotificationType] = field(default_factory=dict)
    actor_id: str | None = None
    author_id: str | None = None  # the target's author, included unless they unfollowed
    broadcast: NotificationType | None = None  # followers and author get this type
    team: NotificationType | None = None  # whoever moderates the target's project gets this
    path: str | None = None  # where the notification leads, if not the target's page
    excerpt: Excerpt = None

    def excerpt_for(self, locale: str) -> str | None:
        """The quote in the recipient's language (or the text everyone gets)."""
        text = pick(self.excerpt, locale) if isinstance(self.excerpt, dict) else self.excerpt
        return _clip(text or None, EXCERPT_CHARS)

    def add(self, user_ids: Iterable[str | None], reason: NotificationType) -> None:
        for user_id in user_ids:
            if not user_id:
                continue
            current = self.reasons.get(user_id)
            if current is None or PRIORITY.index(reason) < PRIORITY.index(current):
                self.reasons[user_id] = reason


@dataclass(frozen=True)
class Outcome:
    """What handling one event did (for logs and tests)."""

    followed: tuple[str, ...] = ()
    notified: tuple[str, ...] = ()
    emailed: tuple[str, ...] = ()


def notification_id(event: DomainEvent) -> str:
    """Sortable by time, the same on every delivery of ``event``."""
    at = event.occurred_at
    micros = int(at.replace(tzinfo=at.tzinfo or UTC).timestamp()) * 1_000_000 + at.microsecond
    digest = hashlib.sha256(event.event_id.encode()).hexdigest()[:18]
    return f"{micros:014x}{digest}"


def _email_event_id(event: DomainEvent, user_id: str) -> str:
    return hashlib.sha256(f"{event.event_id}:{user_id}:email".encode()).hexdigest()[:32]


def _clip(text: str | None, limit: int) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Notifier:
    """Handles the notifier consumer's events (see the module docstring)."""

    def __init__(
        self,
        targets: Targets,
        directory: Directory,
        publisher: EventPublisher,
        tokens: UnsubscribeIssuer,
        origin: Callable[[TenantContext], str],
        one_click_path: str,
        excerpts: Excerpts = no_excerpt,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        comments: CommentTargets = no_comments,
    ) -> None:
        self._comments = comments
        self._targets = targets
        self._directory = directory
        self._publisher = publisher
        self._tokens = tokens
        self._origin = origin
        self._one_click_path = one_click_path
        self._excerpts = excerpts
        self._clock = clock

    def handle(self, event: DomainEvent) -> Outcome:
        if event.type not in HANDLED:
            raise ValueError(f"the notifier does not handle {event.type!r}")
        tenant = TenantContext(event.tenant_id, host="")
        repository = NotificationsRepository(tenant)
        followed = self._auto_follow(repository, event)
        plan = self._plan(tenant, event)
        if plan is None:
            return Outcome(followed=followed)
        target = self._targets.find(tenant, plan.kind, plan.target_id)
        if target is None:  # deleted meanwhile (or never visible): nothing to point at
            return Outcome(followed=followed)
        self._add_followers(repository, plan, target)
        if plan.team is not None:
            plan.add(sorted(self._directory.moderators(tenant, target.resource)), plan.team)
        for actor in (event.actor_id, plan.actor_id):
            plan.reasons.pop(actor or "", None)
        recipients = {  # existing people who may see the target (a private project's idea...)
            user_id: recipient
            for user_id, recipient in self._directory.recipients(tenant, plan.reasons).items()
            if can(
                recipient.principal(tenant.tenant_id),
                TEAM_TYPES.get(plan.reasons[user_id], Action.PROJECT_VIEW),
                target.resource,
            )
        }
        if not recipients:
            return Outcome(followed=followed)
        plan.excerpt = self._excerpts(tenant, event)
        notified = self._store(repository, event, plan, target, recipients)
        emailed = self._email(tenant, repository, event, plan, target, recipients)
        return Outcome(followed=followed, notified=notified, emailed=emailed)

    # ---- what an event means -----------------------------------------------------------

    def _auto_follow(
        self, repository: NotificationsRepository, event: DomainEvent
    ) -> tuple[str, ...]:
        if event.type == IDEA_PUBLISHED:
            published = _IdeaPublished.model_validate(event.data)
            who, kind, target_id = published.author_id, IDEA, published.idea_id
        elif event.type == COMMENT_POSTED:
            posted = _CommentPosted.model_validate(event.data)
            who, kind, target_id = posted.author_id, posted.target_kind, posted.target_id
        else:
            return ()
        return (who,) if repository.auto_follow(who, kind, target_id, self._clock()) else ()

    def _plan(self, tenant: TenantContext, event: DomainEvent) -> Plan | None:
        if event.type in (IDEA_PUBLISHED, REPORT_FILED, IDEA_ASSIGNED, NOTE_POSTED):
            return self._team_plan(tenant, event)
        if event.type == COMMENT_POSTED:
            posted = _CommentPosted.model_validate(event.data)
            plan = Plan(posted.target_kind, posted.target_id, actor_id=posted.author_id)
            plan.add(posted.mentioned_ids, NotificationType.MENTION)
            plan.add([posted.parent_author_id], NotificationType.COMMENT_REPLY)
            plan.add([posted.target_owner_id], NotificationType.COMMENT_ON_MY_IDEA)
            return plan
        if event.type == COMMENT_UPDATED:
            updated = _CommentUpdated.model_validate(event.data)
            plan = Plan(updated.target_kind, updated.target_id, actor_id=updated.author_id)
            plan.add(updated.new_mentioned_ids, NotificationType.MENTION)
            return plan
        if event.type == IDEA_STATUS_CHANGED:
            changed = _StatusChanged.model_validate(event.data)
            return Plan(
                IDEA,
                changed.idea_id,
                author_id=changed.author_id,
                broadcast=NotificationType.IDEA_STATUS_CHANGED,
            )
        if event.type == OFFICIAL_UPDATE_POSTED:
            update = _OfficialUpdate.model_validate(event.data)
            return Plan(
                update.target_kind, update.target_id, broadcast=NotificationType.OFFICIAL_UPDATE
            )
        if event.type == PROPOSAL_REACHED:
            reached = _StatusChanged.model_validate(event.data)
            return Plan(
                IDEA,
                reached.idea_id,
                author_id=reached.author_id,
                broadcast=NotificationType.PROPOSAL_REACHED,
                team=NotificationType.PROPOSAL_REACHED,
            )
        return None

    def _team_plan(self, tenant: TenantContext, event: DomainEvent) -> Plan | None:
        """What the back-office team hears of: new ideas and reports, assignments, notes."""
        if event.type == IDEA_PUBLISHED:
            published = _IdeaPublished.model_validate(event.data)
            return Plan(
                IDEA,
                published.idea_id,
                actor_id=published.author_id,
                team=NotificationType.NEW_INPUT,
            )
        if event.type == REPORT_FILED:
            report = _ReportFiled.model_validate(event.data)
            kind, target_id = report.target_kind, report.target_id
            if kind == "comment":  # a comment is shown on the page of what it answers
                parent = self._comments(tenant, target_id)
                if parent is None:
                    return None
                kind, target_id = parent
            return Plan(
                kind,
                target_id,
                actor_id=report.reporter_id,
                team=NotificationType.NEW_REPORT,
                path=MODERATION_PATH,
            )
        if event.type == IDEA_ASSIGNED:
            assigned = _IdeaAssigned.model_validate(event.data)
            plan = Plan(IDEA, assigned.idea_id, actor_id=event.actor_id)
            plan.add([assigned.assignee_id], NotificationType.INPUT_ASSIGNED)
            return plan
        note = _NotePosted.model_validate(event.data)
        plan = Plan(IDEA, note.idea_id, actor_id=note.author_id)
        plan.add(note.mentioned_ids, NotificationType.NOTE_MENTION)
        return plan

    @staticmethod
    def _add_followers(repository: NotificationsRepository, plan: Plan, target: TargetInfo) -> None:
        """Status changes and official updates reach followers and the author."""
        if plan.broadcast is None:
            return
        people = set(repository.followers(plan.kind, plan.target_id))
        author = plan.author_id or target.owner_id
        if author and author not in people:
            choice = repository.get_follow(author, plan.kind, plan.target_id)
            if choice is None or choice.following:  # an explicit unfollow wins
                people.add(author)
        plan.add(sorted(people), plan.broadcast)

    # ---- in-app notifications and emails -----------------------------------------------

    def _store(
        self,
        repository: NotificationsRepository,
        event: DomainEvent,
        plan: Plan,
        target: TargetInfo,
        recipients: Mapping[str, Recipient],
    ) -> tuple[str, ...]:
        """One notification per recipient; a redelivered event adds none."""
        identifier = notification_id(event)
        created = []
        for user_id in sorted(recipients):
            kind = plan.reasons[user_id]
            record = repository.new_notification(
                user_id,
                identifier,
                type=kind.value,
                event_id=event.event_id,
                actor_id=None if kind in UNNAMED_ACTOR_TYPES else plan.actor_id,
                target_kind=target.kind,
                target_id=target.id,
                target_title=dict(target.title),
                target_path=plan.path or target.path,
                excerpt=plan.excerpt_for(recipients[user_id].locale),
                created_at=event.occurred_at,
            )
            if repository.add_notification(record):
                created.append(user_id)
        return tuple(created)

    def _email(
        self,
        tenant: TenantContext,
        repository: NotificationsRepository,
        event: DomainEvent,
        plan: Plan,
        target: TargetInfo,
        recipients: Mapping[str, Recipient],
    ) -> tuple[str, ...]:
        """Ask the mailer for every email the recipients did not turn off.

        Sent again on a redelivery on purpose: the event ids are derived from
        (event, recipient), so the mailer sends each at most once, and an
        email whose request was lost with a failed batch still goes out.
        """
        preferences = repository.preferences_of(recipients)
        actor_name, actor_former = None, False
        if plan.actor_id:
            actor = self._directory.profiles(tenant, [plan.actor_id]).get(plan.actor_id)
            actor_former = actor is not None and actor.former
            actor_name = actor.display_name if actor and not actor_former else None
        origin = self._origin(tenant)
        requests, emailed = [], []
        for user_id, recipient in sorted(recipients.items()):
            kind = plan.reasons[user_id]
            off = preferences.get(user_id)
            if not recipient.email_confirmed or (off is not None and kind.value in off.email_off):
                continue
            token = self._tokens.issue(tenant.tenant_id, user_id, kind)
            city = kind in UNNAMED_ACTOR_TYPES
            params = NotificationParams(
                first_name=recipient.first_name[:80],
                type=kind,
                actor_name=None if city else (actor_name or None),
                actor_former=not city and actor_former,
                target_title=_clip(pick(target.title, recipient.locale), 300) or "",
                excerpt=plan.excerpt_for(recipient.locale),
                link=f"{origin}{plan.path or target.path}",
                unsubscribe_link=f"{origin}/unsubscribe?token={token}",
                one_click_link=f"{origin}{self._one_click_path}?token={token}",
            )
            request = EmailRequested(
                template=MailTemplate.NOTIFICATION,
                to=recipient.email,
                locale=recipient.locale,
                params=params,
            )
            mail = email_requested(tenant.tenant_id, request, actor_id=event.actor_id)
            requests.append(mail.model_copy(update={"event_id": _email_event_id(event, user_id)}))
            emailed.append(user_id)
        if requests:
            self._publisher.publish(*requests)
        return tuple(emailed)
