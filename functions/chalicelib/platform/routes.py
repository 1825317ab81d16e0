"""Routes of the platform domain (settings, health, OpenAPI document)."""

from __future__ import annotations

from chalice.app import Blueprint
from pydantic import BaseModel

from chalicelib import runtime
from chalicelib.api import RequestContext, api_route
from chalicelib.api.openapi import build_document
from shared.tenancy.schemas import Platform, PlatformUpdate
from shared.uploads import UploadPurpose

bp = Blueprint(__name__)


class Health(BaseModel):
    status: str
    platform_id: str


@api_route(bp, "/health", response=Health, tags=("platform",))
def health(ctx: RequestContext) -> Health:
    """Liveness of the API for the current platform."""
    return Health(status="ok", platform_id=ctx.tenant.tenant_id)


@api_route(bp, "/platform", response=Platform, tags=("platform",))
def get_platform(ctx: RequestContext) -> Platform:
    """The current platform's name, languages, branding and feature flags."""
    return runtime.platforms().get(ctx.tenant)


@api_route(
    bp,
    "/platform",
    "PATCH",
    body=PlatformUpdate,
    response=Platform,
    auth="user",
    tags=("platform",),
    errors=(403,),
)
def update_platform(ctx: RequestContext, body: PlatformUpdate) -> Platform:
    """Change the platform's name, languages, branding or flags (admins)."""
    logo_key = None
    if body.branding and body.branding.logo_upload_key:
        logo_key = (
            runtime.uploads()
            .confirm(
                ctx.tenant,
                ctx.principal,
                body.branding.logo_upload_key,
                UploadPurpose.PLATFORM_LOGO,
            )
            .key
        )
    return runtime.platforms().update(ctx.principal, ctx.tenant, body, logo_key=logo_key)


@api_route(bp, "/openapi.json", raw_response="application/json", tags=("platform",))
def openapi_document(ctx: RequestContext) -> dict[str, object]:
    """This API's OpenAPI 3.1 document."""
    return build_document()
