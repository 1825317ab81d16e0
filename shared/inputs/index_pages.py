"""Pages of a Query on one of the ``ideas`` table's indexes, through PynamoDB.

The input manager's walk (:mod:`shared.inputs.listing`) reads raw pages so it
can count what each request read and resume exactly where it stopped; this is
the DynamoDB side of :class:`~shared.inputs.ports.IndexPages`.
"""

from __future__ import annotations

from collections.abc import Iterator

from shared.ideation.models import IdeasItem
from shared.inputs.ports import IndexRead, RawPage


class IdeaIndexPages:
    """Raw pages of a Query of an ``IdeasItem`` index, as DynamoDB returns them."""

    def pages(self, read: IndexRead) -> Iterator[RawPage]:
        index = getattr(IdeasItem, read.index)
        result = index.query(
            read.hash_key,
            read.range_condition,
            filter_condition=read.filter_condition,
            scan_index_forward=read.forward,
            page_size=read.page_size,
            last_evaluated_key=read.start,
        )
        for raw_page in result.page_iter:
            yield RawPage(
                items=list(raw_page.get("Items", [])),
                scanned=int(raw_page.get("ScannedCount", 0)),
                last_key=result.page_iter.last_evaluated_key,
            )
