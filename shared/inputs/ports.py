"""What the input manager needs from other domains, as protocols it is given."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from shared.discussion.schemas import OfficialUpdate, OfficialUpdateCreate
from shared.ideation.schemas import Idea, StatusChange
from shared.identity.directory import PublicProfile, Recipient
from shared.permissions import Principal
from shared.tenancy.context import TenantContext


class TeamDirectory(Protocol):
    """People of a platform (``shared.identity.directory.UserDirectory`` fits)."""

    def profiles(self, tenant: TenantContext, ids: Iterable[str]) -> dict[str, PublicProfile]: ...

    def recipients(self, tenant: TenantContext, ids: Iterable[str]) -> dict[str, Recipient]: ...

    def team(self, tenant: TenantContext) -> Mapping[str, Recipient]: ...


class StatusSetter(Protocol):
    """Sets one idea's status with its rules and events (``IdeaService`` fits)."""

    def set_status(
        self, tenant: TenantContext, principal: Principal, idea_id: str, body: StatusChange
    ) -> Idea: ...


class UpdatePoster(Protocol):
    """Posts an official update with its rules and events (``OfficialUpdateService`` fits)."""

    def post_update(
        self,
        tenant: TenantContext,
        principal: Principal,
        kind: str,
        target_id: str,
        body: OfficialUpdateCreate,
    ) -> OfficialUpdate: ...


class FileCopier(Protocol):
    """Copies an uploaded file to a new key of the same platform; returns the new key."""

    def copy(self, key: str) -> str: ...


class WordSearch(Protocol):
    """Ids of a phase's ideas matching every query word (``SearchIndex`` fits)."""

    def search(self, tenant: TenantContext, phase_id: str, query_words: list[str]) -> set[str]: ...
