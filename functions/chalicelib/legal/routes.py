"""Privacy policy and terms of use: read by everyone, published by admins, accepted."""

from __future__ import annotations

from chalicelib.api import ApiResponse, RequestContext, api_route
from chalicelib.legal.blueprint import bp
from chalicelib.legal.wiring import legal
from shared.legal import (
    CurrentPolicies,
    LegalDocument,
    LegalPages,
    LegalPublish,
    LegalVersions,
    PolicyAcceptance,
)

TAGS = ("legal",)


@api_route(bp, "/legal", response=LegalPages, tags=TAGS)
def get_legal_pages(ctx: RequestContext) -> LegalPages:
    """The current privacy policy and terms of use (each null until first published)."""
    return legal().pages(ctx.tenant)


@api_route(bp, "/legal/versions", response=LegalVersions, auth="user", tags=TAGS, errors=(403,))
def list_legal_versions(ctx: RequestContext) -> LegalVersions:
    """Every published version of the legal pages, newest first (admins)."""
    return legal().versions(ctx.tenant, ctx.principal)


@api_route(
    bp,
    "/legal/versions",
    "POST",
    body=LegalPublish,
    response=LegalDocument,
    status=201,
    auth="user",
    tags=TAGS,
    errors=(403, 409),
)
def publish_legal_page(ctx: RequestContext, body: LegalPublish) -> ApiResponse:
    """Publish a new version of a legal page (admins); residents are asked to accept it."""
    return ApiResponse(legal().publish(ctx.tenant, ctx.principal, body), status=201)


@api_route(
    bp,
    "/me/policies",
    "POST",
    body=PolicyAcceptance,
    response=CurrentPolicies,
    auth="user",
    tags=("me", *TAGS),
)
def accept_policies(ctx: RequestContext, body: PolicyAcceptance) -> CurrentPolicies:
    """Accept the current versions of the legal pages."""
    return legal().accept(ctx.tenant, ctx.principal, body)
