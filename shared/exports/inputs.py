"""The input manager's rows as export rows: :class:`InputRowSource`.

Rows come from :meth:`shared.inputs.listing.InputListing.iterate`, page by
page, with the same filters and the same per-project access as the
manager's table; texts are taken in the platform's default language and
paths become absolute links to the resident pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from shared.exports.rows import ExportRow, labels_for
from shared.exports.schemas import ExportQuery
from shared.i18n import pick
from shared.inputs.listing import InputListing
from shared.inputs.schemas import InputQuery, InputRow
from shared.permissions import Principal
from shared.tenancy.context import TenantContext

TopicTitles = Callable[[TenantContext], dict[str, dict[str, str]]]
SiteOrigin = Callable[[TenantContext], str]


def export_row(
    row: InputRow, locale: str, topics: dict[str, dict[str, str]], origin: str
) -> ExportRow:
    """One manager row in ``locale``; topics joined by "; " in the platform's order."""
    former = labels_for(locale).former
    return ExportRow(
        id=row.id,
        title=pick(row.title, locale),
        project=pick(row.project.title, locale),
        phase=pick(row.phase.title, locale),
        author=former if row.author.former else row.author.display_name,
        status=pick(row.status.name, locale) if row.status else "",
        topics="; ".join(pick(topics[t], locale) for t in row.topic_ids if t in topics),
        assignee=(former if row.assignee.former else row.assignee.display_name)
        if row.assignee
        else "",
        likes=row.likes,
        dislikes=row.dislikes,
        comments=row.comments,
        reports=row.reports,
        hidden=row.hidden,
        created_at=row.created_at,
        url=origin + row.path,
    )


def input_query(query: ExportQuery, limit: int | None = None) -> InputQuery:
    """The listing's query for an export's filters."""
    extra = {"limit": limit} if limit else {}
    return InputQuery.model_validate({**query.filters(), **extra})


class InputRowSource:
    """Every row of the manager's view an export asks for, in the platform's language."""

    def __init__(self, listing: InputListing, topics: TopicTitles, origin: SiteOrigin) -> None:
        self._listing, self._topics, self._origin = listing, topics, origin

    def rows(
        self, tenant: TenantContext, principal: Principal, query: ExportQuery, locale: str
    ) -> Iterator[ExportRow]:
        topics, origin = self._topics(tenant), self._origin(tenant)
        for row in self._listing.iterate(tenant, principal, input_query(query)):
            yield export_row(row, locale, topics, origin)

    def preflight(self, tenant: TenantContext, principal: Principal, query: ExportQuery) -> None:
        """Read one row as the person would: the listing refuses what they may not list."""
        self._listing.page(tenant, principal, input_query(query, limit=1))
