"""Unsubscribe tokens: signed (tenant, user, type), refused when changed or from elsewhere."""

from __future__ import annotations

import base64
import json

import pytest

from shared.notifications import InvalidUnsubscribeTokenError, NotificationType, UnsubscribeTokens

KEY = b"k" * 64


def test_a_token_carries_tenant_user_and_type() -> None:
    tokens = UnsubscribeTokens(KEY)
    token = tokens.issue("alpha", "u1", NotificationType.MENTION)
    grant = tokens.verify(token, "alpha")
    assert (grant.tenant_id, grant.user_id, grant.type) == ("alpha", "u1", NotificationType.MENTION)


def test_a_changed_payload_or_another_key_or_tenant_is_refused() -> None:
    tokens = UnsubscribeTokens(KEY)
    token = tokens.issue("alpha", "u1", NotificationType.MENTION)
    _, signature = token.split(".")
    other = base64.urlsafe_b64encode(json.dumps(["alpha", "u2", "mention"]).encode()).decode()
    for bad in (f"{other.rstrip('=')}.{signature}", token + "x", "", ".", "abc"):
        with pytest.raises(InvalidUnsubscribeTokenError):
            tokens.verify(bad, "alpha")
    with pytest.raises(InvalidUnsubscribeTokenError):
        UnsubscribeTokens(b"other key").verify(token, "alpha")
    with pytest.raises(InvalidUnsubscribeTokenError):
        tokens.verify(token, "beta")


def test_a_well_signed_token_with_an_unknown_type_is_refused() -> None:
    tokens = UnsubscribeTokens(KEY)
    payload = base64.urlsafe_b64encode(b'["alpha","u1","gossip"]').decode().rstrip("=")
    forged = f"{payload}.{tokens._signature(payload)}"
    with pytest.raises(InvalidUnsubscribeTokenError):
        tokens.verify(forged, "alpha")


def test_the_key_is_not_the_signing_key_itself() -> None:
    # An HMAC under the raw signing key (as another purpose would make) does not verify.
    import hashlib
    import hmac

    payload = base64.urlsafe_b64encode(b'["alpha","u1","mention"]').decode().rstrip("=")
    raw = hmac.new(KEY, payload.encode(), hashlib.sha256).digest()
    signature = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    with pytest.raises(InvalidUnsubscribeTokenError):
        UnsubscribeTokens(KEY).verify(f"{payload}.{signature}", "alpha")
