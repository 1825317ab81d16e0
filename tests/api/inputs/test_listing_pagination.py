"""The manager's pagination under a small read budget: short pages, never a skip or repeat.

Ideas are written straight to the table (fast) in the fixture's projects; the
listing is built with a tiny read budget so sparse filters end pages early.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from shared.ideation.models import IdeaRecord, IdeasItem
from shared.ideation.repository import IDEA_SK, IdeaRepository
from shared.inputs.listing import InputListing, sort_key
from shared.inputs.ports import IndexRead, RawPage
from shared.inputs.schemas import InputQuery, InputSort
from shared.permissions import Principal, Role, RoleGrant
from shared.tenancy import TenantContext
from tests.api.inputs.conftest import Manager
from tests.conftest import HOST_A

TENANT = TenantContext("alpha", HOST_A)
ADMIN = Principal("admin-a", "alpha", frozenset({RoleGrant(Role.ADMIN)}), True)
START = datetime(2024, 3, 1, tzinfo=UTC)


def seed(manager: Manager, count: int) -> list[IdeaRecord]:
    """``count`` ideas spread over both projects, with varied counts, statuses, assignees."""
    rng = random.Random(7)
    repo = IdeaRepository(TENANT)
    records = []
    for n in range(count):
        in_p1 = rng.random() < 0.5
        created = START + timedelta(hours=n)
        record = IdeaRecord(
            repo.idea_pk(f"seed{n:04d}"),
            IDEA_SK,
            idea_id=f"seed{n:04d}",
            project_id=manager.p1 if in_p1 else manager.p2,
            phase_id=manager.phase2 if in_p1 else manager.p2_phase,
            author_id="resident-a",
            title={"en": f"Idea {n}"},
            status_id=rng.choice([None, "accepted", "rejected"]),
            assignee_id=rng.choice([None, None, "pm-x", "admin-a"]),
            likes=rng.randrange(0, 4),
            comments=rng.randrange(0, 4),
            created_at=created,
            updated_at=created,
        )
        repo.create(record)
        records.append(record)
    return records


def _all_pages(listing: InputListing, query: InputQuery) -> tuple[list[str], int]:
    ids: list[str] = []
    pages = 0
    cursor = None
    while True:
        page = listing.page(TENANT, ADMIN, query.model_copy(update={"cursor": cursor}))
        pages += 1
        ids += [row.id for row in page.items]
        cursor = page.next_cursor
        if cursor is None:
            return ids, pages


def _expected(records: list[IdeaRecord], query: InputQuery, keep: Any) -> list[str]:
    chosen = [r for r in records if keep(r)]
    chosen.sort(key=sort_key(query.sort), reverse=query.sort is not InputSort.OLDEST)
    return [r.idea_id for r in chosen]


@pytest.mark.parametrize("sort", list(InputSort))
def test_sparse_filters_give_short_pages_but_every_row_once(manager: Manager, sort: str) -> None:
    from chalicelib.identity.wiring import directory

    # GIVEN 60 ideas and a listing that reads at most 6 index items per request
    records = seed(manager, 60)
    listing = InputListing(directory(), read_budget=6, filtered_page=3)
    cases: list[tuple[dict[str, Any], Any]] = [
        ({}, lambda r: True),
        ({"status": "accepted"}, lambda r: r.status_id == "accepted"),
        ({"assignee": "me"}, lambda r: r.assignee_id == "admin-a"),
        (
            {"assignee": "none", "project": manager.p1},
            lambda r: r.assignee_id is None and r.project_id == manager.p1,
        ),
        ({"from": "2024-03-02", "to": "2024-03-02"}, lambda r: r.created_at.day == 2),
    ]
    for filters, keep in cases:
        query = InputQuery.model_validate({"sort": sort, "limit": 4, **filters})
        # WHEN paging to the end
        ids, pages = _all_pages(listing, query)
        # THEN each matching idea comes exactly once, in the index order
        assert ids == _expected(records, query, keep), filters
        assert pages >= len(ids) / 4


def test_iterate_yields_the_whole_view(manager: Manager) -> None:
    from chalicelib.identity.wiring import directory

    records = seed(manager, 130)
    listing = InputListing(directory())
    query = InputQuery(sort=InputSort.MOST_COMMENTED, status="rejected")
    rows = list(listing.iterate(TENANT, ADMIN, query))
    assert [r.id for r in rows] == _expected(records, query, lambda r: r.status_id == "rejected")


def test_backfill_gives_old_ideas_the_managers_keys(manager: Manager) -> None:
    from shared.inputs.backfill import backfill_manager_keys

    # GIVEN ideas stored before the manager's indexes existed (keys removed)
    records = seed(manager, 5)
    for record in records:
        record.update(actions=[IdeaRecord.gsi6pk.remove(), IdeaRecord.gsi9pk.remove()])
    assert manager.ids() == []
    # WHEN the backfill runs (twice: it is idempotent)
    assert backfill_manager_keys(TENANT) == 5
    assert backfill_manager_keys(TENANT) == 0
    # THEN the manager lists them again
    assert sorted(manager.ids()) == sorted(r.idea_id for r in records)
    assert sorted(manager.ids(project=manager.p1)) == sorted(
        r.idea_id for r in records if r.project_id == manager.p1
    )


def test_any_page_size_and_budget_pages_exactly_the_view(manager: Manager) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from chalicelib.identity.wiring import directory

    records = seed(manager, 40)
    filters: dict[str, tuple[dict[str, Any], Any]] = {
        "all": ({}, lambda r: True),
        "rejected": ({"status": "rejected"}, lambda r: r.status_id == "rejected"),
        "unassigned": ({"assignee": "none"}, lambda r: r.assignee_id is None),
        "p2": ({"project": manager.p2}, lambda r: r.project_id == manager.p2),
    }

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        sort=st.sampled_from(list(InputSort)),
        name=st.sampled_from(sorted(filters)),
        limit=st.integers(1, 12),
        budget=st.integers(1, 15),
        filtered_page=st.integers(1, 10),
    )
    def check(sort: InputSort, name: str, limit: int, budget: int, filtered_page: int) -> None:
        listing = InputListing(directory(), read_budget=budget, filtered_page=filtered_page)
        extra, keep = filters[name]
        query = InputQuery.model_validate({"sort": sort, "limit": limit, **extra})
        ids, _ = _all_pages(listing, query)
        assert ids == _expected(records, query, keep)

    check()


def test_a_viewer_of_some_projects_pages_only_theirs(manager: Manager) -> None:
    from chalicelib.identity.wiring import directory

    # GIVEN ideas in p1, p2 and a third project p3
    records = seed(manager, 30)
    p3 = manager.admin.project("Station", publish=True)["id"]
    p3_phase = manager.new_phase(p3, "2020-01-01", None)
    repo = IdeaRepository(TENANT)
    for n in range(10):
        created = START + timedelta(minutes=30 + 60 * n)
        repo.create(
            IdeaRecord(
                repo.idea_pk(f"third{n}"),
                IDEA_SK,
                idea_id=f"third{n}",
                project_id=p3,
                phase_id=p3_phase,
                author_id="resident-a",
                title={"en": "Elsewhere"},
                created_at=created,
                updated_at=created,
            )
        )
    # WHEN a moderator of p1 and p2 pages through every order under a small budget
    grant = RoleGrant(Role.MODERATOR, frozenset({manager.p1, manager.p2}))
    viewer = Principal("mod-12", "alpha", frozenset({grant}), True)
    listing = InputListing(directory(), read_budget=5, filtered_page=4)
    for sort in InputSort:
        query = InputQuery(sort=sort, limit=4)
        ids: list[str] = []
        cursor = None
        while True:
            page = listing.page(TENANT, viewer, query.model_copy(update={"cursor": cursor}))
            ids += [row.id for row in page.items]
            cursor = page.next_cursor
            if cursor is None:
                break
        # THEN they get exactly p1's and p2's ideas, in order, never p3's
        assert ids == _expected(records, query, lambda r: True), sort


LARGE_VIEW = 3_000
BLOCK = 60  # ideas in a row of one kind: every third block is in a project the viewer lacks


class InMemoryIndexes:
    """The ideas table's indexes over fixed ideas, paged like DynamoDB (no key range or
    filter: the large walk needs neither). Like DynamoDB, a full page names its last key
    even when nothing follows, so the walk also meets empty last pages."""

    def __init__(self, records: list[IdeaRecord]) -> None:
        self._items = [record.serialize() for record in records]
        self.reads = 0

    def pages(self, read: IndexRead) -> Iterator[RawPage]:
        assert read.range_condition is None and read.filter_condition is None
        index = getattr(IdeasItem, read.index)
        keys = [a.attr_name for a in index.Meta.attributes.values()]
        hash_name, range_name = keys if index.Meta.attributes[keys[1]].is_range_key else keys[::-1]
        chosen = sorted(
            (i for i in self._items if i.get(hash_name) == {"S": read.hash_key}),
            key=lambda i: str(i[range_name]["S"]),
            reverse=not read.forward,
        )
        if read.start is not None:
            after = read.start[range_name]["S"]
            chosen = [
                i
                for i in chosen
                if (i[range_name]["S"] > after if read.forward else i[range_name]["S"] < after)
            ]
        for offset in range(0, len(chosen), read.page_size):
            page = chosen[offset : offset + read.page_size]
            self.reads += len(page)
            full = len(page) == read.page_size
            last = {n: page[-1][n] for n in ("pk", "sk", hash_name, range_name)} if full else None
            yield RawPage(items=page, scanned=len(page), last_key=last)
            if last is None:
                return
        if not chosen:
            yield RawPage(items=[], scanned=0, last_key=None)


def seed_in_memory(manager: Manager, elsewhere: tuple[str, str], count: int) -> list[IdeaRecord]:
    """``count`` ideas with ties on every sort key's leading parts (creation times shared
    by threes, counts from 0 to 3); every third block of :data:`BLOCK` ideas is in
    ``elsewhere``, the others alternate between p1 and p2."""
    rng = random.Random(11)
    repo = IdeaRepository(TENANT)
    records = []
    for n in range(count):
        if (n // BLOCK) % 3 == 2:
            project_id, phase_id = elsewhere
        elif n % 2:
            project_id, phase_id = manager.p1, manager.phase2
        else:
            project_id, phase_id = manager.p2, manager.p2_phase
        created = START + timedelta(minutes=n // 3)
        record = IdeaRecord(
            repo.idea_pk(f"bulk{n:05d}"),
            IDEA_SK,
            idea_id=f"bulk{n:05d}",
            project_id=project_id,
            phase_id=phase_id,
            author_id="resident-a",
            title={"en": f"Idea {n}"},
            likes=rng.randrange(0, 4),
            comments=rng.randrange(0, 4),
            created_at=created,
            updated_at=created,
        )
        repo.index(record)
        records.append(record)
    return records


def test_a_large_view_yields_every_row_exactly_once_in_every_order(manager: Manager) -> None:
    """A walk far longer than a request may read, as over 100,000 ideas.

    100,000 ideas read 1,000 index items per request take about 100 requests;
    3,000 read 40 at a time take about as many per order, of both kinds: pages
    ended by their limit (where the viewer's rows are dense) and requests ended
    by their read budget (where a block of rows they may not see is dropped).
    The index is an in-memory fake paged like DynamoDB (moto walks its whole
    table and serialises every item for each Query: minutes at this size).
    """
    from collections import Counter

    from chalicelib.identity.wiring import directory

    # GIVEN 3,000 ideas, a third of them in blocks in a project the viewer does not handle
    p3 = manager.admin.project("Station", publish=True)["id"]
    elsewhere = (p3, manager.new_phase(p3, "2020-01-01", None))
    records = seed_in_memory(manager, elsewhere, LARGE_VIEW)
    indexes = InMemoryIndexes(records)
    # AND a moderator of p1 and p2: the platform's index, with p3's rows dropped in memory
    grant = RoleGrant(Role.MODERATOR, frozenset({manager.p1, manager.p2}))
    viewer = Principal("mod-12", "alpha", frozenset({grant}), True)
    listing = InputListing(directory(), read_budget=40, filtered_page=20, index=indexes)
    for sort in InputSort:
        query = InputQuery(sort=sort, limit=30)
        # WHEN the whole view is read, cursor to cursor
        ids, pages = _walked(listing, viewer, query)
        # THEN each of the viewer's ideas appears exactly once, in the index order
        assert set(Counter(ids).values()) == {1}, sort
        assert ids == _expected(records, query, lambda r: r.project_id != p3), sort
        assert len(ids) > 2_000 and pages > 70
    # AND the walks read each index item about once: a page ended by its limit leaves the
    # rest of its last raw page (at most a filtered page) to be read again by the next
    assert indexes.reads <= len(InputSort) * LARGE_VIEW * 13 // 10, indexes.reads


def _walked(listing: InputListing, viewer: Principal, query: InputQuery) -> tuple[list[str], int]:
    ids: list[str] = []
    pages = 0
    cursor = None
    while True:
        page = listing.page(TENANT, viewer, query.model_copy(update={"cursor": cursor}))
        pages += 1
        ids += [row.id for row in page.items]
        cursor = page.next_cursor
        if cursor is None:
            return ids, pages
