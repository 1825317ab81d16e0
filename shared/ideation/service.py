"""The ideas service: posting, reading, editing, deleting ideas and setting their status.

Each method takes the tenant and the acting principal first, loads the idea's
project and phase, asks :mod:`shared.permissions` and only then reads or
writes through the repositories; events follow successful writes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from shared.errors import FieldIssue, NotFoundError, ValidationError
from shared.events import DomainEvent, EventPublisher
from shared.html import html_to_text
from shared.ideation.content import CheckedContent, Draft, check_content
from shared.ideation.input_forms import InputFormRepository
from shared.ideation.listing import IdeaListing
from shared.ideation.models import IdeaRecord
from shared.ideation.phases import PhaseContext, PlatformRules, load_phase
from shared.ideation.ports import FileStore, NoReactions, Profiles, ReactionReader
from shared.ideation.presenters import IdeaPresenter
from shared.ideation.repository import IDEA_SK, IdeaRepository
from shared.ideation.schemas import (
    Idea,
    IdeaCreate,
    IdeaModeration,
    IdeaPermissions,
    IdeaUpdate,
    Location,
    Permission,
    StatusChange,
)
from shared.ideation.statuses import StatusService
from shared.participation.methods.ideation import IdeationConfig
from shared.participation.methods.inputs import InputConfig
from shared.participation.screening import NoScreening, TextScreen
from shared.participation.targets import TargetInfo
from shared.permissions import Action, PhaseFacts, Principal, Resource, authorize, can
from shared.tenancy.context import TenantContext

PUBLISHED = "ideation.idea.published"
UPDATED = "ideation.idea.updated"
DELETED = "ideation.idea.deleted"
STATUS_CHANGED = "ideation.idea.status_changed"


def _utcnow() -> datetime:
    return datetime.now(UTC)


class NotIdeationPhaseError(NotFoundError):
    code = "not_an_ideation_phase"
    title = "This phase does not collect ideas."


@dataclass(frozen=True)
class LoadedIdea:
    """An idea with its phase: what reactions and feedback need to decide and act."""

    record: IdeaRecord
    context: PhaseContext

    @property
    def config(self) -> InputConfig:
        return self.context.config or IdeationConfig(
            posting_enabled=False, commenting_enabled=False, reacting_enabled=False
        )

    @property
    def resource(self) -> Resource:
        return self.context.input_resource(self.record)


def _permission(principal: Principal, action: Action, resource: Resource) -> Permission:
    decision = can(principal, action, resource)
    return Permission.of(decision)


class IdeaService(IdeaListing):
    """Ideas of every tenant, for one deployment.

    Construct once per process with the file store (uploads), the event
    publisher, the author directory and the reactions reader; ``clock``
    decides "now" and the day phases are open on.
    """

    def __init__(
        self,
        files: FileStore,
        publisher: EventPublisher,
        profiles: Profiles,
        reactions: ReactionReader | None = None,
        clock: Callable[[], datetime] = _utcnow,
        screen: TextScreen | None = None,
        platform: PlatformRules | None = None,
    ) -> None:
        self._screen: TextScreen = screen or NoScreening()
        self._platform = platform
        self._files = files
        self._publisher = publisher
        self._profiles = profiles
        self._reactions: ReactionReader = reactions or NoReactions()
        self._clock = clock
        self._statuses = StatusService()

    def use_reactions(self, reactions: ReactionReader) -> None:
        """Attach the reactions reader (wired after both services exist)."""
        self._reactions = reactions

    # ---- loading ----------------------------------------------------------------------

    def _phase(self, tenant: TenantContext, project_ref: str, phase_id: str) -> PhaseContext:
        return load_phase(tenant, project_ref, phase_id, self._clock().date(), self._platform)

    def phase_context(
        self, tenant: TenantContext, principal: Principal, project_ref: str, phase_id: str
    ) -> PhaseContext:
        """A visible phase collecting inputs (404 for hidden projects and other methods)."""
        context = self._phase(tenant, project_ref, phase_id)
        authorize(principal, Action.PROJECT_VIEW, context.resource())
        if context.config is None:
            raise NotIdeationPhaseError()
        return context

    def _load(self, tenant: TenantContext, principal: Principal, idea_id: str) -> LoadedIdea:
        record = IdeaRepository(tenant).get(idea_id)
        if record is None:
            raise NotFoundError()
        context = self._phase(tenant, record.project_id, record.phase_id)
        authorize(principal, Action.PROJECT_VIEW, context.resource())
        if record.hidden_reason is not None and not self._sees_hidden(
            principal, context.input_resource(record)
        ):
            raise NotFoundError()  # hidden by moderation: only its author and team see it
        return LoadedIdea(record, context)

    def load_for_reaction(
        self, tenant: TenantContext, principal: Principal, idea_id: str
    ) -> LoadedIdea:
        """The idea, its phase's ideation settings and policy facts (404 if not visible)."""
        return self._load(tenant, principal, idea_id)

    def target_info(self, tenant: TenantContext, idea_id: str) -> TargetInfo | None:
        """The idea as a comment/follow/notification target, or None if it does not exist."""
        record = IdeaRepository(tenant).get(idea_id)
        if record is None:
            return None
        try:
            context = self._phase(tenant, record.project_id, record.phase_id)
        except NotFoundError:
            return None
        return TargetInfo(
            kind="idea",
            id=record.idea_id,
            resource=self._moderated(context.input_resource(record), record),
            title=record.title,
            path=f"/ideas/{record.idea_id}",
        )

    # ---- presenting -------------------------------------------------------------------

    def _present(self, tenant: TenantContext, principal: Principal, loaded: LoadedIdea) -> Idea:
        record, config = loaded.record, loaded.config
        mine, likes_left = self._reactions.state(
            tenant,
            principal.user_id,
            record.phase_id,
            [record.idea_id],
            config.max_likes_per_resident,
        )
        presenter = IdeaPresenter(
            self._files,
            self._profiles.profiles(tenant, [record.author_id]),
            self._statuses.by_id(tenant),
            mine,
        )
        resource = loaded.resource
        permissions = IdeaPermissions(
            edit=_permission(principal, Action.INPUT_EDIT, resource),
            delete=_permission(principal, Action.INPUT_DELETE, resource),
            react=_permission(principal, Action.INPUT_REACT, resource),
            comment=_permission(principal, Action.COMMENT_POST, resource),
            feedback=_permission(principal, Action.INPUT_FEEDBACK, resource),
        )
        idea = presenter.idea(record, permissions, likes_left, loaded.context.proposal(record))
        if record.hidden_reason is not None:
            idea.moderation = IdeaModeration(state="hidden", reason=record.hidden_reason)
        return idea

    def get(self, tenant: TenantContext, principal: Principal, idea_id: str) -> Idea:
        return self._present(tenant, principal, self._load(tenant, principal, idea_id))

    # ---- writing ----------------------------------------------------------------------

    def _emit(self, tenant: TenantContext, principal: Principal, type_: str, **data: Any) -> None:
        self._publisher.publish(
            DomainEvent(
                type=type_, tenant_id=tenant.tenant_id, data=data, actor_id=principal.user_id
            )
        )

    def _event_data(self, record: IdeaRecord) -> dict[str, Any]:
        return {
            "idea_id": record.idea_id,
            "project_id": record.project_id,
            "phase_id": record.phase_id,
            "author_id": record.author_id,
        }

    @staticmethod
    def _apply(record: IdeaRecord, content: CheckedContent) -> list[str]:
        """Copy checked content onto the record; return the attribute names it sets."""
        record.body = content.body
        record.topic_ids = set(content.topic_ids) or None
        location = content.location
        record.lat = location.lat if location else None
        record.lng = location.lng if location else None
        record.address = location.address if location else None
        record.images = content.images
        record.attachments = content.attachments
        changed = ["body", "topic_ids", "lat", "lng", "address", "images", "attachments"]
        if content.custom_fields is not None:
            record.custom_fields = content.custom_fields
            changed.append("custom_fields")
        return changed

    def create(
        self,
        tenant: TenantContext,
        principal: Principal,
        project_ref: str,
        phase_id: str,
        body: IdeaCreate,
        locale: str,
    ) -> Idea:
        """Post an idea in an open ideation phase that accepts ideas (INPUT_POST)."""
        context = self.phase_context(tenant, principal, project_ref, phase_id)
        authorize(principal, Action.INPUT_POST, context.resource())
        form = InputFormRepository(tenant).get(context.project.project_id)
        draft = Draft(
            title=body.title,
            body=body.body or {},
            topic_ids=body.topic_ids,
            location=body.location,
            image_keys=body.image_keys,
            attachment_keys=body.attachment_keys,
            custom_fields=body.custom_fields,
        )
        content = check_content(self._files, tenant, principal, form, draft, locale)
        self._screen_text(tenant, body.title, content.body)
        repo = IdeaRepository(tenant)
        now = self._clock()
        idea_id = uuid.uuid4().hex
        assert principal.user_id is not None  # INPUT_POST needs a signed-in resident
        record = IdeaRecord(
            repo.idea_pk(idea_id),
            IDEA_SK,
            idea_id=idea_id,
            project_id=context.project.project_id,
            phase_id=phase_id,
            author_id=principal.user_id,
            title=body.title,
            created_at=now,
            updated_at=now,
            likes=0,
            dislikes=0,
            comments=0,
        )
        self._apply(record, content)
        repo.create(record)
        self._emit(tenant, principal, PUBLISHED, **self._event_data(record))
        return self._present(tenant, principal, LoadedIdea(record, context))

    def update(
        self,
        tenant: TenantContext,
        principal: Principal,
        idea_id: str,
        body: IdeaUpdate,
        locale: str,
    ) -> Idea:
        """Change an idea (authors while the phase allows posting; managers always)."""
        loaded = self._load(tenant, principal, idea_id)
        record = loaded.record
        authorize(principal, Action.INPUT_EDIT, loaded.resource)
        sent = body.model_fields_set
        location = None
        if record.lat is not None or record.address:
            location = Location(
                lat=None if record.lat is None else float(record.lat),
                lng=None if record.lng is None else float(record.lng),
                address=record.address,
            )
        images = {i["key"]: i for i in record.images or []}
        attachments = {a["key"]: a for a in record.attachments or []}
        draft = Draft(
            title=body.title or record.title,
            body=body.body if body.body is not None else record.body or {},
            topic_ids=body.topic_ids
            if body.topic_ids is not None
            else sorted(record.topic_ids or ()),
            location=body.location if "location" in sent else location,
            image_keys=body.image_keys if body.image_keys is not None else list(images),
            attachment_keys=body.attachment_keys
            if body.attachment_keys is not None
            else list(attachments),
            custom_fields=body.custom_fields,
            known_images=images,
            known_attachments=attachments,
        )
        form = InputFormRepository(tenant).get(record.project_id)
        content = check_content(self._files, tenant, principal, form, draft, locale)
        self._screen_text(
            tenant,
            body.title if "title" in sent else None,
            content.body if body.body is not None else None,
        )
        record.title = draft.title
        changed = ["title", *self._apply(record, content)]
        if not IdeaRepository(tenant).update(record, changed, self._clock()):
            raise NotFoundError()
        kept = {i["key"] for i in content.images} | {a["key"] for a in content.attachments}
        self._delete_files(
            [i for k, i in images.items() if k not in kept]
            + [a for k, a in attachments.items() if k not in kept]
        )
        self._emit(tenant, principal, UPDATED, **self._event_data(record))
        return self._present(tenant, principal, LoadedIdea(record, loaded.context))

    def _screen_text(
        self, tenant: TenantContext, title: dict[str, str] | None, body: dict[str, str] | None
    ) -> None:
        """Ask the screen (profanity filter) about the title and the body's text."""
        fields = {f"title.{locale}": text for locale, text in (title or {}).items()}
        fields.update({f"body.{locale}": html_to_text(h) for locale, h in (body or {}).items()})
        self._screen.screen(tenant, fields)

    def _delete_files(self, files: list[dict[str, Any]]) -> None:
        for item in files:
            for name in ("key", "thumbnail_key", "medium_key"):
                if item.get(name):
                    self._files.delete(item[name])

    def delete(self, tenant: TenantContext, principal: Principal, idea_id: str) -> None:
        """Delete an idea and its files; its search words go with the worker's next run."""
        loaded = self._load(tenant, principal, idea_id)
        authorize(principal, Action.INPUT_DELETE, loaded.resource)
        record = loaded.record
        if not IdeaRepository(tenant).delete(record):
            raise NotFoundError()
        self._delete_files([*(record.images or []), *(record.attachments or [])])
        self._emit(tenant, principal, DELETED, **self._event_data(record))

    def set_status(
        self, tenant: TenantContext, principal: Principal, idea_id: str, body: StatusChange
    ) -> Idea:
        """Give an idea one of the platform's statuses (moderators and managers)."""
        loaded = self._load(tenant, principal, idea_id)
        authorize(principal, Action.INPUT_FEEDBACK, loaded.resource)
        record = loaded.record
        if body.status_id not in self._statuses.by_id(tenant):
            raise ValidationError(
                issues=[
                    FieldIssue("status_id", "unknown_status", "Choose one of the idea statuses.")
                ]
            )
        previous = record.status_id
        if previous != body.status_id:
            record.status_id = body.status_id
            if not IdeaRepository(tenant).update(record, ["status_id"], self._clock()):
                raise NotFoundError()
            self._emit(
                tenant,
                principal,
                STATUS_CHANGED,
                idea_id=record.idea_id,
                project_id=record.project_id,
                author_id=record.author_id,
                status_id=body.status_id,
                previous_status_id=previous,
            )
        return self._present(tenant, principal, loaded)

    # ---- moderation -------------------------------------------------------------------

    @staticmethod
    def _sees_hidden(principal: Principal, resource: Resource) -> bool:
        """A hidden idea stays visible to its author and to its project's moderators."""
        owner = principal.user_id is not None and principal.user_id == resource.owner_id
        return owner or bool(can(principal, Action.MODERATE, resource))

    def delete_as_moderator(
        self, tenant: TenantContext, principal: Principal, idea_id: str
    ) -> None:
        """Delete an idea as its moderator (MODERATE): the same clean-up and event as ``delete``."""
        loaded = self._load(tenant, principal, idea_id)
        authorize(principal, Action.MODERATE, loaded.resource)
        record = loaded.record
        if not IdeaRepository(tenant).delete(record):
            raise NotFoundError()
        self._delete_files([*(record.images or []), *(record.attachments or [])])
        self._emit(tenant, principal, DELETED, **self._event_data(record))

    @staticmethod
    def _moderated(resource: Resource, record: IdeaRecord) -> Resource:
        """A hidden idea takes no new comments or comment likes (as if its phase had closed)."""
        if record.hidden_reason is None:
            return resource
        return replace(resource, phase=PhaseFacts(open=False))
