"""Public profiles: what other residents may see of a user.

Contributions show their author as a display name ("Ada L.") and avatar;
emails and full last names never leave identity through here. Other domains
(ideation, discussion, notifications) depend on :class:`UserDirectory`, not
on the users table. Recipients (email and language) are for workers that
send notifications, never for API responses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pydantic import BaseModel, Field

from shared.identity.models import UserRecord
from shared.identity.users import UserRepository
from shared.identity.views import grants_of
from shared.permissions import Action, Principal, Resource, RoleGrant, can
from shared.tenancy.context import TenantContext

DELETED_NAME = "Former resident"
# The author of contributions kept after their author deleted the account: no user has
# this id (user ids are 32 hex digits), so nothing leads back to the person.
FORMER_RESIDENT = "former-resident"
# @mention suggestions read the word index this many entries at a time, for at most so many pages.
MENTION_READ = 50
MENTION_PAGES = 4


class PublicProfile(BaseModel):
    """An author as residents see them."""

    id: str
    display_name: str
    avatar_url: str | None = None
    former: bool = Field(
        default=False,
        description="The account no longer exists; clients show their own words for "
        '"former resident" (`display_name` then holds the English "Former resident").',
    )


def former_profile(user_id: str) -> PublicProfile:
    """The placeholder for a user who no longer exists (a deleted account, say).

    ``display_name`` stays the English fallback for clients that ignore
    ``former``; residents' clients translate it.
    """
    return PublicProfile(id=user_id, display_name=DELETED_NAME, former=True)


@dataclass(frozen=True)
class Recipient:
    """Who a notification is for: address, language, greeting name, and roles.

    ``grants`` let the notifier ask the policy whether the recipient may see
    what a notification points at (a private project's idea, say).
    """

    user_id: str
    email: str
    locale: str
    first_name: str
    email_confirmed: bool
    grants: frozenset[RoleGrant] = frozenset()

    def principal(self, tenant_id: str) -> Principal:
        return Principal(self.user_id, tenant_id, self.grants, self.email_confirmed)


def _recipient(record: UserRecord) -> Recipient:
    return Recipient(
        user_id=record.user_id,
        email=record.email,
        locale=record.locale,
        first_name=record.first_name,
        email_confirmed=bool(record.email_confirmed),
        grants=grants_of(record),
    )


def display_name(first_name: str, last_name: str) -> str:
    """First name and the initial of the last name: recognisable, not identifying."""
    initial = last_name.strip()[:1]
    return f"{first_name.strip()} {initial}." if initial else first_name.strip()


class UserDirectory:
    """Batch look-ups of users by id within one tenant."""

    def __init__(self, avatar_url: Callable[[str], str]) -> None:
        self._avatar_url = avatar_url

    def _records(self, tenant: TenantContext, ids: Iterable[str]) -> dict[str, UserRecord]:
        return UserRepository(tenant).many(ids)

    def profiles(self, tenant: TenantContext, ids: Iterable[str]) -> dict[str, PublicProfile]:
        """Public profiles by id; unknown (e.g. deleted) users get a neutral placeholder."""
        wanted = {i for i in ids if i}
        records = self._records(tenant, wanted)
        return {
            user_id: self._profile(records[user_id])
            if user_id in records
            else former_profile(user_id)
            for user_id in wanted
        }

    def recipients(self, tenant: TenantContext, ids: Iterable[str]) -> dict[str, Recipient]:
        """Email recipients by id; users who no longer exist are left out."""
        return {
            user_id: _recipient(record) for user_id, record in self._records(tenant, ids).items()
        }

    def team(self, tenant: TenantContext) -> dict[str, Recipient]:
        """Everyone on the platform's back-office team (any role grant), by id.

        One Query of the sparse ``team`` index: a platform has tens of team
        members and thousands of residents, and only the former are read.
        """
        return {r.user_id: _recipient(r) for r in UserRepository(tenant).team_members()}

    def moderators(self, tenant: TenantContext, resource: Resource) -> dict[str, Recipient]:
        """Who moderates ``resource``'s project: its moderators and project managers,
        the managers of its folder and the platform's admins, as the policy says."""
        return {
            user_id: recipient
            for user_id, recipient in self.team(tenant).items()
            if can(recipient.principal(tenant.tenant_id), Action.MODERATE, resource)
        }

    def admins(self, tenant: TenantContext) -> dict[str, Recipient]:
        """The platform's admins."""
        return {
            user_id: recipient
            for user_id, recipient in self.team(tenant).items()
            if recipient.principal(tenant.tenant_id).is_admin
        }

    def search(self, tenant: TenantContext, text: str, limit: int = 8) -> list[PublicProfile]:
        """Users a word of whose names starts with each word of ``text`` (@mentions).

        At most ``limit``, read from the word index a few pages at most, so a
        common prefix on a large platform answers as fast as a rare one.
        """
        if len(text.strip()) < 2:
            return []
        repository = UserRepository(tenant)
        found: list[PublicProfile] = []
        cursor: str | None = None
        for _ in range(MENTION_PAGES):
            users, cursor = repository.search_page(text, cursor, MENTION_READ, names_only=True)
            found += [self._profile(user) for user in users if user.deleting_at is None]
            if len(found) >= limit or cursor is None:
                break
        return found[:limit]

    def _profile(self, record: UserRecord) -> PublicProfile:
        return PublicProfile(
            id=record.user_id,
            display_name=display_name(record.first_name, record.last_name),
            avatar_url=self._avatar_url(record.avatar_key) if record.avatar_key else None,
        )
