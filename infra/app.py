"""The CDK app: one stack set per region x stage, checked by cdk-nag.

``npx cdk synth`` (see ``cdk.json``) runs this module. Stack ids are
``Townhall-<Stage>-<Region>-<Kind>``, e.g. ``Townhall-Production-Euw1-Api``;
deploy a stack set with ``npx cdk deploy 'Townhall-Staging-Euw1-*'``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import aws_cdk as cdk
from cdk_nag import AwsSolutionsChecks, ServerlessChecks

from infra.config import REGIONS, Deployment, deployments
from infra.stacks.api import ApiStack
from infra.stacks.data import DataStack
from infra.stacks.edge import EdgeStack
from infra.stacks.events import EventsStack
from infra.stacks.frontend import FrontendStack
from infra.stacks.monitoring import MonitoringStack


@dataclass(frozen=True)
class StackSet:
    deployment: Deployment
    edge: EdgeStack
    data: DataStack
    events: EventsStack
    api: ApiStack
    frontend: FrontendStack
    monitoring: MonitoringStack

    def stacks(self) -> list[cdk.Stack]:
        return [self.edge, self.data, self.events, self.api, self.frontend, self.monitoring]


def add_stack_set(app: cdk.App, deployment: Deployment) -> StackSet:
    """Every stack of one deployment, wired in dependency order."""
    edge = EdgeStack(app, deployment.stack_id("Edge"), deployment=deployment)
    data = DataStack(app, deployment.stack_id("Data"), deployment=deployment)
    events_stack = EventsStack(app, deployment.stack_id("Events"), deployment=deployment)
    api = ApiStack(
        app, deployment.stack_id("Api"), deployment=deployment, data=data, events_stack=events_stack
    )
    api.add_stack_dependency(data, "tables, buckets, keys and secrets")
    api.add_stack_dependency(events_stack, "bus, queues, workflows and mail settings")
    frontend = FrontendStack(
        app, deployment.stack_id("Frontend"), deployment=deployment, api=api, edge=edge
    )
    frontend.add_stack_dependency(
        data, "the origin secret must exist before CloudFront resolves it"
    )
    monitoring = MonitoringStack(
        app,
        deployment.stack_id("Monitoring"),
        deployment=deployment,
        data=data,
        events_stack=events_stack,
        api=api,
    )
    monitoring.add_stack_dependency(api, "alarms watch the functions, queues and tables")
    stack_set = StackSet(deployment, edge, data, events_stack, api, frontend, monitoring)
    for stack in stack_set.stacks():
        cdk.Tags.of(stack).add("townhall:stage", deployment.stage.name)
        cdk.Tags.of(stack).add("townhall:region", deployment.region)
    return stack_set


def build_app(
    context: Mapping[str, Any] | None = None,
    outdir: str | None = None,
    account: str | None = None,
) -> tuple[cdk.App, list[StackSet]]:
    """The app with every stack set and the cdk-nag packs attached."""
    app = cdk.App(context=dict(context or {}), outdir=outdir)
    merged = {**(context or {})}
    keys = ["townhall:regions", "townhall:stages"]
    for stage in ("staging", "production"):
        keys += [
            f"townhall:{stage}:{s}"
            for s in ("alarmEmail", "mailDomain", "platformOrigins", "analyticsOrigins")
        ]
        keys += [f"townhall:{stage}:{region}:tableOverrides" for region in REGIONS]
    for key in keys:
        value = app.node.try_get_context(key)
        if value is not None:
            merged[key] = value
    stack_sets = [add_stack_set(app, d) for d in deployments(merged, account)]
    cdk.Tags.of(app).add("project", "townhall")
    attach_checks(app)
    return app, stack_sets


def attach_checks(app: cdk.App) -> None:
    """cdk-nag's AwsSolutions and Serverless packs: synthesis fails on any unacknowledged error."""
    cdk.Validations.of(app).add_plugins(AwsSolutionsChecks(app), ServerlessChecks(app))


def main() -> None:
    os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-1")  # chalice package needs one
    app, _ = build_app(account=os.environ.get("CDK_DEFAULT_ACCOUNT"))
    app.synth()


if __name__ == "__main__":
    main()
