"""The local mail viewer: admin-only, local stages only, this platform's mail newest first."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime

import pytest

from shared.mail.sender import PLATFORM_HEADER
from shared.permissions import Principal, Role, RoleGrant
from shared.tenancy import TenantContext
from tests.conftest import HOST_B, body_of

SENDER = "no-reply@townhall.local"
ADMIN_A = Principal("admin-a", "alpha", frozenset({RoleGrant(Role.ADMIN)}), True)
ADMIN_B = Principal("admin-b", "beta", frozenset({RoleGrant(Role.ADMIN)}), True)
RESIDENT_A = Principal("resident-a", "alpha", frozenset(), True)
TOKENS = {"admin-a": ADMIN_A, "admin-b": ADMIN_B, "resident-a": RESIDENT_A}


@pytest.fixture
def tokens(api) -> Iterator[None]:
    """Tokens named after principals, through the API layer's authenticator hook."""
    from chalicelib.api import auth

    previous = auth._current[0]

    def authenticator(tenant: TenantContext, token: str) -> Principal:
        principal = TOKENS.get(token)
        return (
            principal if principal and principal.tenant_id == tenant.tenant_id else auth.ANONYMOUS
        )

    auth.register_authenticator(authenticator)
    yield
    auth.register_authenticator(previous)


def _send_raw(to: str, subject: str, tenant: str | None, sent_at: datetime) -> None:
    from chalicelib import runtime

    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = SENDER, to, subject
    message["Date"] = format_datetime(sent_at)
    if tenant:
        message[PLATFORM_HEADER] = tenant
    message.set_content(f"Plain {subject}")
    message.add_alternative(f"<p>Html {subject}</p><script>alert(1)</script>", subtype="html")
    runtime.client("sesv2").send_email(
        FromEmailAddress=SENDER,
        Destination={"ToAddresses": [to]},
        Content={"Raw": {"Data": message.as_bytes()}},
    )


def _send_simple(to: str, subject: str) -> None:
    from chalicelib import runtime

    runtime.client("sesv2").send_email(
        FromEmailAddress=SENDER,
        Destination={"ToAddresses": [to]},
        Content={"Simple": {"Subject": {"Data": subject}, "Body": {"Text": {"Data": "Hello"}}}},
    )


def test_admin_sees_own_platform_mail_newest_first(api, tokens):
    # GIVEN two tagged mails for alpha, one for beta and one untagged simple mail
    now = datetime.now(UTC)
    _send_raw("ana@example.org", "Older", "alpha", now - timedelta(minutes=5))
    _send_raw("ana@example.org", "Newer", "alpha", now)
    _send_raw("ben@example.org", "Beta only", "beta", now)
    _send_simple("cleo@example.org", "Untagged")

    # WHEN alpha's admin opens the viewer
    response = api.get("/dev/mails", token="admin-a")

    # THEN alpha's mails come newest first, the untagged one too, beta's not at all
    assert response.status_code == 200
    listing = body_of(response)
    subjects = [m["subject"] for m in listing["items"]]
    assert subjects == ["Newer", "Older", "Untagged"]
    assert listing["total"] == 3
    newer = listing["items"][0]
    assert newer["to"] == ["ana@example.org"] and newer["sender"] == SENDER
    assert newer["text"].strip() == "Plain Newer"
    assert "<p>Html Newer</p>" in newer["html"] and "script" not in newer["html"]
    assert listing["items"][2]["text"] == "Hello" and listing["items"][2]["date"] is None


def test_other_platform_admin_sees_only_its_mail(api, tokens):
    _send_raw("ana@example.org", "Alpha mail", "alpha", datetime.now(UTC))
    _send_raw("ben@example.org", "Beta mail", "beta", datetime.now(UTC))
    listing = body_of(api.get("/dev/mails", host=HOST_B, token="admin-b"))
    assert [m["subject"] for m in listing["items"]] == ["Beta mail"]


def test_limit_bounds_the_listing(api, tokens):
    for n in range(3):
        _send_simple("ana@example.org", f"Mail {n}")
    listing = body_of(api.get("/dev/mails?limit=2", token="admin-a"))
    assert [m["subject"] for m in listing["items"]] == ["Mail 2", "Mail 1"]
    assert listing["total"] == 3
    assert api.get("/dev/mails?limit=0", token="admin-a").status_code == 422


def test_residents_are_refused(api, tokens):
    response = api.get("/dev/mails", token="resident-a")
    assert response.status_code == 403
    assert body_of(response)["code"] == "admin_only"


def test_anonymous_visitors_must_sign_in(api, tokens):
    response = api.get("/dev/mails")
    assert response.status_code == 401


def test_the_viewer_does_not_exist_outside_local_stages(api, tokens, monkeypatch):
    # GIVEN the functions run on the production stage
    from chalicelib import runtime

    monkeypatch.setenv("TOWNHALL_STAGE", "production")
    monkeypatch.setenv("TOWNHALL_PASSWORD_HASHING", "standard")  # fast is for the test stage only
    runtime.reset()
    # WHEN even an admin (or nobody) asks THEN the route answers as if it were absent
    assert api.get("/dev/mails", token="admin-a").status_code == 404
    assert api.get("/dev/mails").status_code == 404
