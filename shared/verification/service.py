"""Identity verification: what residents and admins do, whatever the method.

Every method ends in :meth:`VerificationService._complete`: the identity is
claimed for the account (one account per identity and platform, a single
conditional write), the user gets ``verified_at`` and ``verification_method``,
and ``identity.user.changed`` tells the groups worker to re-evaluate smart
groups such as "verified residents". Permission checks read ``verified_at``
at once, so the resident may take part right after.
"""

from __future__ import annotations

import secrets
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from shared.errors import ConflictError, DomainError, NotFoundError
from shared.events import EventPublisher
from shared.identity.events import user_changed
from shared.identity.models import UserRecord
from shared.identity.service import IdentityService
from shared.identity.sessions import IssuedSession, SessionService
from shared.identity.users import UserRepository
from shared.permissions import Action, Principal, Resource, authorize
from shared.tenancy.context import TenantContext
from shared.verification.code_method import METHOD as CODE_METHOD
from shared.verification.code_method import CodeMethod
from shared.verification.methods import (
    MethodRegistry,
    OidcConfig,
    PlatformVerification,
    VerifiedIdentity,
)
from shared.verification.oidc import OidcError
from shared.verification.oidc_method import OidcMethod, Purpose, Started
from shared.verification.repository import VerificationRepository
from shared.verification.schemas import (
    CodeBatch,
    CodeUploaded,
    GeneratedCodes,
    MethodsUpdate,
    OidcProvider,
    OidcProviderUpdate,
    VerificationAdmin,
    VerificationMethods,
    VerificationStatus,
    Verified,
)
from shared.verification.secrets import OIDC_CLIENT_SECRET, PlatformSecrets

CALLBACK_PATH = "/api/v1/auth/oidc/callback"


class AlreadyVerifiedError(ConflictError):
    code = "already_verified"
    title = "Your account is verified already."


class IdentityInUseError(ConflictError):
    code = "identity_in_use"
    title = "This identity already verifies another account on this platform."


@dataclass(frozen=True)
class OidcOutcome:
    """Where the callback sends the browser, and the session it starts (sign-in)."""

    location: str
    session: IssuedSession | None = None


def _with_query(path: str, **params: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}{urllib.parse.urlencode(params)}"


def redirect_uri(origin: str) -> str:
    """The callback every provider must send the browser back to, on the platform's origin."""
    return origin.rstrip("/") + CALLBACK_PATH


