"""Benchmark: the input manager's table over 100,000 ideas across projects, per sort order.

Run with ``make bench`` (or ``python bench/input_manager.py [ideas] [--walk [sort ...]]``).
Prints figures; it is not a test and asserts nothing.

Seeds one platform with ``PROJECTS`` published projects, one open ideation
phase each, and ``IDEAS`` ideas spread over them (batch writes through the
ideas repository's index keys, with spread-out likes and comments) on moto's
in-process ``mock_aws``, then times ``GET /manage/inputs?sort=<s>&limit=50``
through ``chalice.test.Client`` as the platform's admin, across all projects
and with a project filter: the first page, and pages reached by following the
cursor. moto evaluates a GSI Query by walking the table, so absolute figures
grow with the table here; on DynamoDB a page costs one Query.

Search: two words are put in the word index (in their ideas' phases): ``fountain``
in one idea of 200 (500 of 100,000, under the manager's cap of 1,000 matches)
and ``park`` in one of 20 (5,000, over it). The figures are a searched page,
the refusal of the broad search, and the reads each makes: word-index queries
and ideas read (bounded by the cap per page; an export reads the matches once).
moto walks the whole table for every Query, the word index's too, so a searched
page's time here grows with the table; on DynamoDB each is a partition Query.

``--walk`` follows the cursor through the whole unfiltered view in each given
order (default: all four), as an export does, and prints rows/s and whether
every idea appeared exactly once. On moto every page walks (and sorts) the
whole table, so a walk's time grows with the square of the ideas: over an hour
per order at 100,000, a minute or two at 10,000. On DynamoDB each page is one
Query of the index.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from typing import Any

from harness import (
    ADMIN_TOKEN,
    HOST,
    bench_stack,
    figures_line,
    ideation_project,
    run_isolated,
    seed_ideas,
    time_pages,
)

IDEAS = 100_000
PROJECTS = 20
PAGE = 50
SORTS = ("newest", "oldest", "most_liked", "most_commented")
WORDS = {"fountain": 200, "park": 20}  # word -> one idea in this many has it


def index_words(tenant: Any, count: int) -> dict[str, int]:
    """Put ``WORDS`` in the word index of the ideas that have them; matches per word."""
    from shared.ideation.models import SearchToken
    from shared.ideation.repository import IdeaRepository
    from shared.ideation.search import SearchRepository

    ideas, search = IdeaRepository(tenant), SearchRepository(tenant)
    found: dict[str, int] = {}
    for word, every in WORDS.items():
        # The seed spreads ideas over phases at random: read the chosen ones for theirs.
        records = ideas.batch_get(f"idea-{n:06d}" for n in range(0, count, every))
        with SearchToken.batch_write() as batch:
            for record in records.values():
                partition = search.partition(record.phase_id)
                batch.save(
                    SearchToken(partition, f"W#{word}#{record.idea_id}", idea_id=record.idea_id)
                )
        found[word] = len(records)
    return found


def time_refusal(client: Any, query: str, requests: int = 5) -> tuple[float, int]:
    """Median seconds of a request the API answers 422, and that status."""
    headers = {"host": HOST, "authorization": f"Bearer {ADMIN_TOKEN}"}
    times, status = [], 0
    for _ in range(requests):
        start = time.perf_counter()
        response = client.http.get("/api/v1" + query, headers=headers)
        times.append(time.perf_counter() - start)
        status = response.status_code
    return statistics.median(times), status


def walk(tenant: Any, sort: str, count: int) -> None:
    """Every row of the unfiltered view in ``sort`` order, as an export reads them."""
    from chalicelib.inputs.wiring import listing
    from shared.inputs.schemas import InputQuery, InputSort
    from shared.permissions import Principal, Role, RoleGrant

    admin = Principal(ADMIN_TOKEN, tenant.tenant_id, frozenset({RoleGrant(Role.ADMIN)}), True)
    seen: Counter[str] = Counter()
    start = time.perf_counter()
    for row in listing().iterate(tenant, admin, InputQuery(sort=InputSort(sort))):
        seen[row.id] += 1
    seconds = time.perf_counter() - start
    once = len(seen) == count and set(seen.values()) == {1}
    print(
        f"  {sort:<16}{sum(seen.values()):>9,} rows{seconds:>9.1f} s"
        f"{sum(seen.values()) / seconds:>9,.0f} rows/s   each idea exactly once: "
        f"{'yes' if once else 'NO'}"
    )


class CountingSearch:
    """The word index, counting what a listing asks of it: queries, and ids (= ideas read)."""

    def __init__(self) -> None:
        from shared.ideation.search import SearchIndex

        self._index = SearchIndex()
        self.queries = 0
        self.ids = 0

    def search(self, tenant: Any, phase_id: str, query_words: list[str]) -> set[str]:
        found = self._index.search(tenant, phase_id, query_words)
        self.queries += len(query_words)
        self.ids += len(found)
        return found


def searched(client: Any, tenant: Any, found: dict[str, int], project_id: str) -> None:
    from chalicelib.identity.wiring import directory
    from shared.errors import ValidationError
    from shared.inputs.listing import InputListing
    from shared.inputs.schemas import InputQuery
    from shared.permissions import Principal, Role, RoleGrant

    print()
    print(f"GET /manage/inputs?q=..., limit {PAGE}, as admin (ms)")
    print(f"  {'view':<28}{'median':>9}{'p95':>9}{'items/s':>10}{'next pages':>12}")
    for sort in ("newest", "most_liked"):
        query = f"/manage/inputs?q=fountain&sort={sort}&limit={PAGE}"
        pages = time_pages(client, query, warmup=0, requests=3, cursor_pages=2, token=ADMIN_TOKEN)
        print(figures_line(f"fountain ({found['fountain']:,}), {sort}", PAGE, *pages))
    query = f"/manage/inputs?q=fountain&project={project_id}&limit={PAGE}"
    pages = time_pages(client, query, warmup=0, requests=3, cursor_pages=2, token=ADMIN_TOKEN)
    print(figures_line("fountain, one project", PAGE, *pages))
    seconds, status = time_refusal(client, f"/manage/inputs?q=park&limit={PAGE}", requests=3)
    print(
        f"  park ({found['park']:,} matches): answered {status} in {seconds * 1000:.1f} ms (median)"
    )

    print()
    print("Reads of a searched view (word-index queries; ideas read = matching ids)")
    admin = Principal(ADMIN_TOKEN, tenant.tenant_id, frozenset({RoleGrant(Role.ADMIN)}), True)
    search = CountingSearch()
    listing = InputListing(directory(), search)
    listing.page(tenant, admin, InputQuery(q="fountain", limit=PAGE))
    print(f"  one page of q=fountain: {search.queries} queries, {search.ids:,} ideas read")
    search.queries = search.ids = 0
    try:
        listing.page(tenant, admin, InputQuery(q="park", limit=PAGE))
    except ValidationError as refused:
        print(
            f"  q=park refused ({refused.issues[0].code}) after {search.queries} queries; "
            "no idea read"
        )
    search.queries = search.ids = 0
    start = time.perf_counter()
    rows = sum(1 for _ in listing.iterate(tenant, admin, InputQuery(q="fountain")))
    seconds = time.perf_counter() - start
    export_pages = -(-rows // 100)
    print(
        f"  export of q=fountain: {rows:,} rows in {seconds:.1f} s, {search.queries} queries, "
        f"{search.ids:,} ideas read (once; page by page: {search.ids * export_pages:,} "
        f"in {export_pages} pages)"
    )


def run(count: int, walk_sorts: list[str]) -> None:
    with bench_stack() as (client, tenant):
        places = [ideation_project(client, f"Project {n}") for n in range(PROJECTS)]
        seconds = seed_ideas(tenant, places, count, statuses=(None, "proposed", "accepted"))
        print(
            f"Seeded {count:,} ideas over {PROJECTS} projects in {seconds:.1f} s "
            f"({count / seconds:,.0f} ideas/s; moto, batch writes)"
        )
        found = index_words(tenant, count)
        print()
        print(f"GET /manage/inputs, limit {PAGE}, as admin (ms)")
        print(f"  {'view':<28}{'median':>9}{'p95':>9}{'items/s':>10}{'next pages':>12}")

        def line(label: str, query: str) -> str:
            pages = time_pages(
                client, query, warmup=2, requests=10, cursor_pages=5, token=ADMIN_TOKEN
            )
            return figures_line(label, PAGE, *pages)

        project_id = places[0][0]
        for sort in SORTS:
            query = f"/manage/inputs?sort={sort}&limit={PAGE}"
            print(line(f"{sort}, all projects", query))
            print(line(f"{sort}, one project", f"{query}&project={project_id}"))
        print(
            line(
                "newest, status filter", f"/manage/inputs?sort=newest&limit={PAGE}&status=accepted"
            )
        )
        searched(client, tenant, found, project_id)
        if walk_sorts:
            print()
            print("The whole view, cursor to the end (what an export reads)")
            for sort in walk_sorts:
                walk(tenant, sort, count)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ideas", nargs="?", type=int, default=IDEAS)
    parser.add_argument(
        "--walk",
        nargs="*",
        choices=SORTS,
        metavar="SORT",
        help="walk the whole view in these orders (none named: all four)",
    )
    args = parser.parse_args()
    walk_sorts = [] if args.walk is None else (args.walk or list(SORTS))
    run_isolated(lambda: run(args.ideas, walk_sorts))


if __name__ == "__main__":
    main()
