"""Ideation's personal data: a resident's ideas and reactions (see ``shared.privacy``).

Erasure goes the way residents' own actions go, with the same events, so the
workers recount and reconcile agrees: a deleted idea is removed (its files
with it) and announced ``ideation.idea.deleted``; a kept one loses its author,
images and attachments and is announced ``ideation.idea.updated`` (search,
moderation queue); every reaction is withdrawn from the ballot (a versioned
change) and announced ``ideation.reaction.changed``.
"""

from __future__ import annotations

from typing import Any

from shared.events import DomainEvent
from shared.ideation.counters import ideation_phases
from shared.ideation.models import IdeaRecord
from shared.ideation.reaction_records import ReactionKind, ReactionRepository
from shared.ideation.reactions import REACTION_CHANGED
from shared.ideation.repository import IdeaRepository
from shared.ideation.service import DELETED, UPDATED
from shared.identity.directory import FORMER_RESIDENT
from shared.privacy.providers import (
    CONTRIBUTIONS,
    ErasureMode,
    Items,
    PersonalFile,
    ProviderBase,
    personal_data_provider,
    upload_path,
)
from shared.tenancy.context import TenantContext


def idea_item(record: IdeaRecord) -> dict[str, Any]:
    """An idea as its author wrote it (no counts: those are other people's reactions)."""
    located = record.lat is not None and record.lng is not None
    return {
        "id": record.idea_id,
        "project_id": record.project_id,
        "phase_id": record.phase_id,
        "title": dict(record.title or {}),
        "body": dict(record.body or {}),
        "topic_ids": sorted(record.topic_ids or ()),
        "location": (
            {"lat": float(record.lat), "lng": float(record.lng), "address": record.address}
            if located
            else None
        ),
        "custom_fields": dict(record.custom_fields or {}),
        "status_id": record.status_id,
        "images": [upload_path(i["key"]) for i in record.images or [] if i.get("key")],
        "attachments": [
            {"name": a.get("name"), "file": upload_path(a["key"])}
            for a in record.attachments or []
            if a.get("key")
        ],
        "created_at": record.created_at,
        "updated_at": record.updated_at,
    }


def _files(record: IdeaRecord) -> list[str]:
    keys = []
    for item in [*(record.images or []), *(record.attachments or [])]:
        keys += [item[name] for name in ("key", "thumbnail_key", "medium_key") if item.get(name)]
    return keys


@personal_data_provider("ideation")
class IdeationData(ProviderBase):
    name = "ideation"
    kinds = ("ideas", "reactions")
    stage = CONTRIBUTIONS

    def export(self, tenant: TenantContext, user_id: str) -> dict[str, Items]:
        ideas = [idea_item(r) for r in IdeaRepository(tenant).by_author(user_id)]
        reactions: Items = []
        repository = ReactionRepository(tenant)
        for place in ideation_phases(tenant):
            ballot = repository.ballot(place.phase_id, user_id)
            for kind, ids in (
                (ReactionKind.LIKE, ballot.likes),
                (ReactionKind.DISLIKE, ballot.dislikes),
            ):
                reactions += [
                    {
                        "project_id": place.project_id,
                        "phase_id": place.phase_id,
                        "idea_id": i,
                        "reaction": kind.value,
                    }
                    for i in sorted(ids)
                ]
        return {"ideas": ideas, "reactions": reactions}

    def files(self, tenant: TenantContext, user_id: str) -> list[PersonalFile]:
        return []  # the uploads provider copies every file of the person once

    def _emit(self, tenant: TenantContext, actor: str, type_: str, **data: Any) -> None:
        self._tools.publisher.publish(
            DomainEvent(type=type_, tenant_id=tenant.tenant_id, data=data, actor_id=actor)
        )

    def erase(self, tenant: TenantContext, user_id: str, mode: ErasureMode) -> None:
        repository = IdeaRepository(tenant)
        for record in repository.by_author(user_id):
            files = _files(record)
            if mode is ErasureMode.DELETE:
                done, type_ = repository.delete(record), DELETED
            else:
                done, type_ = repository.anonymise(record, self._tools.clock()), UPDATED
                record.author_id = FORMER_RESIDENT
            for key in files:
                self._tools.uploads.erase(key)
            if done:
                self._emit(
                    tenant,
                    user_id,
                    type_,
                    idea_id=record.idea_id,
                    project_id=record.project_id,
                    phase_id=record.phase_id,
                    author_id=record.author_id,
                )
        self._withdraw_reactions(tenant, user_id)

    def _withdraw_reactions(self, tenant: TenantContext, user_id: str) -> None:
        reactions = ReactionRepository(tenant)
        for place in ideation_phases(tenant):
            ballot = reactions.ballot(place.phase_id, user_id)
            given = [(i, ReactionKind.LIKE) for i in ballot.likes]
            given += [(i, ReactionKind.DISLIKE) for i in ballot.dislikes]
            for idea_id, kind in sorted(given):
                if reactions.change(place.phase_id, user_id, idea_id, kind, None, None):
                    self._emit(
                        tenant,
                        user_id,
                        REACTION_CHANGED,
                        idea_id=idea_id,
                        phase_id=place.phase_id,
                        user_id=user_id,
                        kind=None,
                    )
