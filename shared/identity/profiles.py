"""A user's own profile: names, language, avatar and answers to registration fields."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from shared.events import EventPublisher
from shared.forms import check_answers
from shared.identity.events import user_changed
from shared.identity.schemas import Me, ProfileUpdate
from shared.identity.users import UserRepository
from shared.identity.views import me_of
from shared.permissions import Action, Principal, Resource, authorize
from shared.tenancy.context import TenantContext


class FileStore(Protocol):
    """What profiles need from upload storage."""

    def download_url(self, key: str, filename: str | None = None) -> str: ...

    def delete(self, key: str) -> None: ...


class RegistrationAnswers(Protocol):
    """Checks answers to the platform's registration fields (provided by that domain)."""

    def check_answers(
        self, tenant: TenantContext, answers: dict[str, Any], locale: str, *, partial: bool
    ) -> dict[str, Any]:
        """The cleaned answers, or a ``ValidationError`` naming ``answers.<field id>``.

        ``partial``: a change of some answers (the others stay); otherwise
        every required field must be answered (sign-up).
        """
        ...


class NoRegistrationFields:
    """A platform that asks nothing: every answer names an unknown field."""

    def check_answers(
        self, tenant: TenantContext, answers: dict[str, Any], locale: str, *, partial: bool
    ) -> dict[str, Any]:
        return check_answers([], answers, locale, prefix="answers", partial=partial)


class PolicyConsents(Protocol):
    """Checks the legal documents accepted at sign-up (provided by the legal domain)."""

    def accepted_at_sign_up(
        self, tenant: TenantContext, accepted: dict[str, int]
    ) -> dict[str, Any]:
        """The consents to store, or a ``ValidationError`` naming the document not accepted."""
        ...


class NoPolicies:
    """A platform without legal documents: nothing to accept."""

    def accepted_at_sign_up(
        self, tenant: TenantContext, accepted: dict[str, int]
    ) -> dict[str, Any]:
        return {}


def merged_answers(
    stored: dict[str, Any] | None, sent: dict[str, Any], cleaned: dict[str, Any]
) -> dict[str, Any]:
    """The stored answers after a change: sent answers replace, sent empty ones clear."""
    kept = {k: v for k, v in (stored or {}).items() if k not in sent}
    return {**kept, **cleaned}


class ProfileService:
    """Reads and changes the signed-in user's own account."""

    def __init__(
        self,
        files: FileStore,
        publisher: EventPublisher,
        answers: RegistrationAnswers | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._files = files
        self._publisher = publisher
        self._answers: RegistrationAnswers = answers or NoRegistrationFields()
        self._clock = clock

    def avatar_url(self, key: str) -> str:
        return self._files.download_url(key)

    def me(self, tenant: TenantContext, principal: Principal) -> Me:
        assert principal.user_id is not None
        authorize(
            principal,
            Action.PROFILE_READ,
            Resource(tenant_id=tenant.tenant_id, id=principal.user_id, owner_id=principal.user_id),
        )
        return me_of(UserRepository(tenant).require(principal.user_id), self.avatar_url)

    def update(
        self,
        tenant: TenantContext,
        principal: Principal,
        change: ProfileUpdate,
        avatar_key: str | None = None,
    ) -> Me:
        """Apply ``change`` (``avatar_key``: a confirmed upload); a replaced avatar is deleted.

        Answers are checked against the platform's fields before anything is
        written; every change is announced (smart groups follow the answers).
        """
        assert principal.user_id is not None
        authorize(
            principal,
            Action.PROFILE_UPDATE,
            Resource(tenant_id=tenant.tenant_id, id=principal.user_id, owner_id=principal.user_id),
        )
        repository = UserRepository(tenant)
        before = repository.require(principal.user_id)
        changes: dict[str, Any] = {
            name: value
            for name, value in (
                ("first_name", change.first_name),
                ("last_name", change.last_name),
                ("locale", change.locale),
            )
            if value is not None
        }
        if change.answers is not None:
            locale = change.locale or before.locale
            cleaned = self._answers.check_answers(tenant, change.answers, locale, partial=True)
            changes["profile"] = merged_answers(before.profile, change.answers, cleaned)
        if avatar_key:
            changes["avatar_key"] = avatar_key
        elif change.remove_avatar:
            changes["avatar_key"] = None
        after = repository.update_profile(principal.user_id, changes, self._clock())
        if before.avatar_key and before.avatar_key != after.avatar_key:
            self._files.delete(before.avatar_key)
        self._publisher.publish(user_changed(tenant.tenant_id, principal.user_id))
        return me_of(after, self.avatar_url)
