"""The export services of this process, built once per cold start."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from chalicelib import runtime
from chalicelib.ideation import wiring as ideation
from chalicelib.identity import wiring as identity
from chalicelib.inputs import wiring as inputs
from shared.exports import ExportFileLinks, ExportRunner, ExportService, StepFunctionsStarter
from shared.exports.inputs import InputRowSource
from shared.permissions import Principal
from shared.tenancy import TenantContext

WORKFLOW = "input_export"


def _now() -> datetime:
    return datetime.now(UTC)


def default_locale(tenant: TenantContext) -> str:
    return runtime.platforms().get(tenant).default_locale


def site_origin(tenant: TenantContext) -> str:
    """Scheme and host of the platform's site, for the absolute links in the file."""
    platform = runtime.platforms().get(tenant)
    return runtime.settings().site_origin(platform.hosts[0] if platform.hosts else tenant.host)


def topic_titles(tenant: TenantContext) -> dict[str, dict[str, str]]:
    return {topic.id: topic.title for topic in ideation.topics().list(tenant).items}


class DirectoryPrincipals:
    """The owner's current roles, read from identity's directory when the export runs."""

    def principal(self, tenant: TenantContext, user_id: str) -> Principal | None:
        found = identity.directory().recipients(tenant, [user_id]).get(user_id)
        return found.principal(tenant.tenant_id) if found else None


def _bucket() -> str:
    return runtime.settings().names.bucket("exports")


@runtime.cached
def exports() -> ExportService:
    settings = runtime.settings()
    public_endpoint = os.environ.get(runtime.ENV_PUBLIC_STORAGE_ENDPOINT)
    presign = runtime.client("s3", public_endpoint) if public_endpoint else None
    starter = StepFunctionsStarter(
        runtime.client("stepfunctions"),
        runtime.client("sts"),
        settings.names.state_machine(WORKFLOW),
        settings.region,
    )
    links = ExportFileLinks(runtime.client("s3"), _bucket(), presign)
    return ExportService(starter, links, default_locale, _now, rows().preflight)


@runtime.cached
def rows() -> InputRowSource:
    return InputRowSource(inputs.listing(), topic_titles, site_origin)


@runtime.cached
def runner() -> ExportRunner:
    return ExportRunner(rows(), DirectoryPrincipals(), runtime.client("s3"), _bucket(), _now)
