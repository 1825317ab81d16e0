"""Sending through SES v2 as one MIME message with text and HTML alternatives.

A raw message (rather than SES's "simple" content) keeps both parts and
carries ``X-Townhall-Platform`` and ``X-Townhall-Template`` headers, so the
local mail viewer can tell platforms apart; the same facts go to SES as
email tags for the configuration set's event destinations. Recipients come
from the message's ``To`` header, as SES does for raw content. Headers a
rendered mail brings (``List-Unsubscribe``) are added as they are.
"""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr, formatdate, make_msgid
from typing import Any

from shared.mail.renderer import RenderedMail

# Headers are folded at RFC 5322's 998-character limit, not 78: a long URL in
# List-Unsubscribe has no space to fold at and would otherwise become RFC 2047
# encoded words, which mail clients do not read as a URL. Bodies are encoded
# when the content is set (SMTP policy), so their lines stay short.
WIRE = SMTP.clone(max_line_length=998)
PLATFORM_HEADER = "X-Townhall-Platform"
TEMPLATE_HEADER = "X-Townhall-Template"


class SesMailer:
    """Sends rendered emails from the configured sender."""

    def __init__(self, client: Any, sender: str, configuration_set: str | None = None) -> None:
        self._client = client
        self._sender = sender
        self._configuration_set = configuration_set

    def message(
        self, mail: RenderedMail, to: str, sender_name: str, tenant_id: str, template: str
    ) -> EmailMessage:
        message = EmailMessage(policy=SMTP)
        message["From"] = formataddr((sender_name, self._sender))
        message["To"] = to
        message["Subject"] = mail.subject
        message["Date"] = formatdate(usegmt=True)
        message["Message-ID"] = make_msgid(domain=self._sender.rsplit("@", 1)[-1])
        message[PLATFORM_HEADER] = tenant_id
        message[TEMPLATE_HEADER] = template
        for name, value in mail.headers:
            message[name] = value
        message.set_content(mail.text, charset="utf-8")
        message.add_alternative(mail.html, subtype="html", charset="utf-8")
        return message

    def send(
        self, mail: RenderedMail, to: str, sender_name: str, tenant_id: str, template: str
    ) -> str:
        """Send and return SES's message id."""
        message = self.message(mail, to, sender_name, tenant_id, template)
        request: dict[str, Any] = {
            "FromEmailAddress": message["From"],
            "Content": {"Raw": {"Data": message.as_bytes(policy=WIRE)}},
            "EmailTags": [
                {"Name": "platform", "Value": tenant_id},
                {"Name": "template", "Value": template},
            ],
        }
        if self._configuration_set:
            request["ConfigurationSetName"] = self._configuration_set
        response = self._client.send_email(**request)
        return str(response["MessageId"])
