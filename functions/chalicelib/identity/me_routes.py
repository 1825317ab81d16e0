"""Routes of the signed-in user's own profile."""

from __future__ import annotations

from chalicelib import runtime
from chalicelib.api import RequestContext, api_route
from chalicelib.identity import wiring
from chalicelib.identity.blueprint import bp
from shared.identity.schemas import Me, ProfileUpdate
from shared.uploads import UploadPurpose

TAGS = ("me",)


@api_route(bp, "/me", response=Me, auth="user", tags=TAGS)
def get_me(ctx: RequestContext) -> Me:
    """The signed-in user's account."""
    return wiring.profiles().me(ctx.tenant, ctx.principal)


@api_route(bp, "/me", "PATCH", body=ProfileUpdate, response=Me, auth="user", tags=TAGS)
def update_me(ctx: RequestContext, body: ProfileUpdate) -> Me:
    """Change names, language or avatar (upload it first with ``POST /uploads``)."""
    avatar_key = None
    if body.avatar_upload_key:
        avatar_key = (
            runtime.uploads()
            .confirm(ctx.tenant, ctx.principal, body.avatar_upload_key, UploadPurpose.AVATAR)
            .key
        )
    return wiring.profiles().update(ctx.tenant, ctx.principal, body, avatar_key=avatar_key)
