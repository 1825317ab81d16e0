"""What differs between deployments: region, stage and the stage's sizing.

One :class:`Deployment` is one stack set (region x stage). Everything a stack
needs to know about where it goes comes from here; names of the resources
the functions use come from :class:`shared.resources.ResourceNames`, built
from :attr:`Deployment.prefix`, so the CDK app and the functions agree.
Operators adjust a deployment through CDK context (``cdk.json`` or
``-c key=value``), never by editing stacks.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from shared.resources import ResourceNames

StageName = Literal["staging", "production"]

# EU first (data residency): each region's partner receives its backup copies.
REGIONS: tuple[str, ...] = ("eu-west-1", "eu-central-1")
STAGES: tuple[StageName, ...] = ("staging", "production")
BACKUP_PARTNER = {"eu-west-1": "eu-central-1", "eu-central-1": "eu-west-1"}
EDGE_REGION = "us-east-1"  # CloudFront's WAF web ACLs and certificates live here.

TENANT_HOST_HEADER = "x-townhall-host"
ORIGIN_VERIFY_HEADER = "x-origin-verify"
API_STAGE = "api"
METRICS_NAMESPACE = "Townhall"
# Functions that run one long job per invocation (a Step Functions task streaming an
# export of up to 100,000 rows, a person's archive, an account's erasure), sized by
# ``StageSettings.batch`` instead of ``worker``.
BATCH_FUNCTIONS = frozenset({"export_worker", "personal_data_worker", "account_deletion_worker"})
LAMBDA_RUNTIME = "python3.11"  # matches the project's Python; see docs/adr/0002.
LAMBDA_ARCHITECTURE = "x86_64"  # Chalice's packager has no arm64 wheels (chalice#1808).


@dataclass(frozen=True)
class FunctionSizing:
    """Memory, timeout and concurrency of one kind of function."""

    memory_mb: int
    timeout_seconds: int
    reserved_concurrency: int | None = None
    provisioned_concurrency: int = 0


@dataclass(frozen=True)
class StageSettings:
    """Sizing and safety settings of one stage."""

    name: StageName
    api: FunctionSizing
    worker: FunctionSizing
    batch: FunctionSizing  # the long jobs of BATCH_FUNCTIONS (a workflow's task, not a queue's)
    log_retention_days: int
    api_rate_limit: int  # steady requests per second across the API stage
    api_burst_limit: int
    waf_requests_per_5_minutes: int  # per client IP
    backup_retention_days: int = 35
    copy_backups: bool = False
    deletion_protection: bool = False
    alarm_email: str | None = None
    mail_domain: str = "townhall.example.org"
    platform_origins: tuple[str, ...] = ()
    # Origins of the analytics scripts platforms may load after consent (Content-Security-Policy).
    analytics_origins: tuple[str, ...] = ()

    @property
    def is_production(self) -> bool:
        return self.name == "production"


DEFAULT_STAGES: dict[StageName, StageSettings] = {
    "staging": StageSettings(
        name="staging",
        api=FunctionSizing(memory_mb=1024, timeout_seconds=29, reserved_concurrency=20),
        worker=FunctionSizing(memory_mb=512, timeout_seconds=60, reserved_concurrency=5),
        batch=FunctionSizing(memory_mb=1769, timeout_seconds=900, reserved_concurrency=2),
        log_retention_days=30,
        api_rate_limit=50,
        api_burst_limit=100,
        waf_requests_per_5_minutes=1000,
        mail_domain="staging.townhall.example.org",
    ),
    "production": StageSettings(
        name="production",
        api=FunctionSizing(
            memory_mb=1769,  # one full vCPU: pydantic and argon2 are CPU bound
            timeout_seconds=29,  # API Gateway's integration limit
            reserved_concurrency=200,
            provisioned_concurrency=2,
        ),
        worker=FunctionSizing(memory_mb=1024, timeout_seconds=120, reserved_concurrency=20),
        batch=FunctionSizing(memory_mb=1769, timeout_seconds=900, reserved_concurrency=10),
        log_retention_days=365,
        api_rate_limit=500,
        api_burst_limit=1000,
        waf_requests_per_5_minutes=2000,
        copy_backups=True,
        deletion_protection=True,
        mail_domain="townhall.example.org",
    ),
}

_REGION_CODES = {"eu-west-1": "Euw1", "eu-central-1": "Euc1", "us-east-1": "Use1"}


@dataclass(frozen=True)
class Deployment:
    """One stack set: a stage in a region."""

    region: str
    stage: StageSettings
    account: str | None = None
    overrides: Mapping[str, str] = field(default_factory=dict)

    @property
    def prefix(self) -> str:
        """Resource prefix; regional resources may share it across regions."""
        return f"townhall-{self.stage.name}"

    @property
    def names(self) -> ResourceNames:
        """Names the functions use: the defaults, or an operator's override (a restored table)."""
        return ResourceNames(self.prefix, self.overrides)

    @property
    def base_names(self) -> ResourceNames:
        """Names of the resources the data stack owns, never overridden."""
        return ResourceNames(self.prefix)

    @property
    def region_code(self) -> str:
        return _REGION_CODES.get(self.region, self.region.title().replace("-", ""))

    def stack_id(self, kind: str) -> str:
        """CDK id (and CloudFormation stack name) of one stack of this set."""
        return f"Townhall-{self.stage.name.title()}-{self.region_code}-{kind}"

    @property
    def backup_partner(self) -> str:
        return BACKUP_PARTNER[self.region]


