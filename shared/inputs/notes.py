"""Internal notes on inputs: the team's conversation about an idea, never shown to residents.

Reading and writing need ``INPUT_FEEDBACK`` on the idea's project (moderators,
managers, admins); the author alone edits a note, the author or an admin
deletes it. Mentions name colleagues explicitly (``mentioned_ids``) and must be
team members of the idea's project, as the policy says of each of them;
``ideation.note.posted`` carries them so they are notified (and an edit that
mentions someone new emits ``ideation.note.updated`` with only the new ones).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from shared.errors import FieldIssue, ForbiddenError, NotFoundError, ValidationError
from shared.events import DomainEvent, EventPublisher
from shared.ideation.models import IdeaRecord
from shared.ideation.repository import IdeaRepository
from shared.inputs.assignment import ProjectCache, idea_resource
from shared.inputs.note_records import InternalNoteRecord, NoteRepository, new_note_id
from shared.inputs.ports import TeamDirectory
from shared.inputs.schemas import Note, NoteCreate, NoteList, NotePermissions, NoteUpdate
from shared.permissions import Action, Principal, Resource, authorize, can
from shared.tenancy.context import TenantContext

NOTE_POSTED = "ideation.note.posted"
NOTE_UPDATED = "ideation.note.updated"


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class _Target:
    record: IdeaRecord
    resource: Resource


class NoteService:
    """Internal notes of ideas, for one deployment."""

    def __init__(
        self,
        team: TeamDirectory,
        publisher: EventPublisher,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self._team = team
        self._publisher = publisher
        self._clock = clock

    # ---- reading ------------------------------------------------------------------------

    def _target(self, tenant: TenantContext, principal: Principal, idea_id: str) -> _Target:
        record = IdeaRepository(tenant).get(idea_id)
        project = ProjectCache(tenant).get(record.project_id) if record else None
        if record is None or project is None:
            raise NotFoundError()
        resource = idea_resource(tenant, project, record)
        if not can(principal, Action.INPUT_FEEDBACK, resource) and principal.is_authenticated:
            # Residents (and other projects' team) learn nothing about notes.
            raise NotFoundError()
        authorize(principal, Action.INPUT_FEEDBACK, resource)
        return _Target(record, resource)

    def list_notes(self, tenant: TenantContext, principal: Principal, idea_id: str) -> NoteList:
        """Every note on the idea, oldest first."""
        self._target(tenant, principal, idea_id)
        records = NoteRepository(tenant).notes(idea_id)
        return NoteList(items=self._present(tenant, principal, records))

    def _present(
        self, tenant: TenantContext, principal: Principal, records: list[InternalNoteRecord]
    ) -> list[Note]:
        people = {r.author_id for r in records} | {i for r in records for i in r.mentioned_ids}
        profiles = self._team.profiles(tenant, people)
        return [
            Note(
                id=r.note_id,
                idea_id=r.idea_id,
                body=r.body,
                author=profiles[r.author_id],
                mentioned=[profiles[i] for i in r.mentioned_ids],
                created_at=r.created_at,
                updated_at=r.updated_at,
                permissions=NotePermissions(
                    edit=r.author_id == principal.user_id,
                    delete=r.author_id == principal.user_id or principal.is_admin,
                ),
            )
            for r in records
        ]

    # ---- writing ------------------------------------------------------------------------

    def _check_mentions(self, tenant: TenantContext, target: _Target, ids: list[str]) -> None:
        wanted = list(dict.fromkeys(ids))
        found = self._team.recipients(tenant, wanted)
        strangers = [
            i
            for i in wanted
            if i not in found
            or not can(found[i].principal(tenant.tenant_id), Action.INPUT_FEEDBACK, target.resource)
        ]
        if strangers:
            raise ValidationError(
                issues=[
                    FieldIssue(
                        "mentioned_ids",
                        "not_a_team_member",
                        "Mention only colleagues who work on this project "
                        "(its moderators, managers and the admins).",
                    )
                ],
                extra={"not_team_members": strangers},
            )

    def post_note(
        self, tenant: TenantContext, principal: Principal, idea_id: str, body: NoteCreate
    ) -> Note:
        """Add a note to an idea, mentioning colleagues of its project."""
        target = self._target(tenant, principal, idea_id)
        mentioned = list(dict.fromkeys(body.mentioned_ids))
        self._check_mentions(tenant, target, mentioned)
        assert principal.user_id is not None  # INPUT_FEEDBACK needs a signed-in team member
        now = self._clock()
        repository = NoteRepository(tenant)
        note_id = new_note_id(now)
        record = InternalNoteRecord(
            repository.pk(idea_id),
            "NOTE#" + note_id,
            note_id=note_id,
            idea_id=idea_id,
            project_id=target.record.project_id,
            author_id=principal.user_id,
            body=body.body.strip(),
            mentioned_ids=mentioned,
            created_at=now,
            updated_at=now,
        )
        repository.create(record)
        self._emit(tenant, principal, NOTE_POSTED, record, mentioned)
        return self._present(tenant, principal, [record])[0]

    def _own_note(
        self, tenant: TenantContext, principal: Principal, idea_id: str, note_id: str
    ) -> tuple[_Target, InternalNoteRecord]:
        target = self._target(tenant, principal, idea_id)
        record = NoteRepository(tenant).get(idea_id, note_id)
        if record is None:
            raise NotFoundError()
        return target, record

    def edit_note(
        self,
        tenant: TenantContext,
        principal: Principal,
        idea_id: str,
        note_id: str,
        body: NoteUpdate,
    ) -> Note:
        """Change one's own note; newly mentioned colleagues are notified."""
        target, record = self._own_note(tenant, principal, idea_id, note_id)
        if record.author_id != principal.user_id:
            raise ForbiddenError(code="not_owner", extra={"action": "note.edit"})
        mentioned = list(dict.fromkeys(body.mentioned_ids))
        added = [i for i in mentioned if i not in record.mentioned_ids]
        self._check_mentions(tenant, target, added)
        record.body = body.body.strip()
        record.mentioned_ids = mentioned
        record.updated_at = self._clock()
        if not NoteRepository(tenant).save(record):
            raise NotFoundError()
        if added:
            self._emit(tenant, principal, NOTE_UPDATED, record, added)
        return self._present(tenant, principal, [record])[0]

    def delete_note(
        self, tenant: TenantContext, principal: Principal, idea_id: str, note_id: str
    ) -> None:
        """Remove a note (its author, or an admin)."""
        _, record = self._own_note(tenant, principal, idea_id, note_id)
        if record.author_id != principal.user_id and not principal.is_admin:
            raise ForbiddenError(code="not_owner", extra={"action": "note.delete"})
        if not NoteRepository(tenant).delete(record):
            raise NotFoundError()

    def _emit(
        self,
        tenant: TenantContext,
        principal: Principal,
        type_: str,
        record: InternalNoteRecord,
        mentioned: list[str],
    ) -> None:
        self._publisher.publish(
            DomainEvent(
                type=type_,
                tenant_id=tenant.tenant_id,
                actor_id=principal.user_id,
                data={
                    "note_id": record.note_id,
                    "idea_id": record.idea_id,
                    "project_id": record.project_id,
                    "author_id": record.author_id,
                    "mentioned_ids": mentioned,
                },
            )
        )
