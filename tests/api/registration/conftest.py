"""Fixtures for the registration API: real accounts on platform A (see the groups tests).

Missing profile fields are computed from the user's stored answers, so these
tests sign in with identity's real tokens.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.groups.conftest import People


@pytest.fixture
def people(api: Any) -> People:
    crowd = People(api)
    crowd.add("admin", admin=True)
    crowd.add("ada")
    return crowd


def custom_field(**overrides: Any) -> dict[str, Any]:
    """A custom single-choice question, as an admin would add it."""
    return {
        "type": "single_choice",
        "label": {"en": "How do you get around?", "fr": "Comment vous déplacez-vous ?"},
        "options": [
            {"id": "bike", "label": {"en": "By bike"}},
            {"id": "bus", "label": {"en": "By bus"}},
        ],
        "purpose": {"en": "To plan cycle lanes."},
        **overrides,
    }
