"""What the API benchmarks share: an isolated environment, the in-process stack on
moto's ``mock_aws`` with a bench platform and its admin, calls, ideation phases,
batch-written ideas and page timings. Benchmarks print figures; none asserts.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FUNCTIONS = ROOT / "functions"
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


def run_isolated(run: Callable[[], None]) -> None:
    """Run ``run`` with fake AWS settings and a throwaway signing key, never a real account."""
    with tempfile.TemporaryDirectory() as state:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "TOWNHALL_"))}
        env.update(ENV)
        env["TOWNHALL_SIGNING_KEY_SOURCE"] = f"file:{Path(state) / 'signing.key'}"
        os.environ.clear()
        os.environ.update(env)
        run()


@contextmanager
def bench_stack() -> Iterator[tuple[Any, Any]]:
    """The API on ``mock_aws`` with a bench platform whose admin is ``ADMIN_TOKEN``.

    Yields the ``chalice.test.Client`` and the platform's tenant context.
    """
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
            yield client, runtime.platforms().resolve(HOST)


def call(client: Any, method: str, path: str, body: Any = None, token: str | None = None) -> Any:
    """One API call; anything but 2xx stops the benchmark with what the API said."""
    headers = {"host": HOST, "content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else b""
    response = client.http.request(method, "/api/v1" + path, headers=headers, body=data)
    if response.status_code >= 300:
        raise SystemExit(f"{method} {path} answered {response.status_code}: {response.body!r}")
    return json.loads(response.body) if response.body else None


def ideation_project(client: Any, title: str) -> tuple[str, str]:
    """A published project with an ideation phase open since 2020; (project, phase) ids."""
    project = call(client, "POST", "/projects", {"title": {"en": title}}, ADMIN_TOKEN)
    call(client, "POST", f"/projects/{project['id']}/publish", None, ADMIN_TOKEN)
    phase = call(
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


def seed_ideas(
    tenant: Any, places: list[tuple[str, str]], count: int, statuses: tuple[str | None, ...] = ()
) -> float:
    """Batch-write ``count`` ideas over ``places`` with realistic counts; the seconds it took."""
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
                title={"en": f"Idea number {n} for the park"},
                body={"en": "<p>More benches, trees and shade near the pond.</p>"},
                status_id=rng.choice(statuses) if statuses else None,
                likes=int(rng.paretovariate(1.2)) - 1,
                dislikes=rng.randrange(3),
                comments=rng.randrange(12),
                created_at=created,
                updated_at=created,
            )
            repository.index(record)
            batch.save(record)
    return time.perf_counter() - start


def time_pages(
    client: Any,
    query: str,
    *,
    warmup: int,
    requests: int,
    cursor_pages: int,
    token: str | None = None,
) -> tuple[list[float], list[float]]:
    """Seconds per first page, and per page while following the cursor."""
    for _ in range(warmup):
        call(client, "GET", query, token=token)
    first = []
    for _ in range(requests):
        start = time.perf_counter()
        page = call(client, "GET", query, token=token)
        first.append(time.perf_counter() - start)
    following = []
    cursor = page["next_cursor"]
    for _ in range(cursor_pages):
        if cursor is None:
            break
        start = time.perf_counter()
        page = call(client, "GET", f"{query}&cursor={cursor}", token=token)
        following.append(time.perf_counter() - start)
        cursor = page["next_cursor"]
    return first, following


def figures_line(label: str, page: int, first: list[float], following: list[float]) -> str:
    """``label  median  p95  items/s  next pages`` in milliseconds."""
    ordered = sorted(first)
    p95 = ordered[max(int(len(ordered) * 0.95) - 1, 0)]
    median = statistics.median(first)
    after = statistics.median(following) * 1000 if following else float("nan")
    return f"  {label:<28}{median * 1000:9.1f}{p95 * 1000:9.1f}{page / median:10.0f}{after:12.1f}"
