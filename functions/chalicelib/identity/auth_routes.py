"""Routes that sign people up, in and out, and reset passwords."""

from __future__ import annotations

from chalicelib.api import ApiResponse, RequestContext, api_route
from chalicelib.identity import wiring
from chalicelib.identity.blueprint import bp
from chalicelib.identity.cookies import (
    checked_csrf,
    cleared_cookies,
    refresh_token,
    session_cookies,
)
from shared.identity import IssuedSession
from shared.identity.schemas import (
    AuthSession,
    EmailOnlyRequest,
    Me,
    PasswordResetConfirmRequest,
    SignInRequest,
    SignUpRequest,
    TokenRequest,
)
from shared.identity.sessions import invalid_session
from shared.identity.views import me_of

TAGS = ("auth",)


def _session(issued: IssuedSession) -> ApiResponse:
    body = AuthSession(
        access_token=issued.access.token,
        expires_in=issued.access.expires_in,
        user=me_of(issued.user, wiring.profiles().avatar_url),
    )
    return ApiResponse(body, cookies=session_cookies(issued))


@api_route(
    bp,
    "/auth/sign-up",
    "POST",
    body=SignUpRequest,
    response=Me,
    status=201,
    tags=TAGS,
    errors=(409,),
)
def sign_up(ctx: RequestContext, body: SignUpRequest) -> ApiResponse:
    """Create an account; a confirmation link is emailed."""
    user = wiring.accounts().sign_up(ctx.tenant, ctx.origin, **body.model_dump())
    return ApiResponse(me_of(user, wiring.profiles().avatar_url), status=201)


@api_route(
    bp,
    "/auth/confirm-email",
    "POST",
    body=TokenRequest,
    response=AuthSession,
    tags=TAGS,
    errors=(400,),
)
def confirm_email(ctx: RequestContext, body: TokenRequest) -> ApiResponse:
    """Confirm an email address with the emailed token, and sign in."""
    return _session(wiring.accounts().confirm_email(ctx.tenant, body.token))


@api_route(bp, "/auth/resend-confirmation", "POST", body=EmailOnlyRequest, status=202, tags=TAGS)
def resend_confirmation(ctx: RequestContext, body: EmailOnlyRequest) -> ApiResponse:
    """Email a new confirmation link (always accepted, whether or not the account exists)."""
    wiring.accounts().resend_confirmation(ctx.tenant, str(body.email), ctx.origin)
    return ApiResponse(status=202)


@api_route(
    bp,
    "/auth/sign-in",
    "POST",
    body=SignInRequest,
    response=AuthSession,
    tags=TAGS,
    errors=(401, 429),
)
def sign_in(ctx: RequestContext, body: SignInRequest) -> ApiResponse:
    """Sign in with email and password."""
    issued = wiring.accounts().sign_in(ctx.tenant, str(body.email), body.password, ctx.source_ip)
    return _session(issued)


@api_route(bp, "/auth/refresh", "POST", response=AuthSession, tags=TAGS, errors=(401, 403))
def refresh(ctx: RequestContext) -> ApiResponse:
    """Exchange the refresh cookie for a new access token (send ``X-CSRF-Token``)."""
    token = refresh_token(ctx)
    if token is None:
        raise invalid_session("You are not signed in.")
    csrf = checked_csrf(ctx)
    return _session(wiring.sessions().rotate(ctx.tenant, token, csrf))


@api_route(bp, "/auth/sign-out", "POST", tags=TAGS, errors=(403,))
def sign_out(ctx: RequestContext) -> ApiResponse:
    """End this session and clear its cookies (send ``X-CSRF-Token``)."""
    token = refresh_token(ctx)
    if token is not None:
        wiring.sessions().end(ctx.tenant, token, checked_csrf(ctx))
    return ApiResponse(status=204, cookies=cleared_cookies())


@api_route(bp, "/auth/password-reset", "POST", body=EmailOnlyRequest, status=202, tags=TAGS)
def request_password_reset(ctx: RequestContext, body: EmailOnlyRequest) -> ApiResponse:
    """Email a password reset link (always accepted, whether or not the account exists)."""
    wiring.accounts().request_password_reset(ctx.tenant, str(body.email), ctx.origin)
    return ApiResponse(status=202)


@api_route(
    bp,
    "/auth/password-reset/confirm",
    "POST",
    body=PasswordResetConfirmRequest,
    tags=TAGS,
    errors=(400,),
)
def confirm_password_reset(ctx: RequestContext, body: PasswordResetConfirmRequest) -> None:
    """Set a new password with the emailed token; every session of the account ends."""
    wiring.accounts().reset_password(ctx.tenant, body.token, body.password)
