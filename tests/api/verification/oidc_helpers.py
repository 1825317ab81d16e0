"""The local OpenID Connect provider and a browser's round trip through it, for API tests."""

from __future__ import annotations

import urllib.parse
from typing import Any

import requests

from tests.api.identity.helpers import cookies_of
from tests.conftest import HOST_A, body_of

BASE = "/admin/verification"


def configure(
    api: Any,
    admin_token: str,
    provider: Any,
    *,
    host: str = HOST_A,
    sign_in: bool = True,
    verification: bool = True,
) -> str:
    """Register the platform with the provider and set it up; returns the client secret."""
    client = provider.register_client(
        f"townhall-{host}", [f"http://{host}/api/v1/auth/oidc/callback"]
    )
    methods = api.put(
        f"{BASE}/methods", {"enabled_methods": ["oidc"]}, token=admin_token, host=host
    )
    assert methods.status_code == 200, methods.body
    body = {
        "name": "Local ID",
        "issuer": provider.issuer,
        "client_id": client.client_id,
        "client_secret": client.client_secret,
        "sign_in": sign_in,
        "verification": verification,
    }
    response = api.put(f"{BASE}/oidc", body, token=admin_token, host=host)
    assert response.status_code == 200, response.body
    return str(client.client_secret)


def start(api: Any, path: str, token: str | None = None, host: str = HOST_A) -> tuple[str, str]:
    """Start a round trip; returns the authorisation URL and the browser's cookie."""
    response = api.post(path, {"return_to": "/projects/park"}, token=token, host=host)
    assert response.status_code == 200, response.body
    return body_of(response)["authorization_url"], cookies_of(response)["th_oidc"].value


def consent(url: str, identity: str = "demo-0001", action: str = "allow") -> str:
    """Sign in at the provider as ``identity``; returns the callback path it redirects to."""
    page = requests.get(url, timeout=10)
    assert page.status_code == 200 and "Sign in as" in page.text
    answer = requests.post(
        url, data={"identity": identity, "action": action}, allow_redirects=False, timeout=10
    )
    assert answer.status_code == 302, answer.text
    location = urllib.parse.urlsplit(answer.headers["Location"])
    return f"{location.path}?{location.query}"


def callback(api: Any, path: str, browser: str | None, host: str = HOST_A) -> Any:
    headers = {"cookie": f"th_oidc={browser}"} if browser else {}
    return api.get(path, host=host, headers=headers)


def round_trip(
    api: Any, path: str, token: str | None = None, identity: str = "demo-0001", host: str = HOST_A
) -> Any:
    url, browser = start(api, path, token, host)
    return callback(api, consent(url, identity), browser, host)


def location(response: Any) -> tuple[str, dict[str, str]]:
    assert response.status_code == 302, response.body
    parts = urllib.parse.urlsplit(response.headers["Location"])
    return parts.path, dict(urllib.parse.parse_qsl(parts.query))
