"""cdk-nag (AwsSolutions and Serverless packs) and cfn-lint over every synthesised template."""

from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor

import pytest
from cfnlint.api import lint

from infra.config import EDGE_REGION
from tests.infra.conftest import Synthesis

pytestmark = pytest.mark.infra


def _lint_errors(template: str, region: str) -> list[str]:
    return [str(m) for m in lint(template, regions=[region]) if m.rule.severity == "error"]


def test_synthesis_passes_every_validation_plugin(synthesis: Synthesis) -> None:
    # GIVEN the app synthesised with AwsSolutionsChecks and ServerlessChecks attached
    report = synthesis.report()

    # THEN synthesis did not fail, and no plugin reports an unacknowledged violation
    assert synthesis.validation_error is None, synthesis.validation_error
    assert report is not None
    assert {"AwsSolutions", "Serverless"} <= {p["pluginName"] for p in report["pluginReports"]}
    for plugin in report["pluginReports"]:
        assert plugin["conclusion"] == "success", json.dumps(plugin["violations"], indent=1)


def test_an_unacknowledged_finding_fails_synthesis(tmp_path: object) -> None:
    # GIVEN an app with the same checks and a queue that breaks two rules
    import aws_cdk as cdk
    from aws_cdk import aws_sqs as sqs

    from infra.app import attach_checks

    app = cdk.App(outdir=str(tmp_path))
    stack = cdk.Stack(app, "Probe", env=cdk.Environment(region="eu-west-1"))
    sqs.Queue(stack, "Plain")
    attach_checks(app)

    # WHEN it is synthesised
    with pytest.raises(RuntimeError, match="ValidationFailed"):
        app.synth()

    # THEN both packs reported the queue
    report = json.loads((tmp_path / "validation-report.json").read_text())  # type: ignore[operator]
    rules = {v["ruleName"] for p in report["pluginReports"] for v in p["violations"]}
    assert {"AwsSolutions-SQS4", "Serverless-SQSRedrivePolicy"} <= rules


def test_cfn_lint_finds_no_errors_in_any_template(synthesis: Synthesis) -> None:
    # GIVEN every template with the region it is deployed to
    regions = {}
    for stack_set in synthesis.stack_sets:
        for stack in stack_set.stacks():
            regions[stack.stack_name] = stack.region
    assert set(regions) == set(synthesis.templates)

    # WHEN cfn-lint checks each one (the SAM transform included), on every core
    names = sorted(synthesis.templates)
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        results = pool.map(
            _lint_errors,
            [json.dumps(synthesis.templates[n]) for n in names],
            [regions[n] for n in names],
        )
    errors = {name: found for name, found in zip(names, results, strict=True) if found}

    # THEN none has an error
    assert errors == {}
    assert EDGE_REGION in regions.values()
