"""The screening port: what posting services ask before they store residents' text.

Ideation and discussion depend on this protocol only; the moderation domain
provides the implementation (``shared.moderation.profanity.ProfanityScreen``)
and the functions' wiring hands it in, so neither domain imports moderation.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from shared.tenancy.context import TenantContext


class TextScreen(Protocol):
    """Checks residents' text before it is stored.

    ``fields`` maps a field path as the API names it (``title.en``,
    ``body``) to plain text. Refusal is a ``shared.errors.ValidationError``
    (HTTP 422) whose field errors name the fields; acceptance returns None.
    """

    def screen(self, tenant: TenantContext, fields: Mapping[str, str]) -> None: ...


class NoScreening:
    """Accepts every text: for processes and tests that run without a filter."""

    def screen(self, tenant: TenantContext, fields: Mapping[str, str]) -> None:
        return None
