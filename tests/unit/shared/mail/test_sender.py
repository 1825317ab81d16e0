"""The SES message: text and HTML alternatives, platform headers, configuration set."""

from __future__ import annotations

import email
import email.policy
from email.header import decode_header, make_header
from typing import Any

from shared.mail import RenderedMail, SesMailer

MAIL = RenderedMail(subject="Bonjour Zoé", html="<p>Bonjour</p>", text="Bonjour\n")


class RecordingSes:
    """Keeps what would have been sent (the shape of boto3's sesv2 client)."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []

    def send_email(self, **request: Any) -> dict[str, str]:
        self.requests.append(request)
        return {"MessageId": f"id-{len(self.requests)}"}


def test_the_message_has_both_parts_and_the_platform_headers():
    ses = RecordingSes()
    message_id = SesMailer(ses, "no-reply@townhall.example").send(
        MAIL, "zoe@example.org", "Ville de Gamma", "gamma", "confirm_email"
    )
    assert message_id == "id-1"
    [request] = ses.requests
    assert "ConfigurationSetName" not in request
    assert {"Name": "platform", "Value": "gamma"} in request["EmailTags"]
    parsed = email.message_from_bytes(
        request["Content"]["Raw"]["Data"], policy=email.policy.default
    )
    assert parsed["To"] == "zoe@example.org"
    assert parsed["X-Townhall-Platform"] == "gamma"
    assert parsed["X-Townhall-Template"] == "confirm_email"
    assert str(make_header(decode_header(request["FromEmailAddress"]))) == (
        "Ville de Gamma <no-reply@townhall.example>"
    )
    types = [part.get_content_type() for part in parsed.walk()]
    assert types == ["multipart/alternative", "text/plain", "text/html"]
    assert parsed["Subject"] == "Bonjour Zoé"


def test_the_configuration_set_is_used_when_configured():
    ses = RecordingSes()
    SesMailer(ses, "no-reply@townhall.example", "townhall-prod").send(
        MAIL, "zoe@example.org", "Gamma", "gamma", "password_reset"
    )
    assert ses.requests[0]["ConfigurationSetName"] == "townhall-prod"
