"""The person's own data: ask for an archive of it, follow and download it; delete the
account (with the password, or by an emailed link for accounts without one)."""

from __future__ import annotations

from chalicelib.api import ApiResponse, RequestContext, api_route
from chalicelib.privacy import wiring
from chalicelib.privacy.blueprint import bp
from shared.privacy.schemas import (
    AccountDeletion,
    AccountDeletionConfirm,
    AccountDeletionRequest,
    DataExport,
    DataExportList,
)

TAGS = ("me",)


@api_route(
    bp,
    "/me/data-exports",
    "POST",
    response=DataExport,
    status=202,
    auth="user",
    tags=TAGS,
    errors=(409,),
)
def request_data_export(ctx: RequestContext) -> ApiResponse:
    """Make an archive of everything the platform keeps about me (emailed when ready)."""
    return ApiResponse(wiring.data_exports().request(ctx.tenant, ctx.principal), status=202)


@api_route(bp, "/me/data-exports", response=DataExportList, auth="user", tags=TAGS)
def list_data_exports(ctx: RequestContext) -> DataExportList:
    """My recent archives, newest first; finished ones with a 15-minute download link."""
    return wiring.data_exports().recent(ctx.tenant, ctx.principal)


@api_route(
    bp,
    "/me/data-exports/{data_export_id}",
    response=DataExport,
    auth="user",
    tags=TAGS,
    errors=(404,),
)
def get_data_export(ctx: RequestContext, data_export_id: str) -> DataExport:
    """One of my archives; once done, with a download link valid for 15 minutes."""
    return wiring.data_exports().get(ctx.tenant, ctx.principal, data_export_id)


@api_route(
    bp,
    "/me/deletion",
    "POST",
    body=AccountDeletionRequest,
    response=AccountDeletion,
    status=202,
    auth="user",
    tags=TAGS,
    errors=(422, 429, 503),
)
def delete_my_account(ctx: RequestContext, body: AccountDeletionRequest) -> ApiResponse:
    """Delete my account: every session ends now and my personal data is erased."""
    result = wiring.deletions().request(ctx.tenant, ctx.principal, body, ctx.origin)
    return ApiResponse(result, status=202)


@api_route(
    bp,
    "/auth/account-deletion",
    "POST",
    body=AccountDeletionConfirm,
    response=AccountDeletion,
    status=202,
    tags=("auth",),
    errors=(400, 503),
)
def confirm_account_deletion(ctx: RequestContext, body: AccountDeletionConfirm) -> ApiResponse:
    """Finish deleting an account without a password, with the emailed link's token."""
    return ApiResponse(wiring.deletions().confirm(ctx.tenant, body.token), status=202)
