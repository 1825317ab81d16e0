"""Deleting an account: the person asks, the ``account_deletion`` workflow erases.

:class:`AccountDeletions` is the API side. The person proves it is them (the
password, or for an account without one a link emailed to its address); the
user is then marked ``deleting`` with a new token version, which ends every
session at once, and one ``account_deletion`` execution is started, named by
the user id (starting it twice is one execution). :class:`AccountEraser` is
the workflow's task: every registered provider erases its part, in stage
order (contributions through their domains' events, the account last), and
``identity.user.deleted`` is announced. Every step is idempotent, so the
workflow simply retries a failed run until it completes.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from shared.errors import ConflictError, FieldIssue, ValidationError
from shared.events import EventPublisher
from shared.exports.workflow import WorkflowStarter
from shared.identity.auth_repository import AuthRepository
from shared.identity.errors import InvalidLinkError
from shared.identity.events import user_deleted
from shared.identity.models import UserRecord
from shared.identity.passwords import Passwords
from shared.identity.ratelimit import SIGN_IN_PER_EMAIL, RateLimiter
from shared.identity.users import UserRepository
from shared.mail.contract import EmailRequested, MailTemplate, TemplateParams, email_requested
from shared.observability import logger
from shared.permissions import Action, Principal, Resource, authorize
from shared.privacy.modes import ErasureMode
from shared.privacy.providers import PersonalDataProvider
from shared.privacy.schemas import AccountDeletion, AccountDeletionRequest
from shared.tenancy.context import TenantContext

DELETE_PURPOSE = "delete"
DELETE_TTL_HOURS = 1


class DeletionNotStartedError(ConflictError):
    status = 503
    code = "deletion_not_started"
    title = "Your account could not be deleted right now. Please try again in a minute."


class ErasureRefusedError(Exception):
    """The workflow names an account whose owner never asked to delete it."""


def _wrong_password() -> ValidationError:
    return ValidationError(
        issues=[FieldIssue("password", "invalid_password", "This is not your password.")]
    )


class AccountDeletions:
    """A person's request to delete their own account."""

    def __init__(
        self,
        passwords: Passwords,
        starter: WorkflowStarter,
        mode: Callable[[TenantContext], ErasureMode],
        publisher: EventPublisher,
        clock: Callable[[], datetime],
        limiter: RateLimiter | None = None,
    ) -> None:
        self._passwords, self._starter, self._mode = passwords, starter, mode
        self._publisher, self._clock = publisher, clock
        self._limiter = limiter or RateLimiter(clock)

    def request(
        self,
        tenant: TenantContext,
        principal: Principal,
        body: AccountDeletionRequest,
        origin: str,
    ) -> AccountDeletion:
        """Delete my account now (password), or email the link that does (no password)."""
        assert principal.user_id is not None
        resource = Resource(
            tenant_id=tenant.tenant_id, id=principal.user_id, owner_id=principal.user_id
        )
        authorize(principal, Action.ACCOUNT_DELETE, resource)
        user = UserRepository(tenant).require(principal.user_id)
        if user.password_set is False:
            if not body.confirm:
                raise ValidationError(
                    issues=[FieldIssue("confirm", "confirmation_required", "Confirm to go on.")]
                )
            self._send_link(tenant, user, origin)
            return AccountDeletion(status="confirmation_sent")
        limit = [(SIGN_IN_PER_EMAIL, user.email)]
        self._limiter.check(tenant, limit)
        if not body.password or not self._passwords.verify(user.password_hash, body.password):
            self._limiter.record(tenant, limit)
            raise _wrong_password()
        return self._start(tenant, user)

    def confirm(self, tenant: TenantContext, token: str) -> AccountDeletion:
        """Finish a deletion with the emailed link (accounts without a password)."""
        user_id = AuthRepository(tenant).consume_one_time_token(
            DELETE_PURPOSE, token, self._clock()
        )
        user = UserRepository(tenant).get(user_id) if user_id else None
        if user is None:
            raise InvalidLinkError()
        return self._start(tenant, user)

    def _send_link(self, tenant: TenantContext, user: UserRecord, origin: str) -> None:
        token, now = secrets.token_urlsafe(32), self._clock()
        AuthRepository(tenant).add_one_time_token(
            DELETE_PURPOSE, token, user.user_id, now, now + timedelta(hours=DELETE_TTL_HOURS)
        )
        request = EmailRequested(
            template=MailTemplate.ACCOUNT_DELETION,
            to=user.email,
            locale=user.locale,
            params=TemplateParams(
                first_name=user.first_name,
                link=f"{origin}/delete-account?token={token}",
                expires_hours=DELETE_TTL_HOURS,
            ),
        )
        self._publisher.publish(email_requested(tenant.tenant_id, request, user.user_id))

    def _start(self, tenant: TenantContext, user: UserRecord) -> AccountDeletion:
        """End every session, then start the erasure; undo the mark if it cannot start."""
        users = UserRepository(tenant)
        users.mark_deleting(user.user_id, self._clock())
        payload = {
            "tenant_id": tenant.tenant_id,
            "user_id": user.user_id,
            "mode": self._mode(tenant).value,
        }
        try:
            self._starter.start(user.user_id, payload)
        except Exception as error:
            logger.exception("account deletion did not start", extra={"user_id": user.user_id})
            users.cancel_deleting(user.user_id)
            raise DeletionNotStartedError() from error
        return AccountDeletion(status="deleting")


class AccountEraser:
    """The ``account_deletion`` workflow's task: every provider erases its part."""

    def __init__(
        self, providers: Callable[[], list[PersonalDataProvider]], publisher: EventPublisher
    ) -> None:
        self._providers, self._publisher = providers, publisher

    def erase(self, tenant: TenantContext, user_id: str, mode: ErasureMode) -> dict[str, Any]:
        """Erase the account (again, after a partial run: every step is idempotent)."""
        user = UserRepository(tenant).get(user_id)
        if user is not None and user.deleting_at is None:
            raise ErasureRefusedError(f"user {user_id} did not ask to be deleted")
        erased = []
        for provider in self._providers():
            provider.erase(tenant, user_id, mode)
            erased.append(provider.name)
        self._publisher.publish(user_deleted(tenant.tenant_id, user_id))
        return {"user_id": user_id, "mode": mode.value, "erased": erased}