class VerificationService:
    """Verification of every platform, for one deployment."""

    def __init__(
        self,
        registry: MethodRegistry,
        codes: CodeMethod,
        oidc: OidcMethod,
        secrets_store: PlatformSecrets,
        accounts: IdentityService,
        sessions: SessionService,
        publisher: EventPublisher,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._registry = registry
        self._codes = codes
        self._oidc = oidc
        self._secrets = secrets_store
        self._accounts = accounts
        self._sessions = sessions
        self._publisher = publisher
        self._clock = clock

    def settings(self, tenant: TenantContext) -> PlatformVerification:
        return PlatformVerification.of(VerificationRepository(tenant).settings())

    # Residents -------------------------------------------------------------

    def methods(self, tenant: TenantContext) -> VerificationMethods:
        """The ways to verify and the providers to sign in with (anyone may ask)."""
        settings = self.settings(tenant)
        return VerificationMethods(
            methods=self._registry.offers(settings),
            sign_in=self._registry.sign_in_offers(settings),
        )

    def status(self, tenant: TenantContext, principal: Principal) -> VerificationStatus:
        """The signed-in user's verification."""
        authorize(
            principal,
            Action.PROFILE_READ,
            Resource(tenant_id=tenant.tenant_id, owner_id=principal.user_id),
        )
        user = UserRepository(tenant).require(str(principal.user_id))
        return VerificationStatus(verified_at=user.verified_at, method=user.verification_method)

    def _resident(self, tenant: TenantContext, principal: Principal) -> UserRecord:
        authorize(
            principal,
            Action.PROFILE_UPDATE,
            Resource(tenant_id=tenant.tenant_id, owner_id=principal.user_id),
        )
        user = UserRepository(tenant).require(str(principal.user_id))
        if user.verified_at is not None:
            raise AlreadyVerifiedError()
        return user

    def redeem_code(
        self, tenant: TenantContext, principal: Principal, code: str, source_ip: str
    ) -> Verified:
        """Verify the signed-in resident with a code from the platform's lists."""
        user = self._resident(tenant, principal)
        if self._codes.offer(self.settings(tenant)) is None:
            raise NotFoundError("Codes are not used on this platform.", code="method_disabled")
        identity = self._codes.redeem(tenant, user.user_id, code, source_ip)
        return self._complete(tenant, user, identity)

    def _complete(
        self, tenant: TenantContext, user: UserRecord, identity: VerifiedIdentity
    ) -> Verified:
        now = self._clock()
        repository = VerificationRepository(tenant)
        owner, made = repository.try_claim_identity(
            identity.method, identity.subject, user.user_id, now
        )
        if owner != user.user_id:
            raise IdentityInUseError()
        updated = UserRepository(tenant).verify_once(user.user_id, identity.method, now)
        if updated is None:
            # Another verification of this account won the race: undo this one's claims,
            # so a second code is not spent and a second identity not bound for nothing.
            if made:
                repository.release_identity(identity.method, identity.subject, user.user_id)
            if identity.method == CODE_METHOD:
                repository.give_back_code(identity.subject, user.user_id)
            raise AlreadyVerifiedError()
        self._publisher.publish(user_changed(tenant.tenant_id, user.user_id))
        return Verified(verified_at=updated.verified_at or now, method=identity.method)

    def start_oidc(
        self,
        tenant: TenantContext,
        principal: Principal,
        purpose: Purpose,
        return_to: str,
        origin: str,
    ) -> Started:
        """Begin a round trip with the provider, to verify ``principal`` or to sign in."""
        user_id = None
        if purpose == "verify":
            user_id = self._resident(tenant, principal).user_id
        config = self._oidc.usable(self.settings(tenant), purpose)
        return self._oidc.start(
            tenant,
            config,
            purpose=purpose,
            user_id=user_id,
            return_to=return_to,
            redirect_uri=redirect_uri(origin),
        )

    def finish_oidc(
        self,
        tenant: TenantContext,
        *,
        state: str | None,
        code: str | None,
        error: str | None,
        browser_token: str | None,
        locale: str,
    ) -> OidcOutcome:
        """Complete the round trip; every failure becomes a page that says what went wrong."""
        purpose: Purpose = "sign_in"
        try:
            record = self._oidc.take_state(tenant, state, browser_token)
            purpose = "verify" if record.purpose == "verify" else "sign_in"
            if error or not code:
                raise OidcError(code="provider_refused")
            config = self._oidc.usable(self.settings(tenant), purpose)
            identity = self._oidc.finish(tenant, config, record, code)
            if purpose == "verify":
                user = UserRepository(tenant).require(str(record.user_id))
                if user.verified_at is not None:
                    raise AlreadyVerifiedError()
                self._complete(tenant, user, identity)
                return OidcOutcome(_with_query("/verify", verified="oidc", next=record.return_to))
            session = self._sign_in(tenant, config, identity, locale)
            return OidcOutcome(record.return_to, session)
        except DomainError as failure:
            page = "/verify" if purpose == "verify" else "/sign-in"
            return OidcOutcome(_with_query(page, oidc_error=failure.code))

    def _sign_in(
        self, tenant: TenantContext, config: OidcConfig, identity: VerifiedIdentity, locale: str
    ) -> IssuedSession:
        """Find the identity's account (or the account of its verified email), or create one."""
        users = UserRepository(tenant)
        owner = VerificationRepository(tenant).identity_owner(identity.method, identity.subject)
        user = users.get(owner) if owner else None
        if user is None:
            user = self._account_for(tenant, identity, locale)
            owner = VerificationRepository(tenant).claim_identity(
                identity.method, identity.subject, user.user_id, self._clock()
            )
            if owner != user.user_id:
                raise IdentityInUseError()
        if config.verification and user.verified_at is None:
            verified = users.verify_once(user.user_id, identity.method, self._clock())
            if verified is not None:
                user = verified
                self._publisher.publish(user_changed(tenant.tenant_id, user.user_id))
        return self._sessions.start(tenant, user)

    def _account_for(
        self, tenant: TenantContext, identity: VerifiedIdentity, locale: str
    ) -> UserRecord:
        if identity.email is None:
            raise OidcError(code="email_missing")
        existing = UserRepository(tenant).find_by_email(identity.email)
        if existing is not None:
            # Linking by email only when the provider vouches for the address.
            if not identity.email_verified:
                raise OidcError(code="email_in_use")
            return existing
        return self._accounts.register_user(
            tenant,
            identity.email,
            secrets.token_urlsafe(32),  # no password: they sign in with the provider
            identity.first_name or identity.email.split("@")[0],
            identity.last_name or "",
            locale,
            confirmed=identity.email_verified,
            external=True,
        )

    # Admins ----------------------------------------------------------------

    def _admin(self, tenant: TenantContext, principal: Principal) -> None:
        authorize(principal, Action.VERIFICATION_MANAGE, Resource(tenant_id=tenant.tenant_id))

    def admin_view(
        self, tenant: TenantContext, principal: Principal, origin: str
    ) -> VerificationAdmin:
        self._admin(tenant, principal)
        settings = self.settings(tenant)
        callback = redirect_uri(origin)
        return VerificationAdmin(
            available_methods=self._registry.ids(),
            enabled_methods=sorted(settings.enabled),
            oidc=self._provider_view(settings, callback),
            redirect_uri=callback,
            batches=self._codes.batches(tenant),
        )

    @staticmethod
    def _provider_view(settings: PlatformVerification, callback: str) -> OidcProvider | None:
        config = settings.oidc
        if config is None:
            return None
        return OidcProvider(
            name=config.name,
            issuer=config.issuer,
            client_id=config.client_id,
            scopes=list(config.scopes),
            claims=config.claims,
            sign_in=config.sign_in,
            verification=config.verification,
            client_secret_set=settings.oidc_secret_set,
            redirect_uri=callback,
        )

    def set_methods(
        self, tenant: TenantContext, principal: Principal, body: MethodsUpdate, origin: str
    ) -> VerificationAdmin:
        self._admin(tenant, principal)
        repository = VerificationRepository(tenant)
        now = self._clock()
        record = repository.settings() or repository.new_settings(now)
        record.enabled_methods = set(body.enabled_methods) or None
        record.updated_at = now
        repository.save_settings(record)
        return self.admin_view(tenant, principal, origin)

    def set_oidc(
        self, tenant: TenantContext, principal: Principal, body: OidcProviderUpdate, origin: str
    ) -> VerificationAdmin:
        """Set the provider; a new client secret goes to Secrets Manager, never to the table."""
        self._admin(tenant, principal)
        repository = VerificationRepository(tenant)
        now = self._clock()
        record = repository.settings() or repository.new_settings(now)
        if body.client_secret is not None:
            self._secrets.put(tenant, OIDC_CLIENT_SECRET, body.client_secret)
            record.oidc_secret_set = True
        record.oidc = OidcConfig(
            name=body.name,
            issuer=str(body.issuer).rstrip("/"),
            client_id=body.client_id,
            scopes=tuple(body.scopes),
            claims=body.claims,
            sign_in=body.sign_in,
            verification=body.verification,
        ).to_json()
        record.updated_at = now
        repository.save_settings(record)
        return self.admin_view(tenant, principal, origin)

    def upload_codes(
        self, tenant: TenantContext, principal: Principal, label: str, codes: list[str]
    ) -> CodeUploaded:
        self._admin(tenant, principal)
        batch, skipped = self._codes.upload(tenant, str(principal.user_id), label, codes)
        return CodeUploaded(batch=batch, skipped=skipped)

    def generate_codes(
        self, tenant: TenantContext, principal: Principal, label: str, count: int
    ) -> GeneratedCodes:
        self._admin(tenant, principal)
        batch, codes = self._codes.generate(tenant, str(principal.user_id), label, count)
        return GeneratedCodes(batch=batch, codes=codes)

    def revoke_batch(self, tenant: TenantContext, principal: Principal, batch_id: str) -> CodeBatch:
        self._admin(tenant, principal)
        return self._codes.revoke_batch(tenant, batch_id)

    def revoke_code(self, tenant: TenantContext, principal: Principal, code: str) -> None:
        self._admin(tenant, principal)
        self._codes.revoke_code(tenant, code)
