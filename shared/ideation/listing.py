"""Reading a phase's ideas: sorted, filtered and searched pages, and the map's pins.

Without a search, a page is one Query on the index of the chosen order (see
``models``), filtered by topic and status. With a search, the matching ids
come from the word index, the ideas are read in batches, ordered by the same
sort keys in memory and paged by offset (a search matches at most
``search.MAX_MATCHES`` ideas).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable

from shared.db.pagination import Page, decode_cursor, encode_cursor
from shared.errors import FieldIssue, ValidationError
from shared.ideation import ranking
from shared.ideation.models import IdeaRecord
from shared.ideation.phases import PhaseContext
from shared.ideation.ports import FileStore, Profiles, ReactionReader
from shared.ideation.presenters import IdeaPresenter
from shared.ideation.repository import IdeaFilter, IdeaRepository
from shared.ideation.schemas import (
    IdeaCard,
    IdeaFilterQuery,
    IdeaListQuery,
    IdeaPin,
    IdeaPins,
    IdeaSort,
)
from shared.ideation.search import SearchIndex
from shared.ideation.statuses import StatusService
from shared.ideation.text import query_words
from shared.permissions import Principal
from shared.tenancy.context import TenantContext


def _bad_cursor() -> ValidationError:
    return ValidationError(
        issues=[FieldIssue("cursor", "invalid_cursor", "This page link is not valid any more.")]
    )


_SORT_KEYS: dict[IdeaSort, Callable[[IdeaRecord], str]] = {
    IdeaSort.NEWEST: lambda r: r.gsi1sk or "",
    IdeaSort.MOST_LIKED: lambda r: r.gsi2sk or "",
    IdeaSort.TRENDING: lambda r: r.gsi3sk or "",
}


def ordered(records: list[IdeaRecord], sort: IdeaSort, seed: str) -> list[IdeaRecord]:
    """``records`` in the order the index of ``sort`` would page them (search results)."""
    if sort is IdeaSort.RANDOM:
        return ranking.shuffled(records, lambda r: r.gsi4sk or "", seed)
    return sorted(records, key=_SORT_KEYS[sort], reverse=True)


class IdeaListing(ABC):
    """List and pin operations of :class:`~shared.ideation.service.IdeaService`."""

    _files: FileStore
    _profiles: Profiles
    _reactions: ReactionReader
    _statuses: StatusService
    _search = SearchIndex()

    @abstractmethod
    def phase_context(
        self, tenant: TenantContext, principal: Principal, project_ref: str, phase_id: str
    ) -> PhaseContext:
        """A visible ideation phase (the service decides how it is loaded and checked)."""

    def _cards(
        self,
        tenant: TenantContext,
        principal: Principal,
        context: PhaseContext,
        records: list[IdeaRecord],
    ) -> list[IdeaCard]:
        config = context.config
        mine, _ = self._reactions.state(
            tenant,
            principal.user_id,
            context.phase.phase_id,
            [r.idea_id for r in records],
            config.max_likes_per_resident if config else None,
        )
        presenter = IdeaPresenter(
            self._files,
            self._profiles.profiles(tenant, {r.author_id for r in records}),
            self._statuses.by_id(tenant),
            mine,
        )
        return [presenter.card(r, context.proposal(r)) for r in records]

    def list_ideas(
        self,
        tenant: TenantContext,
        principal: Principal,
        project_ref: str,
        phase_id: str,
        query: IdeaListQuery,
    ) -> Page[IdeaCard]:
        """A page of a phase's ideas; ``random`` is stable for one ``seed``."""
        context = self.phase_context(tenant, principal, project_ref, phase_id)
        where = IdeaFilter(topic_id=query.topic, status_id=query.status)
        seed = query.seed or ""
        words = query_words(query.q or "")
        if words:
            records, cursor = self._searched(tenant, phase_id, words, query, where, seed)
        else:
            records, cursor = IdeaRepository(tenant).page(
                phase_id, query.sort, where, query.cursor, query.limit, seed
            )
        return Page[IdeaCard](
            items=self._cards(tenant, principal, context, records), next_cursor=cursor
        )

    def _searched(
        self,
        tenant: TenantContext,
        phase_id: str,
        words: list[str],
        query: IdeaListQuery,
        where: IdeaFilter,
        seed: str,
    ) -> tuple[list[IdeaRecord], str | None]:
        offset = 0
        start = decode_cursor(query.cursor, tenant)
        if start is not None:
            raw = (
                start.get("search_offset", {}).get("N") if set(start) == {"search_offset"} else None
            )
            if raw is None or not raw.isdigit():
                raise _bad_cursor()
            offset = int(raw)
        matching = ordered(self._matching(tenant, phase_id, words, where), query.sort, seed)
        page = matching[offset : offset + query.limit]
        more = offset + query.limit < len(matching)
        cursor = (
            encode_cursor({"search_offset": {"N": str(offset + query.limit)}}) if more else None
        )
        return page, cursor

    def _matching(
        self, tenant: TenantContext, phase_id: str, words: list[str], where: IdeaFilter
    ) -> list[IdeaRecord]:
        """The phase's ideas that have every word and pass the filter (unordered)."""
        ids = self._search.search(tenant, phase_id, words)
        found = IdeaRepository(tenant).batch_get(ids)
        return [r for r in found.values() if r.phase_id == phase_id and where.matches(r)]

    def pins(
        self,
        tenant: TenantContext,
        principal: Principal,
        project_ref: str,
        phase_id: str,
        query: IdeaFilterQuery,
    ) -> IdeaPins:
        """The phase's located ideas that pass the list's filters, with status colours."""
        self.phase_context(tenant, principal, project_ref, phase_id)
        where = IdeaFilter(topic_id=query.topic, status_id=query.status)
        words = query_words(query.q or "")
        if words:
            records = [
                r
                for r in self._matching(tenant, phase_id, words, where)
                if r.lat is not None and r.lng is not None
            ]
        else:
            records = IdeaRepository(tenant).located(phase_id, where)
        statuses = self._statuses.by_id(tenant)
        items: list[IdeaPin] = []
        for record in records:
            status = statuses.get(record.status_id) if record.status_id else None
            items.append(
                IdeaPin(
                    id=record.idea_id,
                    title=record.title,
                    lat=float(record.lat),
                    lng=float(record.lng),
                    status_color=status.color if status else None,
                )
            )
        return IdeaPins(items=items)
