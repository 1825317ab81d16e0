"""Benchmark: the idea list of a phase with 10,000 ideas, per sort order.

Run with ``make bench``. Prints figures; it is not a test and asserts nothing.

Seeds one platform, one published project with an open ideation phase and
``IDEAS`` ideas (batch writes through the ideas repository's index keys, with
spread-out likes and comments so the count-dependent sorts are realistic) on
moto's in-process ``mock_aws``, then times ``GET .../ideas?sort=<s>&limit=20``
through ``chalice.test.Client`` as an anonymous visitor: the first page, and
pages reached by following the cursor.
"""

from __future__ import annotations

from harness import (
    bench_stack,
    figures_line,
    ideation_project,
    run_isolated,
    seed_ideas,
    time_pages,
)

IDEAS = 10_000
PAGE = 20
SORTS = ("newest", "most_liked", "trending", "random")


def run() -> None:
    with bench_stack() as (client, tenant):
        project_id, phase_id = ideation_project(client, "Bench park")
        seconds = seed_ideas(tenant, [(project_id, phase_id)], IDEAS)
        print(f"Seeded {IDEAS:,} ideas in one phase in {seconds:.1f} s (moto, batch writes)")
        print()
        print(f"GET /projects/{{id}}/phases/{{id}}/ideas, limit {PAGE}, anonymous (ms)")
        print(f"  {'sort':<28}{'median':>9}{'p95':>9}{'items/s':>10}{'next pages':>12}")
        path = f"/projects/{project_id}/phases/{phase_id}/ideas"
        for sort in SORTS:
            query = f"{path}?sort={sort}&limit={PAGE}" + ("&seed=bench" if sort == "random" else "")
            pages = time_pages(client, query, warmup=3, requests=30, cursor_pages=10)
            print(figures_line(sort, PAGE, *pages))


if __name__ == "__main__":
    run_isolated(run)
