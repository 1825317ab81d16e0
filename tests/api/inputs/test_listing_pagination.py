"""The manager's pagination under a small read budget: short pages, never a skip or repeat.

Ideas are written straight to the table (fast) in the fixture's projects; the
listing is built with a tiny read budget so sparse filters end pages early.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from shared.ideation.models import IdeaRecord
from shared.ideation.repository import IDEA_SK, IdeaRepository
from shared.inputs.listing import InputListing, sort_key
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
