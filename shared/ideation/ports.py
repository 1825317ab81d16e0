"""What the ideas domain needs from the outside, as protocols it can be given."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from shared.identity.directory import PublicProfile
from shared.permissions import Principal
from shared.tenancy.context import TenantContext
from shared.uploads import StoredFile, UploadPurpose


class ReactionReader(Protocol):
    """The viewer's reactions in a phase (implemented by the reactions module).

    ``state`` returns ``({idea_id: "like" | "dislike"}, likes_left)`` for the
    ideas asked about (ideas without a reaction are absent); ``likes_left`` is
    ``max_likes`` minus the likes the resident gave in the phase, or ``None``
    when the phase sets no limit (``max_likes is None``).
    """

    def state(
        self,
        tenant: TenantContext,
        user_id: str | None,
        phase_id: str,
        idea_ids: Iterable[str],
        max_likes: int | None = None,
    ) -> tuple[Mapping[str, str], int | None]: ...


class NoReactions:
    """A reader for processes without reactions: nobody has reacted, no limit is used."""

    def state(
        self,
        tenant: TenantContext,
        user_id: str | None,
        phase_id: str,
        idea_ids: Iterable[str],
        max_likes: int | None = None,
    ) -> tuple[Mapping[str, str], int | None]:
        return {}, max_likes


class FileStore(Protocol):
    """Confirmed uploads and their links (``shared.uploads.UploadService`` fits)."""

    def confirm(
        self, tenant: TenantContext, principal: Principal, key: str, purpose: UploadPurpose
    ) -> StoredFile: ...

    def download_url(self, key: str, filename: str | None = None) -> str: ...

    def delete(self, key: str) -> None: ...


class Profiles(Protocol):
    """Public profiles of authors (``shared.identity.directory.UserDirectory`` fits)."""

    def profiles(self, tenant: TenantContext, ids: Iterable[str]) -> dict[str, PublicProfile]: ...
