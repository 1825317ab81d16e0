"""What the input manager needs from other domains, as protocols it is given."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from pynamodb.expressions.condition import Condition

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


@dataclass(frozen=True)
class IndexRead:
    """One Query of an index of the ``ideas`` table, read page by page."""

    index: str
    hash_key: str
    range_condition: Condition | None
    filter_condition: Condition | None
    forward: bool
    page_size: int
    start: dict[str, Any] | None  # the exclusive start key (DynamoDB JSON), or None


@dataclass(frozen=True)
class RawPage:
    """One page of a Query: items in DynamoDB JSON, items read, and where the next starts."""

    items: list[dict[str, Any]]
    scanned: int
    last_key: dict[str, Any] | None


class IndexPages(Protocol):
    """Raw pages of an index Query (``shared.inputs.index_pages.IdeaIndexPages`` fits)."""

    def pages(self, read: IndexRead) -> Iterator[RawPage]: ...
