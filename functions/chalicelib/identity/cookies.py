"""The session cookies and the double-submit CSRF check.

``th_refresh`` holds the refresh token: HttpOnly, Secure, SameSite=Strict and
sent only to ``/api/v1/auth``. ``th_csrf`` is readable by the page, which
echoes it in ``X-CSRF-Token`` on cookie-authenticated writes; a cross-site
form can send the cookie but cannot read it to set the header.
"""

from __future__ import annotations

import hmac

from chalicelib.api import RequestContext
from chalicelib.api.routing import API_PREFIX
from shared.identity import IssuedSession
from shared.identity.sessions import csrf_failed

REFRESH_COOKIE = "th_refresh"
CSRF_COOKIE = "th_csrf"
CSRF_HEADER = "x-csrf-token"
REFRESH_PATH = f"{API_PREFIX}/auth"


def session_cookies(issued: IssuedSession) -> list[str]:
    age = issued.refresh_ttl_seconds
    return [
        f"{REFRESH_COOKIE}={issued.refresh_token}; Max-Age={age}; Path={REFRESH_PATH}; "
        "HttpOnly; Secure; SameSite=Strict",
        f"{CSRF_COOKIE}={issued.csrf_token}; Max-Age={age}; Path=/; Secure; SameSite=Strict",
    ]


def cleared_cookies() -> list[str]:
    return [
        f"{REFRESH_COOKIE}=; Max-Age=0; Path={REFRESH_PATH}; HttpOnly; Secure; SameSite=Strict",
        f"{CSRF_COOKIE}=; Max-Age=0; Path=/; Secure; SameSite=Strict",
    ]


def refresh_token(ctx: RequestContext) -> str | None:
    return ctx.cookie(REFRESH_COOKIE) or None


def checked_csrf(ctx: RequestContext) -> str:
    """The CSRF token when the header matches the cookie; ``csrf_failed`` otherwise."""
    cookie = ctx.cookie(CSRF_COOKIE) or ""
    header = ctx.header(CSRF_HEADER) or ""
    if not cookie or not header or not hmac.compare_digest(cookie.encode(), header.encode()):
        raise csrf_failed()
    return header
