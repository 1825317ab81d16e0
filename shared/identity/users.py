"""Repository of users and their email claims (table ``users``).

One method per access pattern; every key is built through the tenant
context, and every invariant is a single-item conditional write.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from pynamodb.exceptions import PutError, TransactWriteError, UpdateError
from pynamodb.transactions import TransactWrite

from shared.db.pagination import decode_cursor, encode_cursor
from shared.db.repository import TenantRepository
from shared.errors import ConflictError, NotFoundError
from shared.identity.models import EmailClaim, RoleGrantAttribute, UserItem, UserRecord, UserWord
from shared.identity.search_words import (
    WORDS_VERSION,
    matches,
    name_words,
    query_words,
    user_words,
)
from shared.permissions import RoleGrant
from shared.tenancy.context import TenantContext

BATCH = 100
# Profile changes racing each other re-read the user and try again this many times.
WORD_ATTEMPTS = 3


def _condition_failed(error: Exception) -> bool:
    return getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException"


def _cancelled_by_condition(error: TransactWriteError) -> bool:
    return any(
        reason is not None and reason.code == "ConditionalCheckFailed"
        for reason in error.cancellation_reasons
    )


def search_text(email: str, first_name: str, last_name: str) -> str:
    """Email and names, lower case: a change of it means the user's words change too.

    Writes of words are conditional on it (the search itself reads the word index).
    """
    return f"{email} {first_name} {last_name}".lower()


class UserRepository(TenantRepository):
    """Users of one platform."""

    def __init__(self, tenant: TenantContext) -> None:
        super().__init__(tenant)
        self.list_key = self.key("USERS")
        self.team_key = self.key("TEAM")
        self.words_key = self.key("WORDS")

    def _user_key(self, user_id: str) -> str:
        return self.key("USER", user_id)

    def _email_key(self, email: str) -> str:
        return self.key("EMAIL", email)

    def word_item(self, user_id: str, word: str, created_at: datetime | None = None) -> UserWord:
        """The unsaved index item of one of a user's words."""
        return UserWord(
            self.key("WORD", user_id, word),
            user_id=user_id,
            word_pk=self.words_key,
            word_sk=f"{word}#{user_id}",
            created_at=created_at,
        )

    def _words_of(self, record: UserRecord) -> set[str]:
        return user_words(record.email, record.first_name, record.last_name)

    @staticmethod
    def _transaction() -> TransactWrite:
        return TransactWrite(connection=UserItem._get_connection().connection)

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
        user.words_version = WORDS_VERSION
        try:
            with self._transaction() as tx:
                tx.save(user, condition=UserRecord.pk.does_not_exist())
                for word in sorted(self._words_of(user)):
                    tx.save(self.word_item(user.user_id, word, user.created_at))
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
        """Set profile attributes (names, locale, avatar key), the search text and words.

        The user item and its words change in one transaction, on the
        condition that the names are still those read; a profile change that
        raced it makes this one read again and retry.
        """
        for _ in range(WORD_ATTEMPTS):
            if self._write_profile(self.require(user_id), changes, now):
                return self.require(user_id)
        raise ConflictError(
            "Your profile was being changed elsewhere at the same time. Please try again.",
            code="profile_changed",
        )

    def _write_profile(self, record: UserRecord, changes: dict[str, Any], now: datetime) -> bool:
        """One attempt of :meth:`update_profile`; False if another change came first."""
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
            UserRecord.words_version.set(WORDS_VERSION),
            UserRecord.updated_at.set(now),
        ]
        before = self._words_of(record) if record.words_version == WORDS_VERSION else set()
        after = user_words(record.email, first, last)
        unchanged = UserRecord.pk.exists() & (UserRecord.search == record.search)
        try:
            with self._transaction() as tx:
                tx.update(record, actions, condition=unchanged)
                for word in sorted(after - before):
                    tx.save(self.word_item(record.user_id, word, now))
                for word in sorted(before - after):
                    tx.delete(self.word_item(record.user_id, word))
        except TransactWriteError as error:
            if _cancelled_by_condition(error):
                return False
            raise
        return True

    def index_words(self, record: UserRecord, now: datetime) -> bool:
        """Write the word items of a user stored before the word index; True if written.

        Puts are idempotent, and the user item is marked in the same
        transaction on the condition that its names did not change since read
        (a profile change writes the words itself).
        """
        if record.words_version == WORDS_VERSION:
            return False
        unchanged = UserRecord.pk.exists() & (UserRecord.search == record.search)
        try:
            with self._transaction() as tx:
                tx.update(
                    record, [UserRecord.words_version.set(WORDS_VERSION)], condition=unchanged
                )
                for word in sorted(self._words_of(record)):
                    tx.save(self.word_item(record.user_id, word, now))
        except TransactWriteError as error:
            if _cancelled_by_condition(error):
                return False
            raise
        return True

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
        with self._transaction() as tx:
            for word in sorted(self._words_of(record)):
                tx.delete(self.word_item(user_id, word))
            tx.delete(UserRecord(record.pk))

    def list_page(
        self, cursor: str | None, limit: int, query: str | None
    ) -> tuple[list[UserRecord], str | None]:
        """One page of this platform's users: in email order, or those a search finds."""
        if query:
            return self.search_page(query, cursor, limit)
        results = UserRecord.by_email.query(
            self.list_key, limit=limit, last_evaluated_key=decode_cursor(cursor, self.tenant)
        )
        items: list[UserRecord] = [self.check(item) for item in results]
        return items, encode_cursor(results.last_evaluated_key)

    def search_page(
        self, text: str, cursor: str | None, limit: int, *, names_only: bool = False
    ) -> tuple[list[UserRecord], str | None]:
        """One page of the users whose words start with every word of ``text``, in word order.

        The index ``by_word`` is read from the search's longest word on, up to
        ``limit`` entries; a page may hold fewer users than that (or none) and
        still have a cursor. A user is listed once, at their first word that
        starts with the search's longest word. ``names_only`` looks at names
        alone (@mentions never find anyone by an email address).
        """
        query = query_words(text)
        if not query:
            return [], None
        lead = query[0]
        results = UserWord.by_word.query(
            self.words_key,
            UserWord.word_sk.startswith(lead),
            limit=limit,
            last_evaluated_key=decode_cursor(cursor, self.tenant),
        )
        entries = [self.check(item) for item in results if isinstance(item, UserWord)]
        users = self.many(entry.user_id for entry in entries)
        found: list[UserRecord] = []
        for entry in entries:
            user = users.get(entry.user_id)
            if user is None:
                continue
            words = (
                name_words(user.first_name, user.last_name) if names_only else self._words_of(user)
            )
            leading = sorted(word for word in words if word.startswith(lead))
            word = entry.word_sk.rsplit("#", 1)[0]
            if leading and leading[0] == word and matches(words, query):
                found.append(user)
        return found, encode_cursor(results.last_evaluated_key)

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
