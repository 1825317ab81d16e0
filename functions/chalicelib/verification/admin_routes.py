"""Admins' routes: methods, the OpenID Connect provider, and code batches."""

from __future__ import annotations

from chalicelib.api import ApiResponse, RequestContext, api_route
from chalicelib.verification.blueprint import bp
from chalicelib.verification.wiring import verification
from shared.verification.schemas import (
    CodeBatch,
    CodeGenerate,
    CodeRevoke,
    CodeUpload,
    CodeUploaded,
    GeneratedCodes,
    MethodsUpdate,
    OidcProviderUpdate,
    VerificationAdmin,
)

TAGS = ("admin",)
BASE = "/admin/verification"


@api_route(bp, BASE, response=VerificationAdmin, auth="user", tags=TAGS, errors=(403,))
def get_verification_settings(ctx: RequestContext) -> VerificationAdmin:
    """The platform's verification methods, provider (never its secret) and code batches."""
    return verification().admin_view(ctx.tenant, ctx.principal, ctx.origin)


@api_route(
    bp,
    BASE + "/methods",
    "PUT",
    body=MethodsUpdate,
    response=VerificationAdmin,
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def set_verification_methods(ctx: RequestContext, body: MethodsUpdate) -> VerificationAdmin:
    """Choose which verification methods residents are offered."""
    return verification().set_methods(ctx.tenant, ctx.principal, body, ctx.origin)


@api_route(
    bp,
    BASE + "/oidc",
    "PUT",
    body=OidcProviderUpdate,
    response=VerificationAdmin,
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def set_oidc_provider(ctx: RequestContext, body: OidcProviderUpdate) -> VerificationAdmin:
    """Set the OpenID Connect provider; the client secret is write-only."""
    return verification().set_oidc(ctx.tenant, ctx.principal, body, ctx.origin)


@api_route(
    bp,
    BASE + "/code-batches",
    "POST",
    body=CodeUpload,
    response=CodeUploaded,
    status=201,
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def upload_verification_codes(ctx: RequestContext, body: CodeUpload) -> ApiResponse:
    """Add a list of codes (e.g. national numbers); only their keyed hashes are kept."""
    uploaded = verification().upload_codes(ctx.tenant, ctx.principal, body.label, body.codes)
    return ApiResponse(uploaded, status=201)


@api_route(
    bp,
    BASE + "/code-batches/generate",
    "POST",
    body=CodeGenerate,
    response=GeneratedCodes,
    status=201,
    auth="user",
    tags=TAGS,
    errors=(403, 409),
)
def generate_verification_codes(ctx: RequestContext, body: CodeGenerate) -> ApiResponse:
    """Make random codes to hand out on paper; their text is in this answer only."""
    generated = verification().generate_codes(ctx.tenant, ctx.principal, body.label, body.count)
    return ApiResponse(generated, status=201, headers={"Cache-Control": "no-store"})


@api_route(
    bp,
    BASE + "/code-batches/{batch_id}/revoke",
    "POST",
    response=CodeBatch,
    auth="user",
    tags=TAGS,
    errors=(403, 404),
)
def revoke_verification_batch(ctx: RequestContext, batch_id: str) -> CodeBatch:
    """Revoke every unused code of a batch."""
    return verification().revoke_batch(ctx.tenant, ctx.principal, batch_id)


@api_route(
    bp,
    BASE + "/codes/revoke",
    "POST",
    body=CodeRevoke,
    auth="user",
    tags=TAGS,
    errors=(403, 404, 409),
)
def revoke_verification_code(ctx: RequestContext, body: CodeRevoke) -> None:
    """Revoke one unused code (a lost slip of paper)."""
    verification().revoke_code(ctx.tenant, ctx.principal, body.code)
