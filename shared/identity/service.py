"""Accounts: sign-up, email confirmation, sign-in and password reset.

The service never reveals whether an email has an account: sign-in answers
``invalid_credentials`` for an unknown email and a wrong password alike (and
spends the same hashing time), and the resend and reset requests always
succeed silently. Emails go out as ``identity.email.requested`` events.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import EmailStr, TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from shared.errors import AuthenticationError, FieldIssue, ValidationError
from shared.events import EventPublisher
from shared.i18n import DEFAULT_LOCALE, SUPPORTED_LOCALES
from shared.identity.auth_repository import AuthRepository
from shared.identity.errors import InvalidLinkError
from shared.identity.events import user_changed
from shared.identity.models import RoleGrantAttribute, UserRecord
from shared.identity.passwords import Passwords, password_issues
from shared.identity.profiles import (
    NoPolicies,
    NoRegistrationFields,
    PolicyConsents,
    RegistrationAnswers,
)
from shared.identity.ratelimit import (
    MAIL_PER_EMAIL,
    SIGN_IN_PER_EMAIL,
    SIGN_IN_PER_IP,
    Limit,
    RateLimiter,
)
from shared.identity.sessions import IssuedSession, SessionService
from shared.identity.users import UserRepository, search_text
from shared.mail.contract import EmailRequested, MailTemplate, TemplateParams, email_requested
from shared.permissions import RoleGrant
from shared.tenancy.context import TenantContext

CONFIRM_PURPOSE = "confirm"
RESET_PURPOSE = "reset"
CONFIRM_TTL_HOURS = 48
RESET_TTL_HOURS = 1


def normalize_email(email: str) -> str:
    """The form under which an email is unique in a platform."""
    return email.strip().lower()


_EMAIL = TypeAdapter(EmailStr)


def _email_issues(email: str) -> list[FieldIssue]:
    """The same email check the API applies, so a seeded account can always sign in."""
    try:
        _EMAIL.validate_python(email)
    except PydanticValidationError:
        return [FieldIssue("email", "invalid_email", "Enter a valid email address.")]
    return []


def _invalid_token() -> InvalidLinkError:
    return InvalidLinkError()


class IdentityService:
    """Everything about proving who someone is."""

    def __init__(
        self,
        passwords: Passwords,
        sessions: SessionService,
        publisher: EventPublisher,
        limiter: RateLimiter | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        answers: RegistrationAnswers | None = None,
        policies: PolicyConsents | None = None,
    ) -> None:
        self._policies: PolicyConsents = policies or NoPolicies()
        self._passwords = passwords
        self._sessions = sessions
        self._publisher = publisher
        self._limiter = limiter or RateLimiter(clock)
        self._clock = clock
        self._answers: RegistrationAnswers = answers or NoRegistrationFields()

    # Registration ----------------------------------------------------------

    def register_user(
        self,
        tenant: TenantContext,
        email: str,
        password: str,
        first_name: str,
        last_name: str,
        locale: str,
        *,
        confirmed: bool,
        grants: frozenset[RoleGrant] = frozenset(),
        profile: dict[str, Any] | None = None,
        consents: dict[str, Any] | None = None,
        external: bool = False,
    ) -> UserRecord:
        """Create an account (sign-up and seeding); a taken email raises ``email_taken``.

        ``profile``: answers to registration fields, already checked; ``consents``:
        accepted legal documents; ``external``: made by signing in with an identity
        provider (the random password is known to nobody).
        """
        email = normalize_email(email)
        issues = _email_issues(email) + password_issues(password, email)
        if issues:
            raise ValidationError(issues=issues)
        now = self._clock()
        repository = UserRepository(tenant)
        user = repository.new_record(
            uuid.uuid4().hex,
            email,
            first_name=first_name,
            last_name=last_name,
            locale=locale if locale in SUPPORTED_LOCALES else DEFAULT_LOCALE,
            password_hash=self._passwords.hash(password),
            email_confirmed=confirmed,
            roles=[
                RoleGrantAttribute(role=g.role.value, scope=set(g.scope) or None) for g in grants
            ],
            token_version=1,
            profile=profile or None,
            consents=consents or None,
            password_set=False if external else None,
            search=search_text(email, first_name, last_name),
            created_at=now,
            updated_at=now,
        )
        repository.create(user)
        self._publisher.publish(user_changed(tenant.tenant_id, user.user_id))
        return user

    def sign_up(
        self,
        tenant: TenantContext,
        origin: str,
        *,
        email: str,
        password: str,
        first_name: str,
        last_name: str,
        locale: str,
        answers: dict[str, Any] | None = None,
        accepted_policies: dict[str, int] | None = None,
    ) -> UserRecord:
        """Register a resident with their answers to the platform's registration fields
        (every required one answered), and send them the confirmation email."""
        normalized = normalize_email(email)
        issues = _email_issues(normalized) + password_issues(password, normalized)
        profile: dict[str, Any] = {}
        try:
            profile = self._answers.check_answers(tenant, answers or {}, locale, partial=False)
        except ValidationError as error:
            issues += error.issues
        consents: dict[str, Any] = {}
        try:
            consents = self._policies.accepted_at_sign_up(tenant, accepted_policies or {})
        except ValidationError as error:
            issues += error.issues
        if issues:
            raise ValidationError(issues=issues)
        user = self.register_user(
            tenant,
            email,
            password,
            first_name,
            last_name,
            locale,
            confirmed=False,
            profile=profile,
            consents=consents,
        )
        self._limiter.record(tenant, [(MAIL_PER_EMAIL, user.email)])
        self._send_confirmation(tenant, user, origin)
        return user

    def resend_confirmation(self, tenant: TenantContext, email: str, origin: str) -> None:
        """Send a new confirmation link if the account exists and is unconfirmed."""
        user = UserRepository(tenant).find_by_email(normalize_email(email))
        if user is None or user.email_confirmed or not self._mail_allowed(tenant, user.email):
            return
        self._send_confirmation(tenant, user, origin)

    def confirm_email(self, tenant: TenantContext, token: str) -> IssuedSession:
        """Confirm the email of the token's user and sign them in."""
        user_id = AuthRepository(tenant).consume_one_time_token(
            CONFIRM_PURPOSE, token, self._clock()
        )
        if user_id is None or UserRepository(tenant).get(user_id) is None:
            raise _invalid_token()
        user = UserRepository(tenant).confirm_email(user_id, self._clock())
        self._publisher.publish(user_changed(tenant.tenant_id, user_id))
        return self._sessions.start(tenant, user)

    # Signing in ------------------------------------------------------------

    def sign_in(
        self, tenant: TenantContext, email: str, password: str, source_ip: str
    ) -> IssuedSession:
        """Check the password (within the brute-force limits) and start a session."""
        email = normalize_email(email)
        limits: list[tuple[Limit, str]] = [(SIGN_IN_PER_EMAIL, email), (SIGN_IN_PER_IP, source_ip)]
        self._limiter.check(tenant, limits)
        repository = UserRepository(tenant)
        user = repository.find_by_email(email)
        if user is not None and user.deleting_at is not None:
            user = None  # being deleted: as if it were gone already
        if not self._passwords.verify(user.password_hash if user else None, password):
            self._limiter.record(tenant, limits)
            raise AuthenticationError(
                "The email address or password is not right.", code="invalid_credentials"
            )
        assert user is not None
        if self._passwords.needs_rehash(user.password_hash):
            repository.set_password_hash(
                user.user_id, self._passwords.hash(password), self._clock()
            )
        return self._sessions.start(tenant, user)

    # Password reset --------------------------------------------------------

    def request_password_reset(self, tenant: TenantContext, email: str, origin: str) -> None:
        """Email a reset link if the account exists; silent either way."""
        user = UserRepository(tenant).find_by_email(normalize_email(email))
        if user is None or not self._mail_allowed(tenant, user.email):
            return
        token = self._one_time_token(tenant, RESET_PURPOSE, user, RESET_TTL_HOURS)
        self._send(
            tenant,
            MailTemplate.PASSWORD_RESET,
            user,
            f"{origin}/reset-password?token={token}",
            RESET_TTL_HOURS,
        )

    def reset_password(self, tenant: TenantContext, token: str, password: str) -> None:
        """Set a new password with a reset token; every existing session ends."""
        repository, tokens = UserRepository(tenant), AuthRepository(tenant)
        now = self._clock()
        # Check the new password before spending the token, so a refused password
        # leaves the link usable for a second try.
        user_id = tokens.peek_one_time_token(RESET_PURPOSE, token, now)
        user = repository.get(user_id) if user_id else None
        if user is None:
            raise _invalid_token()
        issues = password_issues(password, user.email)
        if issues:
            raise ValidationError(issues=issues)
        if tokens.consume_one_time_token(RESET_PURPOSE, token, now) != user.user_id:
            raise _invalid_token()
        repository.reset_password(user.user_id, self._passwords.hash(password), now)

    # Helpers ---------------------------------------------------------------

    def _mail_allowed(self, tenant: TenantContext, email: str) -> bool:
        """At most a few requested emails per address and window; quietly drop the rest."""
        if self._limiter.exceeded(tenant, MAIL_PER_EMAIL, email):
            return False
        self._limiter.record(tenant, [(MAIL_PER_EMAIL, email)])
        return True

    def _one_time_token(
        self, tenant: TenantContext, purpose: str, user: UserRecord, hours: int
    ) -> str:
        token = secrets.token_urlsafe(32)
        now = self._clock()
        AuthRepository(tenant).add_one_time_token(
            purpose, token, user.user_id, now, now + timedelta(hours=hours)
        )
        return token

    def _send_confirmation(self, tenant: TenantContext, user: UserRecord, origin: str) -> None:
        token = self._one_time_token(tenant, CONFIRM_PURPOSE, user, CONFIRM_TTL_HOURS)
        self._send(
            tenant,
            MailTemplate.CONFIRM_EMAIL,
            user,
            f"{origin}/confirm-email?token={token}",
            CONFIRM_TTL_HOURS,
        )

    def _send(
        self,
        tenant: TenantContext,
        template: MailTemplate,
        user: UserRecord,
        link: str,
        hours: int,
    ) -> None:
        request = EmailRequested(
            template=template,
            to=user.email,
            locale=user.locale,
            params=TemplateParams(first_name=user.first_name, link=link, expires_hours=hours),
        )
        self._publisher.publish(email_requested(tenant.tenant_id, request, user.user_id))
