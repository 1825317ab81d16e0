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
IDEAS = 10_000
PAGE = 20
WARMUP = 3
REQUESTS = 30
CURSOR_PAGES = 10
SORTS = ("newest", "most_liked", "trending", "random")
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


def _call(client: Any, method: str, path: str, body: Any = None, token: str | None = None) -> Any:
    import json

    headers = {"host": HOST, "content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else b""
    response = client.http.request(method, "/api/v1" + path, headers=headers, body=data)
    if response.status_code >= 300:
        raise SystemExit(f"{method} {path} answered {response.status_code}: {response.body!r}")
    return json.loads(response.body) if response.body else None


def seed_phase(client: Any) -> tuple[str, str]:
    """A published project with an ideation phase open today; returns (project, phase)."""
    project = _call(client, "POST", "/projects", {"title": {"en": "Bench park"}}, ADMIN_TOKEN)
    _call(client, "POST", f"/projects/{project['id']}/publish", None, ADMIN_TOKEN)
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
        ADMIN_TOKEN,
    )
    return project["id"], phase["id"]


def seed_ideas(tenant: Any, project_id: str, phase_id: str) -> float:
    """Write ``IDEAS`` ideas with batch writes; return the seconds it took."""
    from shared.ideation.models import IdeaRecord
    from shared.ideation.repository import IdeaRepository

    repository = IdeaRepository(tenant)
    rng = random.Random(4)
    start = time.perf_counter()
    base = datetime(2025, 1, 1, tzinfo=UTC)
    with IdeaRecord.batch_write() as batch:
        for n in range(IDEAS):
            idea_id = f"idea-{n:05d}"
            created = base + timedelta(minutes=7 * n)
            record = IdeaRecord(
                repository.idea_pk(idea_id),
                "IDEA",
                idea_id=idea_id,
                project_id=project_id,
                phase_id=phase_id,
                author_id=f"user-{n % 500}",
                title={"en": f"Idea number {n} for the park"},
                body={"en": "<p>More benches, trees and shade near the pond.</p>"},
                likes=int(rng.paretovariate(1.2)) - 1,
                dislikes=rng.randrange(3),
                comments=rng.randrange(12),
                created_at=created,
                updated_at=created,
            )
            repository.index(record)
            batch.save(record)
    return time.perf_counter() - start


def time_list(client: Any, path: str, sort: str) -> tuple[list[float], list[float]]:
    """Seconds per first page, and per page while following the cursor."""
    query = f"{path}?sort={sort}&limit={PAGE}" + ("&seed=bench" if sort == "random" else "")
    for _ in range(WARMUP):
        _call(client, "GET", query)
    first = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        page = _call(client, "GET", query)
        first.append(time.perf_counter() - start)
        if len(page["items"]) != PAGE:
            raise SystemExit(f"{sort}: a page of {len(page['items'])} items")
    following = []
    cursor = page["next_cursor"]
    for _ in range(CURSOR_PAGES):
        start = time.perf_counter()
        page = _call(client, "GET", f"{query}&cursor={cursor}")
        following.append(time.perf_counter() - start)
        cursor = page["next_cursor"]
    return first, following


def run() -> None:
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
            project_id, phase_id = seed_phase(client)
            tenant = runtime.platforms().resolve(HOST)
            seconds = seed_ideas(tenant, project_id, phase_id)
            print(f"Seeded {IDEAS:,} ideas in one phase in {seconds:.1f} s (moto, batch writes)")
            print()
            print(f"GET /projects/{{id}}/phases/{{id}}/ideas, limit {PAGE}, anonymous (ms)")
            print(f"  {'sort':<12}{'median':>9}{'p95':>9}{'items/s':>10}{'next pages':>12}")
            path = f"/projects/{project_id}/phases/{phase_id}/ideas"
            for sort in SORTS:
                first, following = time_list(client, path, sort)
                ordered = sorted(first)
                p95 = ordered[max(int(len(ordered) * 0.95) - 1, 0)]
                median = statistics.median(first)
                print(
                    f"  {sort:<12}{median * 1000:9.1f}{p95 * 1000:9.1f}{PAGE / median:10.0f}"
                    f"{statistics.median(following) * 1000:12.1f}"
                )


def main() -> None:
    with tempfile.TemporaryDirectory() as state:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "TOWNHALL_"))}
        env.update(ENV)
        env["TOWNHALL_SIGNING_KEY_SOURCE"] = f"file:{Path(state) / 'signing.key'}"
        os.environ.clear()
        os.environ.update(env)
        run()


if __name__ == "__main__":
    main()
