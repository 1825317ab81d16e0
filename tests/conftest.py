"""Shared fixtures: moto's ``mock_aws`` with every resource, two platforms, API client.

Tiers: ``tests/unit`` (no AWS), ``tests/api`` (in-process Chalice test client
on ``mock_aws``), ``tests/runner`` and ``tests/browser`` (the real dev runner on
free ports), ``tests/infra`` (CDK synthesis).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "functions"))

TEST_ENV = {
    "AWS_DEFAULT_REGION": "eu-west-1",
    "AWS_REGION": "eu-west-1",
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_XRAY_SDK_ENABLED": "false",
    "POWERTOOLS_TRACE_DISABLED": "1",
    "POWERTOOLS_METRICS_NAMESPACE": "Townhall",
    "POWERTOOLS_LOG_LEVEL": "WARNING",
    "TOWNHALL_STAGE": "test",
    "TOWNHALL_RESOURCE_PREFIX": "townhall-test",
    # argon2id at a tiny cost: the test stage alone may ask for it (Settings refuses elsewhere)
    "TOWNHALL_PASSWORD_HASHING": "fast",
}
for _key, _value in TEST_ENV.items():
    os.environ.setdefault(_key, _value)
os.environ.pop("AWS_ENDPOINT_URL", None)

# The longest modules first: with one module per worker (``--dist loadfile``), a browser
# story or the CDK synthesis started last would leave one core idle while it runs alone.
SLOW_FIRST = ("tests/browser/", "tests/infra/", "tests/runner/")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        path = item.nodeid
        return next((i for i, prefix in enumerate(SLOW_FIRST) if path.startswith(prefix)), 99)

    items.sort(key=rank)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """A failing test that ran the dev runner shows the end of the runner's log."""
    report = yield
    if report.failed:
        from tests.support.local_stack import Runner

        funcargs = getattr(item, "funcargs", {})
        candidates = [funcargs.get("runner"), *(funcargs.get("started") or [])]
        for runner in candidates:
            if isinstance(runner, Runner) and runner.log.exists():
                report.sections.append((f"runner log (port {runner.port})", runner.log_tail()))
    return report


HOST_A = "alpha.test"
HOST_B = "beta.test"


@pytest.fixture
def aws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """Every Townhall resource on moto, in process; yields the consumer queue URLs."""
    from moto import mock_aws

    import app  # noqa: F401 - importing the app registers every table model
    from chalicelib import runtime
    from infra.local.dynamodb_atomicity import serialise_dynamodb_requests
    from infra.local.resources import create_all

    serialise_dynamodb_requests()
    monkeypatch.setenv("TOWNHALL_SIGNING_KEY_SOURCE", f"file:{tmp_path / 'signing.key'}")
    with mock_aws():
        runtime.reset()
        settings = runtime.settings()
        urls = create_all(settings, runtime.client)
        yield urls
        runtime.reset()


@dataclass
class Platforms:
    a: Any
    b: Any


@pytest.fixture
def platforms(aws: dict[str, str]) -> Platforms:
    """Two platforms: A on ``alpha.test``, B on ``beta.test``."""
    from chalicelib import runtime

    service = runtime.platforms()
    a = service.create("alpha", {"en": "Alphaville"}, [HOST_A], "en", ["en", "fr"])
    b = service.create("beta", {"en": "Betatown"}, [HOST_B], "en", ["en", "de"])
    return Platforms(a=a, b=b)


class Api:
    """A small HTTP-shaped wrapper around ``chalice.test.Client``."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def request(
        self,
        method: str,
        path: str,
        *,
        host: str = HOST_A,
        json_body: Any = None,
        token: str | None = None,
        headers: dict[str, str] | None = None,
        body: bytes | str | None = None,
    ) -> Any:
        all_headers = {"host": host, **(headers or {})}
        if token:
            all_headers["authorization"] = f"Bearer {token}"
        if json_body is not None:
            all_headers.setdefault("content-type", "application/json")
            body = json.dumps(json_body)
        url = path if path.startswith("/api/") else "/api/v1" + path
        if isinstance(body, str):
            body = body.encode()
        return self.client.http.request(method, url, headers=all_headers, body=body or b"")

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, json_body: Any = None, **kwargs: Any) -> Any:
        return self.request("POST", path, json_body=json_body, **kwargs)

    def patch(self, path: str, json_body: Any = None, **kwargs: Any) -> Any:
        return self.request("PATCH", path, json_body=json_body, **kwargs)

    def put(self, path: str, json_body: Any = None, **kwargs: Any) -> Any:
        return self.request("PUT", path, json_body=json_body, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> Any:
        return self.request("DELETE", path, **kwargs)


def body_of(response: Any) -> Any:
    return json.loads(response.body) if response.body else None


@pytest.fixture
def api(platforms: Platforms) -> Iterator[Api]:
    from chalice.test import Client

    import app as app_module

    with Client(app_module.app, stage_name="test") as client:
        yield Api(client)


@pytest.fixture
def pump(aws: dict[str, str]) -> Any:
    """Deliver queued domain events to their consumers, like SQS would."""
    import app as app_module
    from chalicelib import runtime
    from infra.local.pump import EventPump

    return EventPump(app_module.app, runtime.client("sqs"), aws)
