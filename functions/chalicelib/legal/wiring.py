"""The legal pages' service of this process."""

from __future__ import annotations

from chalicelib import runtime
from shared.legal import LegalService


@runtime.cached
def legal() -> LegalService:
    return LegalService()
