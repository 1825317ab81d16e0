"""Residents' routes: the methods on offer, a code, and the OpenID Connect round trip.

The round trip sets ``th_oidc``, an HttpOnly cookie holding the browser's
token for this attempt, sent only to the callback. It is ``SameSite=Lax``
(unlike the session cookies) because the callback is a top-level navigation
coming back from the provider's site.
"""

from __future__ import annotations

from chalicelib.api import ApiResponse, RequestContext, api_route
from chalicelib.api.routing import API_PREFIX
from chalicelib.identity.cookies import session_cookies
from chalicelib.verification.blueprint import bp
from chalicelib.verification.wiring import verification
from shared.verification.oidc_method import STATE_TTL_SECONDS, Purpose
from shared.verification.schemas import (
    CodeRedeem,
    OidcCallbackQuery,
    OidcRedirect,
    OidcStart,
    VerificationMethods,
    VerificationStatus,
    Verified,
)

TAGS = ("verification",)
BROWSER_COOKIE = "th_oidc"
CALLBACK = "/auth/oidc/callback"
_COOKIE_ATTRIBUTES = f"Path={API_PREFIX}{CALLBACK}; HttpOnly; Secure; SameSite=Lax"


def _started(ctx: RequestContext, purpose: Purpose, body: OidcStart) -> ApiResponse:
    started = verification().start_oidc(
        ctx.tenant, ctx.principal, purpose, body.return_to, ctx.origin
    )
    cookie = f"{BROWSER_COOKIE}={started.browser_token}; Max-Age={STATE_TTL_SECONDS}; "
    return ApiResponse(
        OidcRedirect(authorization_url=started.authorization_url),
        cookies=[cookie + _COOKIE_ATTRIBUTES],
    )


@api_route(bp, "/verification/methods", response=VerificationMethods, tags=TAGS)
def verification_methods(ctx: RequestContext) -> VerificationMethods:
    """How residents may verify their identity here, and which providers sign people in."""
    return verification().methods(ctx.tenant)


@api_route(bp, "/verification/me", response=VerificationStatus, auth="user", tags=TAGS)
def my_verification(ctx: RequestContext) -> VerificationStatus:
    """Whether the signed-in user is verified, since when and how."""
    return verification().status(ctx.tenant, ctx.principal)


@api_route(
    bp,
    "/verification/code",
    "POST",
    body=CodeRedeem,
    response=Verified,
    auth="user",
    tags=TAGS,
    errors=(400, 404, 409, 429),
)
def redeem_verification_code(ctx: RequestContext, body: CodeRedeem) -> Verified:
    """Verify the signed-in account with a code from the city (each code works once)."""
    return verification().redeem_code(ctx.tenant, ctx.principal, body.code, ctx.source_ip)


@api_route(
    bp,
    "/verification/oidc/start",
    "POST",
    body=OidcStart,
    response=OidcRedirect,
    auth="user",
    tags=TAGS,
    errors=(400, 409),
)
def start_oidc_verification(ctx: RequestContext, body: OidcStart) -> ApiResponse:
    """Begin verifying the signed-in account with the platform's provider."""
    return _started(ctx, "verify", body)


@api_route(
    bp, "/auth/oidc/start", "POST", body=OidcStart, response=OidcRedirect, tags=TAGS, errors=(400,)
)
def start_oidc_sign_in(ctx: RequestContext, body: OidcStart) -> ApiResponse:
    """Begin signing in (or up) with the platform's provider."""
    return _started(ctx, "sign_in", body)


@api_route(bp, CALLBACK, query=OidcCallbackQuery, status=302, tags=TAGS)
def oidc_callback(ctx: RequestContext, query: OidcCallbackQuery) -> ApiResponse:
    """The provider sends the browser back here; it goes on to the site with the outcome."""
    outcome = verification().finish_oidc(
        ctx.tenant,
        state=query.state,
        code=query.code,
        error=query.error,
        browser_token=ctx.cookie(BROWSER_COOKIE),
        locale=ctx.locale,
    )
    cookies = [f"{BROWSER_COOKIE}=; Max-Age=0; {_COOKIE_ATTRIBUTES}"]
    if outcome.session is not None:
        cookies += session_cookies(outcome.session)
    return ApiResponse(
        status=302,
        headers={"Location": outcome.location, "Cache-Control": "no-store"},
        cookies=cookies,
    )
