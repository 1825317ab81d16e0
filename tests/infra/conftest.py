"""Synthesise the whole CDK app once per test session and share the result.

One ``app.synth()`` builds every stack set (region x stage) with cdk-nag
attached; the Chalice package comes from the package cache
(``infra.packaging``), so only the first session after a change to
``functions/``, ``shared/`` or the requirements pays for ``chalice package``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

CONTEXT = {
    "townhall:staging:platformOrigins": "https://participate.staging.example.org",
    "townhall:production:platformOrigins": "https://participate.example.org,https://mitmachen.example.de",
    "townhall:production:alarmEmail": "ops@example.org",
}


@dataclass
class Synthesis:
    """The synthesised app: templates by stack id, the stack sets, the nag report."""

    outdir: Path
    stack_sets: list[Any]
    templates: dict[str, dict[str, Any]]
    validation_error: str | None

    def template(self, stack: Any) -> dict[str, Any]:
        return self.templates[stack.stack_name]

    def report(self) -> dict[str, Any] | None:
        path = self.outdir / "validation-report.json"
        return json.loads(path.read_text()) if path.is_file() else None


@pytest.fixture(scope="session")
def synthesis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Synthesis]:
    os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-1")
    from infra.app import build_app

    outdir = tmp_path_factory.mktemp("cdk.out")
    app, stack_sets = build_app(CONTEXT, outdir=str(outdir))
    error = None
    try:
        app.synth()
    except RuntimeError as failure:  # jsii raises RuntimeError when validation fails
        error = str(failure)
    templates = {
        path.name.removesuffix(".template.json"): json.loads(path.read_text())
        for path in outdir.glob("*.template.json")
    }
    yield Synthesis(outdir, stack_sets, templates, error)


def resources(template: dict[str, Any], resource_type: str) -> dict[str, dict[str, Any]]:
    return {
        logical: resource
        for logical, resource in template["Resources"].items()
        if resource["Type"] == resource_type
    }


def props(template: dict[str, Any], resource_type: str) -> list[dict[str, Any]]:
    return [r.get("Properties", {}) for r in resources(template, resource_type).values()]


@pytest.fixture(scope="session")
def stack_sets(synthesis: Synthesis) -> list[Any]:
    return synthesis.stack_sets


def _label(deployment: Any) -> str:
    return f"{deployment.stage.name}-{deployment.region}"


def _labels() -> list[str]:
    from infra.config import deployments

    return [_label(d) for d in deployments(CONTEXT)]


@pytest.fixture(params=_labels())
def stack_set(request: pytest.FixtureRequest, synthesis: Synthesis) -> Any:
    """Each stack set in turn (staging and production, each EU region)."""
    return next(s for s in synthesis.stack_sets if _label(s.deployment) == request.param)
