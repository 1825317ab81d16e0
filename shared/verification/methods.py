"""The pluggable part: what every verification method is, and the registry of them.

A method turns some proof (a code typed in, a provider's ID token) into a
:class:`VerifiedIdentity`; :class:`shared.verification.service.VerificationService`
then does what every method shares: one account per identity, the user's
``verified_at`` and ``verification_method``, and ``identity.user.changed``.
Which methods a platform offers is its :class:`PlatformVerification`; a new
method implements :class:`VerificationMethod` and is registered in the wiring.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from shared.verification.models import SettingsRecord
from shared.verification.schemas import ClaimMapping, MethodOffer, SignInProvider


@dataclass(frozen=True)
class OidcConfig:
    """The platform's OpenID Connect provider (without its secret)."""

    name: str
    issuer: str
    client_id: str
    scopes: tuple[str, ...]
    claims: ClaimMapping
    sign_in: bool
    verification: bool

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> OidcConfig:
        return cls(
            name=str(data["name"]),
            issuer=str(data["issuer"]),
            client_id=str(data["client_id"]),
            scopes=tuple(data.get("scopes") or ("openid",)),
            claims=ClaimMapping.model_validate(data.get("claims") or {}),
            sign_in=bool(data.get("sign_in")),
            verification=bool(data.get("verification")),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "issuer": self.issuer,
            "client_id": self.client_id,
            "scopes": list(self.scopes),
            "claims": self.claims.model_dump(),
            "sign_in": self.sign_in,
            "verification": self.verification,
        }


@dataclass(frozen=True)
class PlatformVerification:
    """Which methods one platform enabled, and how its provider is set up."""

    enabled: frozenset[str] = frozenset()
    oidc: OidcConfig | None = None
    oidc_secret_set: bool = False

    @classmethod
    def of(cls, record: SettingsRecord | None) -> PlatformVerification:
        if record is None:
            return cls()
        return cls(
            enabled=frozenset(record.enabled_methods or ()),
            oidc=OidcConfig.of(record.oidc) if record.oidc else None,
            oidc_secret_set=bool(record.oidc_secret_set),
        )


@dataclass(frozen=True)
class VerifiedIdentity:
    """A proven identity: the method, a subject unique within it, and what it tells of the person."""

    method: str
    subject: str
    email: str | None = None
    email_verified: bool = False
    first_name: str | None = None
    last_name: str | None = None


class VerificationMethod(Protocol):
    """One way of proving who you are."""

    id: str

    def offer(self, settings: PlatformVerification) -> MethodOffer | None:
        """What the verify page shows for this method, or None while it is off or incomplete."""
        ...

    def sign_in_offer(self, settings: PlatformVerification) -> SignInProvider | None:
        """What the sign-in page shows, for methods that also sign people in."""
        ...


@dataclass(frozen=True)
class MethodRegistry:
    """The methods this deployment knows, by id."""

    methods: Mapping[str, VerificationMethod] = field(default_factory=dict)

    @classmethod
    def of(cls, methods: Iterable[VerificationMethod]) -> MethodRegistry:
        return cls({method.id: method for method in methods})

    def ids(self) -> list[str]:
        return list(self.methods)

    def offers(self, settings: PlatformVerification) -> list[MethodOffer]:
        found = (method.offer(settings) for method in self.methods.values())
        return [offer for offer in found if offer is not None]

    def sign_in_offers(self, settings: PlatformVerification) -> list[SignInProvider]:
        found = (method.sign_in_offer(settings) for method in self.methods.values())
        return [offer for offer in found if offer is not None]
