"""The information method: no actions, an optional event."""

from __future__ import annotations

import pytest

from shared.errors import ValidationError
from shared.participation import REGISTRY
from shared.participation.methods import InformationConfig


def test_information_supports_no_participation_action():
    assert REGISTRY.get("information").actions == frozenset()


def test_empty_config_is_valid():
    assert REGISTRY.validate_config("information", {}) == InformationConfig()


def test_event_must_end_after_it_starts():
    with pytest.raises(ValidationError) as caught:
        REGISTRY.validate_config(
            "information",
            {"event": {"starts_at": "2026-01-02T10:00:00Z", "ends_at": "2026-01-01T10:00:00Z"}},
        )
    assert caught.value.issues[0].field == "method_config.event"
    assert "end after it starts" in caught.value.issues[0].message


def test_event_online_url_must_be_a_web_address():
    with pytest.raises(ValidationError) as caught:
        REGISTRY.validate_config(
            "information",
            {"event": {"starts_at": "2026-01-02T10:00:00Z", "online_url": "javascript:alert(1)"}},
        )
    assert caught.value.issues[0].field == "method_config.event.online_url"
