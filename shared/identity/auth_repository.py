"""Repository of refresh tokens, one-time tokens and rate counters (table ``auth``).

Every secret is stored as its SHA-256 only, every expiring item carries the
TTL attribute, and every single-use rule is a conditional write.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from pynamodb.exceptions import DeleteError, UpdateError

from shared.db.repository import TenantRepository
from shared.identity.models import (
    AuthItem,
    OneTimeTokenRecord,
    RateCounterRecord,
    RefreshFamilyRecord,
    RefreshTokenRecord,
)


def digest(secret: str) -> str:
    """The SHA-256 hex digest under which a secret is stored."""
    return hashlib.sha256(secret.encode()).hexdigest()


def _condition_failed(error: Exception) -> bool:
    return getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException"


class AuthRepository(TenantRepository):
    """Session and one-time-token state of one platform."""

    # Refresh sessions ------------------------------------------------------

    def start_family(
        self, family_id: str, user_id: str, version: int, now: datetime, expires: datetime
    ) -> None:
        RefreshFamilyRecord(
            self.key("FAMILY", family_id),
            user_pk=self.key("USER", user_id),
            user_id=user_id,
            version=version,
            created_at=now,
            expires=expires,
        ).save(condition=RefreshFamilyRecord.pk.does_not_exist())

    def get_family(self, family_id: str) -> RefreshFamilyRecord | None:
        try:
            record = RefreshFamilyRecord.get(self.key("FAMILY", family_id), consistent_read=True)
        except RefreshFamilyRecord.DoesNotExist:
            return None
        result: RefreshFamilyRecord = self.check(record)
        return result

    def extend_family(self, family: RefreshFamilyRecord, expires: datetime) -> None:
        """Keep a family alive as long as its newest token (the TTL slides with use)."""
        family.update(actions=[RefreshFamilyRecord.expires.set(expires)])

    def revoke_family(self, family_id: str) -> None:
        """End every token of the family (sign-out, or reuse detected)."""
        family = self.get_family(family_id)
        if family is not None and not family.revoked:
            family.update(actions=[RefreshFamilyRecord.revoked.set(True)])

    def add_refresh_token(
        self,
        token: str,
        csrf_token: str,
        user_id: str,
        family_id: str,
        now: datetime,
        expires: datetime,
    ) -> None:
        RefreshTokenRecord(
            self.key("REFRESH", digest(token)),
            user_pk=self.key("USER", user_id),
            user_id=user_id,
            family_id=family_id,
            csrf_hash=digest(csrf_token),
            created_at=now,
            expires=expires,
        ).save(condition=RefreshTokenRecord.pk.does_not_exist())

    def get_refresh_token(self, token: str) -> RefreshTokenRecord | None:
        try:
            record = RefreshTokenRecord.get(
                self.key("REFRESH", digest(token)), consistent_read=True
            )
        except RefreshTokenRecord.DoesNotExist:
            return None
        result: RefreshTokenRecord = self.check(record)
        return result

    def mark_used(self, record: RefreshTokenRecord) -> bool:
        """Flip ``used`` once; False when another request used the token first."""
        try:
            record.update(
                actions=[RefreshTokenRecord.used.set(True)],
                condition=RefreshTokenRecord.used == False,  # noqa: E712 - a DynamoDB condition
            )
        except UpdateError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    # One-time tokens -------------------------------------------------------

    def add_one_time_token(
        self, purpose: str, token: str, user_id: str, now: datetime, expires: datetime
    ) -> None:
        OneTimeTokenRecord(
            self.key("OTT", purpose, digest(token)),
            user_pk=self.key("USER", user_id),
            user_id=user_id,
            purpose=purpose,
            created_at=now,
            expires=expires,
        ).save(condition=OneTimeTokenRecord.pk.does_not_exist())

    def peek_one_time_token(self, purpose: str, token: str, now: datetime) -> str | None:
        """The user id of a live token, without spending it."""
        try:
            record = OneTimeTokenRecord.get(
                self.key("OTT", purpose, digest(token)), consistent_read=True
            )
        except OneTimeTokenRecord.DoesNotExist:
            return None
        self.check(record)
        if record.expires is None or record.expires <= now:
            return None
        user_id: str = record.user_id
        return user_id

    def consume_one_time_token(self, purpose: str, token: str, now: datetime) -> str | None:
        """The user id of a live token, deleting it so it works once; else None.

        DynamoDB's TTL deletes lazily, so expiry is also checked here; the
        conditional delete makes two concurrent uses succeed at most once.
        """
        try:
            record = OneTimeTokenRecord.get(
                self.key("OTT", purpose, digest(token)), consistent_read=True
            )
        except OneTimeTokenRecord.DoesNotExist:
            return None
        self.check(record)
        try:
            record.delete(condition=OneTimeTokenRecord.pk.exists())
        except DeleteError as error:
            if _condition_failed(error):
                return None
            raise
        if record.expires is None or record.expires <= now:
            return None
        user_id: str = record.user_id
        return user_id

    def erase_user(self, user_id: str) -> int:
        """Delete every session and one-time-token item of a user (index ``by_user``)."""
        keys = [self.check(item).pk for item in AuthItem.by_user.query(self.key("USER", user_id))]
        with AuthItem.batch_write() as batch:
            for pk in keys:
                batch.delete(AuthItem(pk))
        return len(keys)

    # Rate limits -----------------------------------------------------------

    def _counter_key(self, scope: str, subject: str, window: int) -> str:
        return self.key("RATE", scope, digest(subject), str(window))

    def count(self, scope: str, subject: str, window: int) -> int:
        try:
            record = RateCounterRecord.get(self._counter_key(scope, subject, window))
        except RateCounterRecord.DoesNotExist:
            return 0
        self.check(record)
        return int(record.hits or 0)

    def increment(self, scope: str, subject: str, window: int, expires: datetime) -> int:
        """Add one to the window's counter (atomic ``ADD``) and return the new value."""
        record = RateCounterRecord(self._counter_key(scope, subject, window))
        record.update(
            actions=[
                RateCounterRecord.hits.add(1),
                RateCounterRecord.expires.set(expires + timedelta(seconds=60)),
                RateCounterRecord.kind.set(RateCounterRecord),
            ]
        )
        return int(record.hits)
