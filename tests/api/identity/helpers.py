"""Helpers for identity API tests: accounts, sessions and the mail moto kept."""

from __future__ import annotations

import email
import re
from dataclasses import dataclass
from email.message import Message
from http.cookies import SimpleCookie
from typing import Any

from tests.conftest import HOST_A, body_of

PASSWORD = "correct horse battery"
LINK = re.compile(r"https?://[^\s\"<>]+\?token=[A-Za-z0-9_-]+")


@dataclass
class Session:
    """What a browser would hold after signing in."""

    access_token: str
    refresh: str
    csrf: str
    body: dict[str, Any]

    def cookie_header(self) -> dict[str, str]:
        return {"cookie": f"th_refresh={self.refresh}; th_csrf={self.csrf}"}

    def refresh_headers(self) -> dict[str, str]:
        return {**self.cookie_header(), "x-csrf-token": self.csrf}


def set_cookies(response: Any) -> list[str]:
    """Every Set-Cookie line of a chalice test response."""
    headers = response.headers
    value = headers.get("Set-Cookie") or headers.get("set-cookie") or []
    return value if isinstance(value, list) else [v for v in value.split(",,") if v]


def cookies_of(response: Any) -> dict[str, Any]:
    jar: SimpleCookie = SimpleCookie()
    for line in set_cookies(response):
        jar.load(line)
    return {name: morsel for name, morsel in jar.items()}


def session_of(response: Any) -> Session:
    assert response.status_code == 200, response.body
    cookies = cookies_of(response)
    body = body_of(response)
    return Session(
        body["access_token"], cookies["th_refresh"].value, cookies["th_csrf"].value, body
    )


def sign_up(api: Any, email_address: str, host: str = HOST_A, **fields: Any) -> Any:
    payload = {
        "email": email_address,
        "password": PASSWORD,
        "first_name": "Ada",
        "last_name": "Lovelace",
        "locale": "en",
        **fields,
    }
    return api.post("/auth/sign-up", payload, host=host)


def sign_in(api: Any, email_address: str, password: str = PASSWORD, host: str = HOST_A) -> Any:
    return api.post("/auth/sign-in", {"email": email_address, "password": password}, host=host)


def register(
    email_address: str,
    tenant_id: str = "alpha",
    host: str = HOST_A,
    *,
    confirmed: bool = True,
    grants: frozenset[Any] = frozenset(),
) -> Any:
    """A user created through the seeding entry point (no email sent)."""
    from chalicelib.identity import wiring
    from shared.tenancy import TenantContext

    return wiring.accounts().register_user(
        TenantContext(tenant_id, host),
        email_address,
        PASSWORD,
        "Grace",
        "Hopper",
        "en",
        confirmed=confirmed,
        grants=grants,
    )


def admin_session(api: Any, email_address: str = "admin@example.org") -> Session:
    from shared.permissions import Role, RoleGrant

    register(email_address, grants=frozenset({RoleGrant(Role.ADMIN)}))
    return session_of(sign_in(api, email_address))


def sent_messages() -> list[Message]:
    """Every email moto's SES accepted, parsed."""
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.ses.models import ses_backends

    backend = ses_backends[DEFAULT_ACCOUNT_ID]["eu-west-1"]
    return [email.message_from_string(m.raw_data) for m in backend.sent_messages]


def part(message: Message, subtype: str) -> str:
    for item in message.walk():
        if item.get_content_type() == f"text/{subtype}":
            payload = item.get_payload(decode=True)
            assert isinstance(payload, bytes)
            return payload.decode(item.get_content_charset() or "utf-8")
    raise AssertionError(f"no text/{subtype} part")


def link_in(message: Message) -> str:
    match = LINK.search(part(message, "plain"))
    assert match, "no link in the email"
    return match.group(0)


def token_of(link: str) -> str:
    return link.split("token=", 1)[1]
