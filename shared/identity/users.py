"""Repository of users and their email claims (table ``users``).

One method per access pattern; every key is built through the tenant
context, and every invariant is a single-item conditional write.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from pynamodb.exceptions import PutError, UpdateError

from shared.db.pagination import decode_cursor, encode_cursor
from shared.db.repository import TenantRepository
from shared.errors import ConflictError, NotFoundError
from shared.identity.models import EmailClaim, RoleGrantAttribute, UserRecord
from shared.permissions import RoleGrant
from shared.tenancy.context import TenantContext

BATCH = 100


def _condition_failed(error: Exception) -> bool:
    return getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException"


def search_text(email: str, first_name: str, last_name: str) -> str:
    """What the admin user search matches: email and names, lower case."""
    return f"{email} {first_name} {last_name}".lower()


class UserRepository(TenantRepository):
    """Users of one platform."""

    def __init__(self, tenant: TenantContext) -> None:
        super().__init__(tenant)
        self.list_key = self.key("USERS")
        self.team_key = self.key("TEAM")

    def _user_key(self, user_id: str) -> str:
        return self.key("USER", user_id)

    def _email_key(self, email: str) -> str:
        return self.key("EMAIL", email)

    def get(self, user_id: str) -> UserRecord | None:
        """The user with ``user_id``, or None."""
        try:
            record = UserRecord.get(self._user_key(user_id), consistent_read=True)
        except UserRecord.DoesNotExist:
            return None
        result: UserRecord = self.check(record)
        return result

    def require(self, user_id: str) -> UserRecord:
        record = self.get(user_id)
        if record is None:
            raise NotFoundError(code="user_not_found")
        return record

    def find_by_email(self, email: str) -> UserRecord | None:
        """The user who claimed ``email`` (normalised), or None."""
        try:
            claim = EmailClaim.get(self._email_key(email), consistent_read=True)
        except EmailClaim.DoesNotExist:
            return None
        self.check(claim)
        return self.get(claim.user_id)

    def new_record(self, user_id: str, email: str, **values: Any) -> UserRecord:
        """An unsaved user item with this tenant's keys."""
        return UserRecord(
            self._user_key(user_id), user_id=user_id, list_pk=self.list_key, email=email, **values
        )

    def create(self, user: UserRecord) -> None:
        """Claim the email, then write the user; a taken email raises ``email_taken``.

        The claim is the single conditional write that decides who owns an
        email. If the user write fails after it, the claim is removed again so
        nothing half-written remains.
        """
        self.check(user)
        user.team_pk = self.team_key if user.roles else None
        claim = EmailClaim(self._email_key(user.email), user_id=user.user_id)
        claim.created_at = user.created_at
        try:
            claim.save(condition=EmailClaim.pk.does_not_exist())
        except PutError as error:
            if _condition_failed(error):
                raise ConflictError(
                    "An account with this email address already exists.", code="email_taken"
                ) from error
            raise
        try:
            user.save(condition=UserRecord.pk.does_not_exist())
        except Exception:
            claim.delete(condition=EmailClaim.user_id == user.user_id)
            raise

    def _update(self, user_id: str, actions: Sequence[Any]) -> UserRecord:
        record = self.require(user_id)
        try:
            record.update(actions=list(actions), condition=UserRecord.pk.exists())
        except UpdateError as error:
            if _condition_failed(error):
                raise NotFoundError(code="user_not_found") from error
            raise
        return record

    def update_profile(self, user_id: str, changes: dict[str, Any], now: datetime) -> UserRecord:
        """Set profile attributes (names, locale, avatar key) and the search text."""
        record = self.require(user_id)
        first = changes.get("first_name", record.first_name)
        last = changes.get("last_name", record.last_name)
        actions: list[Any] = [
            getattr(UserRecord, name).set(value)
            for name, value in changes.items()
            if value is not None
        ]
        if "avatar_key" in changes and changes["avatar_key"] is None:
            actions.append(UserRecord.avatar_key.remove())
        actions += [
            UserRecord.search.set(search_text(record.email, first, last)),
            UserRecord.updated_at.set(now),
        ]
        return self._update(user_id, actions)

    def set_verified(self, user_id: str, method: str, now: datetime) -> UserRecord:
        """Record that the user proved their identity through ``method``."""
        return self._update(
            user_id,
            [
                UserRecord.verified_at.set(now),
                UserRecord.verification_method.set(method),
                UserRecord.updated_at.set(now),
            ],
        )

    def verify_once(self, user_id: str, method: str, now: datetime) -> UserRecord | None:
        """Record a first verification; None if the account is verified already.

        One conditional write (``verified_at`` absent), so of two verifications
        racing for one account exactly one is recorded.
        """
        record = self.require(user_id)
        try:
            record.update(
                actions=[
                    UserRecord.verified_at.set(now),
                    UserRecord.verification_method.set(method),
                    UserRecord.updated_at.set(now),
                ],
                condition=UserRecord.pk.exists() & UserRecord.verified_at.does_not_exist(),
            )
        except UpdateError as error:
            if _condition_failed(error):
                return None
            raise
        return record

    def confirm_email(self, user_id: str, now: datetime) -> UserRecord:
        return self._update(
            user_id, [UserRecord.email_confirmed.set(True), UserRecord.updated_at.set(now)]
        )

    def set_password_hash(self, user_id: str, password_hash: str, now: datetime) -> None:
        """Store a rehashed password (same password, new parameters)."""
        self._update(
            user_id, [UserRecord.password_hash.set(password_hash), UserRecord.updated_at.set(now)]
        )

    def reset_password(self, user_id: str, password_hash: str, now: datetime) -> UserRecord:
        """Store a new password and bump the token version, ending every session."""
        return self._update(
            user_id,
            [
                UserRecord.password_hash.set(password_hash),
                UserRecord.token_version.add(1),
                UserRecord.email_confirmed.set(True),
                UserRecord.updated_at.set(now),
            ],
        )

    def set_roles(self, user_id: str, grants: Sequence[RoleGrant], now: datetime) -> UserRecord:
        roles = [RoleGrantAttribute(role=g.role.value, scope=set(g.scope) or None) for g in grants]
        team = UserRecord.team_pk.set(self.team_key) if roles else UserRecord.team_pk.remove()
        return self._update(
            user_id, [UserRecord.roles.set(roles), team, UserRecord.updated_at.set(now)]
        )

    def team_members(self) -> list[UserRecord]:
        """Every user of this platform who holds a role grant (sparse index ``team``)."""
        return [
            self.check(item)
            for item in UserRecord.team.query(self.team_key)
            if isinstance(item, UserRecord)
        ]

    def set_block(
        self, user_id: str, until: datetime | None, reason: str | None, now: datetime
    ) -> UserRecord:
        """Block the user until ``until`` with ``reason``, or lift the block (``until=None``)."""
        actions: list[Any] = [UserRecord.updated_at.set(now)]
        if until is None:
            actions += [UserRecord.blocked_until.remove(), UserRecord.block_reason.remove()]
        else:
            actions.append(UserRecord.blocked_until.set(until))
            actions.append(
                UserRecord.block_reason.set(reason) if reason else UserRecord.block_reason.remove()
            )
        return self._update(user_id, actions)

    def set_consents(self, user_id: str, consents: dict[str, Any], now: datetime) -> UserRecord:
        """Store the accepted versions of the platform's legal documents."""
        return self._update(
            user_id, [UserRecord.consents.set(consents), UserRecord.updated_at.set(now)]
        )

    def mark_deleting(self, user_id: str, now: datetime) -> UserRecord:
        """The person asked to delete the account: end every session now (token version)."""
        return self._update(
            user_id,
            [
                UserRecord.deleting_at.set(now),
                UserRecord.token_version.add(1),
                UserRecord.updated_at.set(now),
            ],
        )

    def cancel_deleting(self, user_id: str) -> None:
        """Undo :meth:`mark_deleting` when the erasure could not be started."""
        self._update(user_id, [UserRecord.deleting_at.remove()])

    def erase(self, user_id: str) -> None:
        """Delete the user and their email claim (the erasure's last step; gone is fine)."""
        record = self.get(user_id)
        if record is None:
            return
        try:
            claim = EmailClaim.get(self._email_key(record.email), consistent_read=True)
        except EmailClaim.DoesNotExist:
            claim = None
        if claim is not None and claim.user_id == user_id:
            claim.delete()
        UserRecord(record.pk).delete()

    def list_page(
        self, cursor: str | None, limit: int, query: str | None
    ) -> tuple[list[UserRecord], str | None]:
        """One page of this platform's users in email order, optionally filtered."""
        condition = UserRecord.search.contains(query.lower()) if query else None
        results = UserRecord.by_email.query(
            self.list_key,
            filter_condition=condition,
            limit=limit,
            last_evaluated_key=decode_cursor(cursor, self.tenant),
        )
        items: list[UserRecord] = [self.check(item) for item in results]
        return items, encode_cursor(results.last_evaluated_key)

    def many(self, user_ids: Iterable[str]) -> dict[str, UserRecord]:
        """The users that exist among ``user_ids``, by id (batched reads)."""
        wanted = sorted({i for i in user_ids if i})
        found: dict[str, UserRecord] = {}
        for start in range(0, len(wanted), BATCH):
            keys = [self._user_key(i) for i in wanted[start : start + BATCH]]
            for item in UserRecord.batch_get(keys):
                if isinstance(item, UserRecord):
                    found[self.check(item).user_id] = item
        return found

    def every_user(self) -> Iterator[UserRecord]:
        """Every user of the platform, in email order (index ``by_email``)."""
        for item in UserRecord.by_email.query(self.list_key):
            yield self.check(item)
