"""Verification's personal data: the identities an account holds (``shared.privacy``).

Whether and how the person is verified is exported by identity (it lives on
the user); codes and secrets never are. Erasure releases the identity claims,
so the person may verify again with a new account.
"""

from __future__ import annotations

from shared.privacy.providers import (
    BELONGINGS,
    ErasureMode,
    ProviderBase,
    personal_data_provider,
)
from shared.tenancy.context import TenantContext
from shared.verification.repository import VerificationRepository


@personal_data_provider("verification")
class VerificationData(ProviderBase):
    name = "verification"
    stage = BELONGINGS

    def erase(self, tenant: TenantContext, user_id: str, mode: ErasureMode) -> None:
        VerificationRepository(tenant).release_identities(user_id)
