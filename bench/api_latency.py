"""Benchmark: cold-start import time of the API app and handler time of home-page calls.

Run with ``make bench``. Prints figures; it is not a test and asserts nothing.

1. Import time: ``import app`` in a fresh interpreter, ``IMPORT_RUNS`` times,
   median reported (the part of a Lambda cold start our code controls).
2. Handler time: the calls the residents' home page makes (platform,
   folders, projects) through ``chalice.test.Client`` on moto's in-process
   ``mock_aws`` with the demo platforms seeded, ``REQUESTS`` times each.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FUNCTIONS = ROOT / "functions"
IMPORT_RUNS = 7
WARMUP = 5
REQUESTS = 50
HOME_PAGE_CALLS = ("/api/v1/platform", "/api/v1/folders", "/api/v1/projects")
HOST = "localhost"

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

IMPORT_PROBE = (
    "import sys, time; sys.path[:0] = [{root!r}, {functions!r}]; "
    "start = time.perf_counter(); import app; print(time.perf_counter() - start)"
)


def _environment(state: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "TOWNHALL_"))}
    env.update(ENV)
    env["TOWNHALL_SIGNING_KEY_SOURCE"] = f"file:{state / 'signing.key'}"
    return env


def import_times(env: dict[str, str]) -> list[float]:
    """Seconds to ``import app`` in a fresh interpreter, once per run."""
    probe = IMPORT_PROBE.format(root=str(ROOT), functions=str(FUNCTIONS))
    return [
        float(
            subprocess.run(
                [sys.executable, "-c", probe], env=env, check=True, capture_output=True, text=True
            ).stdout.strip()
        )
        for _ in range(IMPORT_RUNS)
    ]


def handler_times() -> dict[str, list[float]]:
    """Seconds per home-page call on seeded demo data, after a warm-up."""
    sys.path[:0] = [str(ROOT), str(FUNCTIONS)]
    from chalice.test import Client
    from moto import mock_aws

    with mock_aws():
        import app as app_module  # first: importing registers every table model
        from chalicelib import runtime
        from infra.local.resources import create_all
        from infra.local.seed import seed_demo

        runtime.reset()
        create_all(runtime.settings(), runtime.client)
        seed_demo()

        results: dict[str, list[float]] = {}
        with Client(app_module.app, stage_name="test") as client:
            for path in HOME_PAGE_CALLS:
                for _ in range(WARMUP):
                    client.http.get(path, headers={"host": HOST})
                timings = []
                for _ in range(REQUESTS):
                    start = time.perf_counter()
                    response = client.http.get(path, headers={"host": HOST})
                    timings.append(time.perf_counter() - start)
                    if response.status_code != 200:
                        raise SystemExit(
                            f"{path} answered {response.status_code}: {response.body!r}"
                        )
                results[path] = timings
        return results


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f}"


def main() -> None:
    with tempfile.TemporaryDirectory() as state:
        env = _environment(Path(state))
        imports = import_times(env)
        os.environ.clear()
        os.environ.update(env)
        handlers = handler_times()
    print(f"API app import, fresh interpreter ({IMPORT_RUNS} runs)")
    print(f"  median {_ms(statistics.median(imports))} ms   min {_ms(min(imports))} ms")
    print()
    print(f"Home-page handlers on seeded mock_aws ({REQUESTS} requests each, ms)")
    print(f"  {'call':<22}{'median':>8}{'p90':>9}{'min':>9}{'max':>9}")
    for path, timings in handlers.items():
        ordered = sorted(timings)
        p90 = ordered[int(len(ordered) * 0.9) - 1]
        print(
            f"  GET {path.removeprefix('/api/v1'):<18}{_ms(statistics.median(timings))}"
            f"{_ms(p90)} {_ms(ordered[0])} {_ms(ordered[-1])}"
        )


if __name__ == "__main__":
    main()
