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

import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FUNCTIONS = ROOT / "functions"
IDEAS = 100_000
PROJECTS = 20
PAGE = 50
WARMUP = 2
REQUESTS = 10
CURSOR_PAGES = 5
SORTS = ("newest", "oldest", "most_liked", "most_commented")
HOST = "bench.localhost"
ADMIN_TOKEN = "bench-admin"

ENV = {
    "AWS_DEFAULT_REGION": "eu-west-1",
    "AWS_REGION": "eu-west-1",
    "AWS_ACCESS_KEY_ID": "bench",
    "AWS_SECRET_ACCESS_KEY": "bench",
    "AWS_XRAY_SDK_ENABLED": "false",
    "POWERTOOLS_TRACE_DISABLED": "1",
    "POWERTOOLS_LOG_LEVEL": "WARNING",
    "TOWNHALL_STAGE": "test",
    "TOWNHALL_RESOURCE_PREFIX": "townhall-bench",
}


def _call(client: Any, method: str, path: str, body: Any = None) -> Any:
    headers = {
        "host": HOST,
        "content-type": "application/json",
        "authorization": f"Bearer {ADMIN_TOKEN}",
    }
    data = json.dumps(body).encode() if body is not None else b""
    response = client.http.request(method, "/api/v1" + path, headers=headers, body=data)
    if response.status_code >= 300:
        raise SystemExit(f"{method} {path} answered {response.status_code}: {response.body!r}")
    return json.loads(response.body) if response.body else None


def seed_projects(client: Any) -> list[tuple[str, str]]:
    """``PROJECTS`` published projects with an open ideation phase; (project, phase) ids."""
    places = []
    for n in range(PROJECTS):
        project = _call(client, "POST", "/projects", {"title": {"en": f"Project {n}"}})
        _call(client, "POST", f"/projects/{project['id']}/publish")
        phase = _call(
            client,
            "POST",
            f"/projects/{project['id']}/phases",
            {
                "title": {"en": "Ideas"},
                "start_date": "2020-01-01",
                "end_date": None,
                "method": "ideation",
                "method_config": {},
            },
        )
        places.append((project["id"], phase["id"]))
    return places


def seed_ideas(tenant: Any, places: list[tuple[str, str]], count: int) -> float:
    """Write ``count`` ideas over the projects with batch writes; return the seconds."""
    from shared.ideation.models import IdeaRecord
    from shared.ideation.repository import IdeaRepository

    repository = IdeaRepository(tenant)
    rng = random.Random(4)
    start = time.perf_counter()
    base = datetime(2024, 1, 1, tzinfo=UTC)
    with IdeaRecord.batch_write() as batch:
        for n in range(count):
            idea_id = f"idea-{n:06d}"
            project_id, phase_id = places[rng.randrange(len(places))]
            created = base + timedelta(minutes=3 * n)
            record = IdeaRecord(
                repository.idea_pk(idea_id),
                "IDEA",
                idea_id=idea_id,
                project_id=project_id,
                phase_id=phase_id,
                author_id=f"user-{n % 500}",
                title={"en": f"Idea number {n}"},
                body={"en": "<p>More benches, trees and shade near the pond.</p>"},
                status_id=rng.choice([None, "proposed", "accepted"]),
                likes=int(rng.paretovariate(1.2)) - 1,
                dislikes=rng.randrange(3),
                comments=rng.randrange(12),
                created_at=created,
                updated_at=created,
            )
            repository.index(record)
            batch.save(record)
    return time.perf_counter() - start


def time_pages(client: Any, query: str) -> tuple[list[float], list[float]]:
    """Seconds per first page, and per page while following the cursor."""
    for _ in range(WARMUP):
        _call(client, "GET", query)
    first = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        page = _call(client, "GET", query)
        first.append(time.perf_counter() - start)
    following = []
    cursor = page["next_cursor"]
    for _ in range(CURSOR_PAGES):
        if cursor is None:
            break
        start = time.perf_counter()
        page = _call(client, "GET", f"{query}&cursor={cursor}")
        following.append(time.perf_counter() - start)
        cursor = page["next_cursor"]
    return first, following


def _line(label: str, first: list[float], following: list[float]) -> str:
    ordered = sorted(first)
    p95 = ordered[max(int(len(ordered) * 0.95) - 1, 0)]
    median = statistics.median(first)
    after = statistics.median(following) * 1000 if following else float("nan")
    return f"  {label:<28}{median * 1000:9.1f}{p95 * 1000:9.1f}{PAGE / median:10.0f}{after:12.1f}"


def run(count: int) -> None:
    sys.path[:0] = [str(ROOT), str(FUNCTIONS)]
    from chalice.test import Client
    from moto import mock_aws

    with mock_aws():
        import app as app_module  # first: importing registers every table model
        from chalicelib import runtime
        from chalicelib.api import auth
        from infra.local.resources import create_all
        from shared.permissions import Principal, Role, RoleGrant

        runtime.reset()
        create_all(runtime.settings(), runtime.client)
        platform = runtime.platforms().create("bench", {"en": "Bench"}, [HOST], "en", ["en"])
        admin = Principal(ADMIN_TOKEN, platform.id, frozenset({RoleGrant(Role.ADMIN)}), True)
        auth.register_authenticator(
            lambda tenant, token: admin if token == ADMIN_TOKEN else auth.ANONYMOUS
        )
        with Client(app_module.app, stage_name="test") as client:
            places = seed_projects(client)
            tenant = runtime.platforms().resolve(HOST)
            seconds = seed_ideas(tenant, places, count)
            print(
                f"Seeded {count:,} ideas over {PROJECTS} projects in {seconds:.1f} s "
                f"({count / seconds:,.0f} ideas/s; moto, batch writes)"
            )
            print()
            print(f"GET /manage/inputs, limit {PAGE}, as admin (ms)")
            print(f"  {'view':<28}{'median':>9}{'p95':>9}{'items/s':>10}{'next pages':>12}")
            project_id = places[0][0]
            for sort in SORTS:
                query = f"/manage/inputs?sort={sort}&limit={PAGE}"
                print(_line(f"{sort}, all projects", *time_pages(client, query)))
                filtered = f"{query}&project={project_id}"
                print(_line(f"{sort}, one project", *time_pages(client, filtered)))
            status = f"/manage/inputs?sort=newest&limit={PAGE}&status=accepted"
            print(_line("newest, status filter", *time_pages(client, status)))


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else IDEAS
    with tempfile.TemporaryDirectory() as state:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "TOWNHALL_"))}
        env.update(ENV)
        env["TOWNHALL_SIGNING_KEY_SOURCE"] = f"file:{Path(state) / 'signing.key'}"
        os.environ.clear()
        os.environ.update(env)
        run(count)


if __name__ == "__main__":
    main()
