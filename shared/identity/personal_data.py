"""Identity's personal data: the account itself (``shared.privacy``), erased last.

Exported: the profile with the answers to registration fields, whether and
how the person is verified (never codes or secrets), the accepted versions
of the legal documents. Erased: every session and one-time token, then the
email claim and the user (so the address may sign up again).
"""

from __future__ import annotations

from shared.identity.auth_repository import AuthRepository
from shared.identity.users import UserRepository
from shared.identity.views import grants_of
from shared.privacy.providers import (
    ACCOUNT,
    ErasureMode,
    Items,
    ProviderBase,
    personal_data_provider,
    upload_path,
)
from shared.tenancy.context import TenantContext


@personal_data_provider("identity")
class IdentityData(ProviderBase):
    name = "identity"
    kinds = ("profile", "verification", "consents")
    stage = ACCOUNT

    def export(self, tenant: TenantContext, user_id: str) -> dict[str, Items]:
        user = UserRepository(tenant).get(user_id)
        if user is None:
            return {kind: [] for kind in self.kinds}
        profile = {
            "id": user.user_id,
            "email": user.email,
            "email_confirmed": bool(user.email_confirmed),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "locale": user.locale,
            "avatar": upload_path(user.avatar_key) if user.avatar_key else None,
            "answers": dict(user.profile or {}),
            "roles": sorted(
                ({"role": g.role.value, "scope": sorted(g.scope)} for g in grants_of(user)),
                key=lambda grant: str(grant["role"]),
            ),
            "created_at": user.created_at,
            "updated_at": user.updated_at,
        }
        verification = {
            "verified": user.verified_at is not None,
            "verified_at": user.verified_at,
            "method": user.verification_method,
        }
        consents = [
            {"document": document, **consent}
            for document, consent in sorted((user.consents or {}).items())
        ]
        return {"profile": [profile], "verification": [verification], "consents": consents}

    def erase(self, tenant: TenantContext, user_id: str, mode: ErasureMode) -> None:
        AuthRepository(tenant).erase_user(user_id)
        UserRepository(tenant).erase(user_id)
