"""The process-wide projects service, wired to this deployment's collaborators."""

from __future__ import annotations

from chalicelib import runtime
from chalicelib.groups.wiring import groups
from chalicelib.registration.wiring import registration
from shared.participation import REGISTRY
from shared.projects import ProjectService
from shared.tenancy.context import TenantContext


def _default_locale(tenant: TenantContext) -> str:
    return runtime.platforms().get(tenant).default_locale


@runtime.cached
def projects() -> ProjectService:
    return ProjectService(
        files=runtime.uploads(),
        publisher=runtime.publisher(),
        methods=REGISTRY,
        default_locale=_default_locale,
        groups=groups(),
        fields=registration(),
    )