def _csv(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value)
    return tuple(part.strip() for part in str(value).split(",") if part.strip())


def stage_settings(name: StageName, context: Mapping[str, Any]) -> StageSettings:
    """A stage's defaults with the operator's context overrides applied.

    Context keys (all optional): ``townhall:<stage>:alarmEmail``,
    ``townhall:<stage>:mailDomain``, ``townhall:<stage>:platformOrigins``
    (comma separated ``https://`` origins allowed by CORS on the buckets),
    ``townhall:<stage>:analyticsOrigins`` (comma separated ``https://`` origins of the
    analytics scripts platforms may set: the site's Content-Security-Policy allows them).
    """
    settings = DEFAULT_STAGES[name]
    prefix = f"townhall:{name}:"
    changes: dict[str, Any] = {}
    if context.get(prefix + "alarmEmail"):
        changes["alarm_email"] = str(context[prefix + "alarmEmail"])
    if context.get(prefix + "mailDomain"):
        changes["mail_domain"] = str(context[prefix + "mailDomain"])
    for key, setting in (
        ("platformOrigins", "platform_origins"),
        ("analyticsOrigins", "analytics_origins"),
    ):
        origins = _csv(context.get(prefix + key))
        bad = [o for o in origins if not o.startswith("https://")]
        if bad:
            raise ValueError(f"{key} must be https:// origins, got {bad}")
        if origins:
            changes[setting] = origins
    return replace(settings, **changes)


def table_overrides(context: Mapping[str, Any], stage: str, region: str) -> dict[str, str]:
    """``townhall:<stage>:<region>:tableOverrides``: logical table -> the table to use instead.

    The restore runbook (docs/operations.md) points the functions at a table restored
    under a new name this way, without touching the data stack that owns the original.
    """
    raw = context.get(f"townhall:{stage}:{region}:tableOverrides")
    if not raw:
        return {}
    mapping = json.loads(raw) if isinstance(raw, str) else dict(raw)
    if not all(isinstance(v, str) and v for v in mapping.values()):
        raise ValueError(f"tableOverrides must map table names to table names, got {mapping}")
    return {f"table_{logical}": name for logical, name in mapping.items()}


def deployments(context: Mapping[str, Any], account: str | None = None) -> list[Deployment]:
    """Every stack set the app defines: ``townhall:regions`` x ``townhall:stages``."""
    regions = _csv(context.get("townhall:regions")) or REGIONS
    stages = _csv(context.get("townhall:stages")) or STAGES
    unknown = [r for r in regions if r not in BACKUP_PARTNER] + [
        s for s in stages if s not in DEFAULT_STAGES
    ]
    if unknown:
        raise ValueError(f"unknown regions or stages in context: {unknown}")
    return [
        Deployment(
            region=region,
            stage=stage_settings(stage, context),  # type: ignore[arg-type]
            account=account,
            overrides=table_overrides(context, stage, region),
        )
        for stage in stages
        for region in regions
    ]
