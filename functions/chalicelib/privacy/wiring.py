"""The privacy services of this process, built once per cold start."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from chalicelib import runtime
from chalicelib.exports.wiring import site_origin
from shared.exports import ExportFileLinks, StepFunctionsStarter
from shared.i18n import pick
from shared.identity import Passwords
from shared.identity.passwords import hasher_for
from shared.privacy.erasure import AccountDeletions, AccountEraser
from shared.privacy.exports import DataArchiver, PersonalDataExports
from shared.privacy.modes import ErasureMode
from shared.privacy.objects import S3ObjectStore
from shared.privacy.providers import PersonalDataProvider, PrivacyTools, providers
from shared.tenancy import TenantContext

EXPORT_WORKFLOW = "personal_data_export"
DELETION_WORKFLOW = "account_deletion"


def _now() -> datetime:
    return datetime.now(UTC)


def _starter(workflow: str) -> StepFunctionsStarter:
    settings = runtime.settings()
    return StepFunctionsStarter(
        runtime.client("stepfunctions"),
        runtime.client("sts"),
        settings.names.state_machine(workflow),
        settings.region,
    )


def _bucket(name: str) -> str:
    return runtime.settings().names.bucket(name)


def deleted_content(tenant: TenantContext) -> ErasureMode:
    """The platform's choice for a deleted account's contributions."""
    return runtime.platforms().get(tenant).privacy.deleted_content


def platform_name(tenant: TenantContext) -> str:
    platform = runtime.platforms().get(tenant)
    return pick(platform.name, platform.default_locale) or tenant.tenant_id


@runtime.cached
def uploads_store() -> S3ObjectStore:
    return S3ObjectStore(runtime.client("s3"), _bucket("uploads"))


@runtime.cached
def tools() -> PrivacyTools:
    return PrivacyTools(
        publisher=runtime.publisher(),
        uploads=uploads_store(),
        exports=S3ObjectStore(runtime.client("s3"), _bucket("exports")),
        clock=_now,
    )


def registered() -> list[PersonalDataProvider]:
    """Every domain's provider, built with this process's tools."""
    return providers(tools())


@runtime.cached
def data_exports() -> PersonalDataExports:
    public_endpoint = os.environ.get(runtime.ENV_PUBLIC_STORAGE_ENDPOINT)
    presign = runtime.client("s3", public_endpoint) if public_endpoint else None
    links = ExportFileLinks(runtime.client("s3"), _bucket("exports"), presign)
    return PersonalDataExports(_starter(EXPORT_WORKFLOW), links, _now)


@runtime.cached
def archiver() -> DataArchiver:
    return DataArchiver(
        registered,
        uploads_store().read,
        runtime.client("s3"),
        _bucket("exports"),
        runtime.publisher(),
        site_origin,
        platform_name,
        _now,
    )


@runtime.cached
def deletions() -> AccountDeletions:
    hasher = hasher_for(runtime.settings().password_hashing)
    return AccountDeletions(
        Passwords(hasher),
        _starter(DELETION_WORKFLOW),
        deleted_content,
        runtime.publisher(),
        _now,
    )


@runtime.cached
def eraser() -> AccountEraser:
    return AccountEraser(registered, runtime.publisher())
