"""Benchmark: the input manager's table over 100,000 ideas across projects, per sort order.

Run with ``make bench`` (or ``python bench/input_manager.py [ideas]``). Prints
figures; it is not a test and asserts nothing.

Seeds one platform with ``PROJECTS`` published projects, one open ideation
phase each, and ``IDEAS`` ideas spread over them (batch writes through the
ideas repository's index keys, with spread-out likes and comments) on moto's
in-process ``mock_aws``, then times ``GET /manage/inputs?sort=<s>&limit=50``
through ``chalice.test.Client`` as the platform's admin, across all projects
and with a project filter: the first page, and pages reached by following the
cursor. moto evaluates a GSI Query by walking the table, so absolute figures
grow with the table here; on DynamoDB a page costs one Query.
"""

from __future__ import annotations

import sys

from harness import (
    ADMIN_TOKEN,
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


def run(count: int) -> None:
    with bench_stack() as (client, tenant):
        places = [ideation_project(client, f"Project {n}") for n in range(PROJECTS)]
        seconds = seed_ideas(tenant, places, count, statuses=(None, "proposed", "accepted"))
        print(
            f"Seeded {count:,} ideas over {PROJECTS} projects in {seconds:.1f} s "
            f"({count / seconds:,.0f} ideas/s; moto, batch writes)"
        )
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


if __name__ == "__main__":
    ideas = int(sys.argv[1]) if len(sys.argv) > 1 else IDEAS
    run_isolated(lambda: run(ideas))
