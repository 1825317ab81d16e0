"""The manager's search: bounded reads per page, one read of the matches per export.

Ideas are written straight to the table (fast); the word index is a fake that
answers from the same ideas and counts its questions, so the tests see how
often a view asks for its matches (each answer is then read in batches).
"""

from __future__ import annotations

from typing import Any

import pytest

from shared.errors import ValidationError
from shared.ideation.models import IdeaRecord
from shared.inputs.listing import InputListing, sort_key
from shared.inputs.schemas import InputQuery, InputSort
from shared.tenancy import TenantContext
from tests.api.exports.conftest import request_export
from tests.api.inputs.conftest import Manager
from tests.api.inputs.test_listing_pagination import ADMIN, TENANT, seed


def number(record: IdeaRecord) -> int:
    return int(record.idea_id.removeprefix("seed"))


class CountingSearch:
    """A word index over ``records``: ``words[w](record)`` says if the idea has word ``w``."""

    def __init__(self, records: list[IdeaRecord], words: dict[str, Any]) -> None:
        self._records, self._words = records, words
        self.asked: list[str] = []

    def search(self, tenant: TenantContext, phase_id: str, query_words: list[str]) -> set[str]:
        self.asked.append(phase_id)
        return {
            r.idea_id
            for r in self._records
            if r.phase_id == phase_id and all(self._words[w](r) for w in query_words)
        }


def _every(records: list[IdeaRecord], query: InputQuery, keep: Any) -> list[str]:
    chosen = sorted(
        (r for r in records if keep(r)),
        key=sort_key(query.sort),
        reverse=query.sort is not InputSort.OLDEST,
    )
    return [r.idea_id for r in chosen]


def _directory() -> Any:
    from chalicelib.identity.wiring import directory

    return directory()


@pytest.mark.parametrize("sort", list(InputSort))
def test_a_searched_view_pages_every_match_once_asking_once_per_phase_per_page(
    manager: Manager, sort: InputSort
) -> None:
    # GIVEN 150 ideas in two of the three phases, 75 of which have the word
    records = seed(manager, 150)
    search = CountingSearch(records, {"tree": lambda r: number(r) % 2 == 0})
    listing = InputListing(_directory(), search)
    query = InputQuery(q="tree", sort=sort, limit=20)
    # WHEN paging to the end
    ids: list[str] = []
    pages, cursor = 0, None
    while True:
        page = listing.page(TENANT, ADMIN, query.model_copy(update={"cursor": cursor}))
        ids += [row.id for row in page.items]
        pages += 1
        cursor = page.next_cursor
        if cursor is None:
            break
    # THEN every match comes once, in the view's order, in pages of the asked size
    assert ids == _every(records, query, lambda r: number(r) % 2 == 0)
    assert pages == 4
    # AND each page asked the index once per phase in scope, never more
    phases = [manager.phase, manager.phase2, manager.p2_phase]
    assert sorted(search.asked) == sorted(phases * pages)


def test_an_export_of_a_searched_view_reads_the_matches_once(manager: Manager) -> None:
    # GIVEN 260 ideas of which 130 match: more than one export page (100 rows)
    records = seed(manager, 260)
    search = CountingSearch(records, {"tree": lambda r: number(r) % 2 == 1})
    listing = InputListing(_directory(), search)
    query = InputQuery(q="tree", sort=InputSort.MOST_LIKED, status="accepted")
    # WHEN every row of the view is iterated (what an export does)
    rows = [row.id for row in listing.iterate(TENANT, ADMIN, query)]
    # THEN the rows are the view's, in order, and the index was asked once per phase
    assert rows == _every(
        records, query, lambda r: number(r) % 2 == 1 and r.status_id == "accepted"
    )
    assert sorted(search.asked) == sorted([manager.phase, manager.phase2, manager.p2_phase])


def test_iterate_resumes_a_searched_view_after_its_cursor(manager: Manager) -> None:
    records = seed(manager, 40)
    listing = InputListing(_directory(), CountingSearch(records, {"idea": lambda r: True}))
    first = listing.page(TENANT, ADMIN, InputQuery(q="idea", limit=15))
    query = InputQuery(q="idea", cursor=first.next_cursor)
    rest = [row.id for row in listing.iterate(TENANT, ADMIN, query)]
    assert [r.id for r in first.items] + rest == _every(records, query, lambda r: True)


def test_a_search_matching_more_than_the_cap_is_refused_naming_it(manager: Manager) -> None:
    # GIVEN a cap of 20 matches, and a word that more than 20 ideas of p1 have
    records = seed(manager, 80)
    words = {"idea": lambda r: True, "rare": lambda r: number(r) % 10 == 0}
    listing = InputListing(_directory(), CountingSearch(records, words), search_cap=20)
    assert sum(r.project_id == manager.p1 for r in records) > 20
    query = InputQuery(q="idea", project=manager.p1)
    # WHEN the page, or the whole view, is asked for
    for ask in (
        lambda: listing.page(TENANT, ADMIN, query),
        lambda: list(listing.iterate(TENANT, ADMIN, query)),
    ):
        with pytest.raises(ValidationError) as refused:
            ask()
        # THEN it is refused naming the limit, and the person is told how to narrow it
        (issue,) = refused.value.issues
        assert (issue.field, issue.code) == ("q", "too_many_matches")
        assert issue.message.startswith("More than 20 inputs match these words. Add a word")
        assert refused.value.extra == {"max_matches": 20}
    # AND with one more word the view is listed
    narrow = InputQuery(q="idea rare", project=manager.p1, limit=100)
    expected = [r for r in records if r.project_id == manager.p1 and number(r) % 10 == 0]
    assert len(listing.page(TENANT, ADMIN, narrow).items) == len(expected)


def test_a_too_broad_search_is_refused_by_the_api_and_for_an_export(
    api: Any, manager: Manager, pump: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chalicelib.inputs import wiring

    # GIVEN three indexed ideas with the word, and a listing capped at two matches
    for _ in range(3):
        manager.idea(title={"en": "Plant trees"})
    pump.drain()
    monkeypatch.setattr(wiring.listing(), "_search_cap", 2)
    # WHEN the table is searched THEN the answer says the search is too broad, and the limit
    refused = manager.list(expect=422, q="tree")
    assert refused["errors"][0]["code"] == "too_many_matches"
    assert refused["max_matches"] == 2
    # AND an export of that view is refused at once, for the same reason
    export = request_export(api, "admin-a", {"format": "csv", "query": {"q": "tree"}}, 422)
    assert export["errors"][0]["code"] == "too_many_matches"
    # AND a search within the cap answers as usual
    assert manager.ids(q="tree", project=manager.p2) == []
