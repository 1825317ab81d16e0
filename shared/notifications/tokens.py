"""One-click unsubscribe tokens: HMAC-signed (tenant, user, notification type).

The key is derived from the platform signing key for this purpose only
(HMAC-SHA256 of a fixed label), so an unsubscribe token can never pass as an
access token or the other way round. Tokens do not expire: an email's
unsubscribe link must keep working (RFC 8058), and all it can do is turn one
type of email off for one person.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass

from shared.errors import FieldIssue, ValidationError
from shared.mail.contract import NotificationType

_LABEL = b"townhall/notifications/unsubscribe/v1"


class InvalidUnsubscribeTokenError(ValidationError):
    code = "invalid_unsubscribe_token"
    title = "This unsubscribe link is not valid. Change your email preferences in your profile."

    def __init__(self) -> None:
        super().__init__(
            issues=[FieldIssue("token", "invalid_unsubscribe_token", self.title)],
        )


@dataclass(frozen=True)
class Unsubscribe:
    """What a valid token allows: turn ``type`` off for ``user_id`` on ``tenant_id``."""

    tenant_id: str
    user_id: str
    type: NotificationType


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class UnsubscribeTokens:
    """Issues and verifies unsubscribe tokens with a key derived from ``signing_key``."""

    def __init__(self, signing_key: bytes) -> None:
        self._key = hmac.new(signing_key, _LABEL, hashlib.sha256).digest()

    def _signature(self, payload: str) -> str:
        return _b64(hmac.new(self._key, payload.encode(), hashlib.sha256).digest())

    def issue(self, tenant_id: str, user_id: str, kind: NotificationType) -> str:
        body = json.dumps([tenant_id, user_id, kind.value], separators=(",", ":")).encode()
        payload = _b64(body)
        return f"{payload}.{self._signature(payload)}"

    def verify(self, token: str, tenant_id: str) -> Unsubscribe:
        """The token's grant, if its signature holds and it was issued for ``tenant_id``."""
        payload, _, signature = token.partition(".")
        if not payload or not hmac.compare_digest(signature, self._signature(payload)):
            raise InvalidUnsubscribeTokenError()
        try:
            tenant, user, kind = json.loads(_unb64(payload))
            grant = Unsubscribe(str(tenant), str(user), NotificationType(kind))
        except (ValueError, TypeError, binascii.Error) as error:
            raise InvalidUnsubscribeTokenError() from error
        if grant.tenant_id != tenant_id:
            raise InvalidUnsubscribeTokenError()
        return grant
