"""The registration service of this process (identity and projects use it through their ports)."""

from __future__ import annotations

from chalicelib import runtime
from shared.registration import RegistrationService


@runtime.cached
def registration() -> RegistrationService:
    return RegistrationService()
