"""Idea records to API shapes: signed file links, author profiles, statuses, excerpts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from shared.html import html_to_text
from shared.ideation.models import IdeaRecord
from shared.ideation.ports import FileStore
from shared.ideation.schemas import (
    Idea,
    IdeaAttachment,
    IdeaCard,
    IdeaImage,
    IdeaLocation,
    IdeaPermissions,
    IdeaStatus,
)
from shared.identity.directory import PublicProfile, former_profile
from shared.participation.methods.proposals import ProposalProgress

EXCERPT_CHARS = 200


def excerpt(body: dict[str, str]) -> dict[str, str]:
    out = {}
    for locale, html in body.items():
        text = html_to_text(html)
        out[locale] = text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"
    return out


class IdeaPresenter:
    """Shapes ideas for one request, given the profiles, statuses and reactions it loaded."""

    def __init__(
        self,
        files: FileStore,
        profiles: Mapping[str, PublicProfile],
        statuses: Mapping[str, IdeaStatus],
        reactions: Mapping[str, str],
    ) -> None:
        self._files = files
        self._profiles = profiles
        self._statuses = statuses
        self._reactions = reactions

    def _author(self, user_id: str) -> PublicProfile:
        return self._profiles.get(user_id) or former_profile(user_id)

    def image(self, image: dict[str, Any]) -> IdeaImage:
        original = self._files.download_url(image["key"])
        medium = image.get("medium_key")
        thumbnail = image.get("thumbnail_key")
        return IdeaImage(
            key=image["key"],
            url=self._files.download_url(medium) if medium else original,
            thumbnail_url=self._files.download_url(thumbnail) if thumbnail else original,
        )

    def _location(self, record: IdeaRecord) -> IdeaLocation | None:
        pinned = record.lat is not None and record.lng is not None
        if not pinned and not record.address:
            return None
        return IdeaLocation(
            lat=float(record.lat) if pinned else None,
            lng=float(record.lng) if pinned else None,
            address=record.address,
        )

    def idea(
        self,
        record: IdeaRecord,
        permissions: IdeaPermissions,
        likes_left: int | None,
        proposal: ProposalProgress | None = None,
    ) -> Idea:
        return Idea(
            id=record.idea_id,
            project_id=record.project_id,
            phase_id=record.phase_id,
            title=record.title,
            body=record.body or {},
            topic_ids=sorted(record.topic_ids or ()),
            location=self._location(record),
            images=[self.image(i) for i in record.images or []],
            attachments=[
                IdeaAttachment(
                    key=a["key"],
                    name=a["name"],
                    size=int(a["size"]),
                    url=self._files.download_url(a["key"], a["name"]),
                )
                for a in record.attachments or []
            ],
            custom_fields=record.custom_fields or {},
            author=self._author(record.author_id),
            status=self._statuses.get(record.status_id) if record.status_id else None,
            likes=int(record.likes or 0),
            dislikes=int(record.dislikes or 0),
            comments=int(record.comments or 0),
            my_reaction=self._reactions.get(record.idea_id),
            likes_left=likes_left,
            created_at=record.created_at,
            updated_at=record.updated_at,
            permissions=permissions,
            proposal=proposal,
        )

    def card(self, record: IdeaRecord, proposal: ProposalProgress | None = None) -> IdeaCard:
        images = record.images or []
        return IdeaCard(
            id=record.idea_id,
            title=record.title,
            excerpt=excerpt(record.body or {}),
            topic_ids=sorted(record.topic_ids or ()),
            image=self.image(images[0]) if images else None,
            author=self._author(record.author_id),
            status=self._statuses.get(record.status_id) if record.status_id else None,
            likes=int(record.likes or 0),
            dislikes=int(record.dislikes or 0),
            comments=int(record.comments or 0),
            my_reaction=self._reactions.get(record.idea_id),
            has_location=record.lat is not None and record.lng is not None,
            created_at=record.created_at,
            proposal=proposal,
        )
