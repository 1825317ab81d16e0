"""Repository of verification settings, codes, identity claims and OIDC state.

One method per access pattern; every key is built through the tenant
context, and every single-use rule is a single-item conditional write.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from pynamodb.exceptions import DeleteError, PutError, UpdateError

from shared.db.repository import TenantRepository
from shared.verification.models import (
    BatchRecord,
    CodeRecord,
    CodesByState,
    IdentityClaim,
    OidcStateRecord,
    SettingsRecord,
    VerificationItem,
)

UNUSED, USED, REVOKED = "unused", "used", "revoked"
CODE_STATES = (UNUSED, USED, REVOKED)
BATCH = 100
LIST_LIMIT = 200


def _condition_failed(error: Exception) -> bool:
    return getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException"


def identity_digest(method: str, subject: str) -> str:
    """The key under which a verified identity is claimed (no raw subject in keys)."""
    return hashlib.sha256(f"{method}\x00{subject}".encode()).hexdigest()


class VerificationRepository(TenantRepository):
    """Verification data of one platform."""

    # Settings --------------------------------------------------------------

    @property
    def settings_key(self) -> str:
        return self.key("SETTINGS")

    def settings(self) -> SettingsRecord | None:
        try:
            record = SettingsRecord.get(self.settings_key, consistent_read=True)
        except SettingsRecord.DoesNotExist:
            return None
        result: SettingsRecord = self.check(record)
        return result

    def save_settings(self, record: SettingsRecord) -> None:
        """Write the settings as a whole (admin edits are rare; the last one wins)."""
        self.check(record)
        record.save()

    def new_settings(self, now: datetime) -> SettingsRecord:
        return SettingsRecord(
            self.settings_key, created_at=now, updated_at=now, enabled_methods=None
        )

    # Batches ---------------------------------------------------------------

    def _batch_key(self, batch_id: str) -> str:
        return self.key("BATCH", batch_id)

    def state_key(self, batch_id: str, state: str) -> str:
        return self.key("BATCH", batch_id, state)

    def add_batch(
        self, batch_id: str, label: str, source: str, total: int, by: str, now: datetime
    ) -> BatchRecord:
        record = BatchRecord(
            self._batch_key(batch_id),
            batch_id=batch_id,
            label=label,
            source=source,
            total=total,
            created_by=by,
            created_at=now,
            list_pk=self.key("BATCHES"),
            list_sk=f"{now.isoformat()}#{batch_id}",
        )
        record.save(condition=BatchRecord.pk.does_not_exist())
        return record

    def set_batch_total(self, record: BatchRecord, total: int) -> None:
        record.update(actions=[BatchRecord.total.set(total)])

    def batch(self, batch_id: str) -> BatchRecord | None:
        try:
            record = BatchRecord.get(self._batch_key(batch_id), consistent_read=True)
        except BatchRecord.DoesNotExist:
            return None
        result: BatchRecord = self.check(record)
        return result

    def batches(self) -> list[BatchRecord]:
        """The platform's newest batches first (at most :data:`LIST_LIMIT`)."""
        found = VerificationItem.batches.query(
            self.key("BATCHES"), scan_index_forward=False, limit=LIST_LIMIT
        )
        return [self.check(item) for item in found if isinstance(item, BatchRecord)]

    def _state_pages(
        self, batch_id: str, state: str, select: str | None
    ) -> Iterator[dict[str, Any]]:
        """Raw pages of the keys-only index (its items carry no ``kind`` to build models from)."""
        connection = VerificationItem._get_connection()
        start: Any = None
        while True:
            page = connection.query(
                self.state_key(batch_id, state),
                index_name=CodesByState.Meta.index_name,
                exclusive_start_key=start,
                select=select,
            )
            yield page
            start = page.get("LastEvaluatedKey")
            if not start:
                return

    def count(self, batch_id: str, state: str) -> int:
        """How many codes of a batch are in ``state`` (keys-only index, counted by DynamoDB)."""
        return sum(int(p.get("Count", 0)) for p in self._state_pages(batch_id, state, "COUNT"))

    # Codes -----------------------------------------------------------------

    def code_key(self, code_hash: str) -> str:
        return self.key("CODE", code_hash)

    def existing_codes(self, code_hashes: Iterable[str]) -> set[str]:
        """Which of these hashed codes the platform already holds (batched reads)."""
        wanted = list(dict.fromkeys(code_hashes))
        found: set[str] = set()
        for start in range(0, len(wanted), BATCH):
            keys = [self.code_key(h) for h in wanted[start : start + BATCH]]
            for item in VerificationItem.batch_get(keys, attributes_to_get=["pk", "kind"]):
                found.add(self.check(item).pk.rsplit("#", 1)[1])
        return found

    def add_codes(self, batch_id: str, code_hashes: Iterable[str], now: datetime) -> int:
        """Write new unused codes (callers pass only hashes not already held); returns the count.

        A batch write cannot carry conditions. The caller reads first and
        writes only absent codes; should a concurrent upload write the same
        absent code, both writes are "unused", and a code claimed in between
        is still guarded by its identity claim (one account per code).
        """
        written = 0
        with CodeRecord.batch_write() as batch:
            for code_hash in code_hashes:
                batch.save(
                    CodeRecord(
                        self.code_key(code_hash),
                        batch_id=batch_id,
                        state=UNUSED,
                        state_pk=self.state_key(batch_id, UNUSED),
                        created_at=now,
                    )
                )
                written += 1
        return written

    def code(self, code_hash: str) -> CodeRecord | None:
        try:
            record = CodeRecord.get(self.code_key(code_hash), consistent_read=True)
        except CodeRecord.DoesNotExist:
            return None
        result: CodeRecord = self.check(record)
        return result

    def _move(self, record: CodeRecord, state: str, actions: list[Any]) -> bool:
        """Move an unused code to ``state`` in one conditional write; False if it was not unused."""
        try:
            record.update(
                actions=[
                    CodeRecord.state.set(state),
                    CodeRecord.state_pk.set(self.state_key(record.batch_id, state)),
                    *actions,
                ],
                condition=CodeRecord.pk.exists() & (CodeRecord.state == UNUSED),
            )
        except UpdateError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def claim_code(self, record: CodeRecord, user_id: str, now: datetime) -> bool:
        """Spend an unused code for ``user_id``; of concurrent claims exactly one returns True."""
        return self._move(
            record, USED, [CodeRecord.used_by.set(user_id), CodeRecord.used_at.set(now)]
        )

    def revoke_code(self, record: CodeRecord) -> bool:
        return self._move(record, REVOKED, [])

    def give_back_code(self, digest: str, user_id: str) -> bool:
        """Make a code ``user_id`` spent unused again (their verification did not happen)."""
        record = self.code(digest)
        if record is None:
            return False
        try:
            record.update(
                actions=[
                    CodeRecord.state.set(UNUSED),
                    CodeRecord.state_pk.set(self.state_key(record.batch_id, UNUSED)),
                    CodeRecord.used_by.remove(),
                    CodeRecord.used_at.remove(),
                ],
                condition=(CodeRecord.state == USED) & (CodeRecord.used_by == user_id),
            )
        except UpdateError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def unused_codes(self, batch_id: str) -> Iterator[CodeRecord]:
        """The codes of a batch still unused (keys only: enough to revoke them)."""
        for page in self._state_pages(batch_id, UNUSED, None):
            for item in page.get("Items", []):
                pk = str(item["pk"]["S"])
                self.check(CodeRecord(pk))
                yield CodeRecord(pk, batch_id=batch_id, state=UNUSED)

    # Identity claims -------------------------------------------------------

    def _identity_key(self, method: str, subject: str) -> str:
        return self.key("IDENTITY", identity_digest(method, subject))

    def identity_owner(self, method: str, subject: str) -> str | None:
        """The account a verified identity backs, or None."""
        try:
            record = IdentityClaim.get(self._identity_key(method, subject), consistent_read=True)
        except IdentityClaim.DoesNotExist:
            return None
        self.check(record)
        owner: str = record.user_id
        return owner

    def claim_identity(self, method: str, subject: str, user_id: str, now: datetime) -> str:
        """Bind the identity to ``user_id`` unless it backs an account already; returns the owner.

        ``attribute_not_exists(pk)`` decides between concurrent claims; the
        loser reads and returns the winner.
        """
        return self.try_claim_identity(method, subject, user_id, now)[0]

    def try_claim_identity(
        self, method: str, subject: str, user_id: str, now: datetime
    ) -> tuple[str, bool]:
        """As :meth:`claim_identity`, and whether this call made the claim."""
        claim = IdentityClaim(
            self._identity_key(method, subject),
            user_id=user_id,
            method=method,
            created_at=now,
            user_pk=self.key("USER", user_id),
        )
        try:
            claim.save(condition=IdentityClaim.pk.does_not_exist())
        except PutError as error:
            if not _condition_failed(error):
                raise
            owner = self.identity_owner(method, subject)
            return (owner if owner is not None else user_id), False
        return user_id, True

    def release_identity(self, method: str, subject: str, user_id: str) -> None:
        """Delete one identity claim of ``user_id`` (a verification that did not happen)."""
        try:
            IdentityClaim(self._identity_key(method, subject)).delete(
                condition=IdentityClaim.user_id == user_id
            )
        except DeleteError as error:
            if not _condition_failed(error):
                raise

    def release_identities(self, user_id: str) -> int:
        """Delete every identity claim of an account (it is being deleted)."""
        keys = [
            self.check(item).pk
            for item in VerificationItem.claims_by_user.query(self.key("USER", user_id))
        ]
        for pk in keys:
            try:
                IdentityClaim(pk).delete(condition=IdentityClaim.user_id == user_id)
            except DeleteError as error:
                if not _condition_failed(error):  # gone already: a retried erasure
                    raise
        return len(keys)

    # OIDC state (table ``auth``) -------------------------------------------

    def _state_key(self, state: str) -> str:
        return self.key("OIDC", hashlib.sha256(state.encode()).hexdigest())

    def add_oidc_state(self, state: str, expires: datetime, **values: Any) -> None:
        OidcStateRecord(self._state_key(state), expires=expires, **values).save(
            condition=OidcStateRecord.pk.does_not_exist()
        )

    def take_oidc_state(self, state: str, now: datetime) -> OidcStateRecord | None:
        """The live round trip of ``state``, deleted so it completes once; else None."""
        try:
            record = OidcStateRecord.get(self._state_key(state), consistent_read=True)
        except OidcStateRecord.DoesNotExist:
            return None
        self.check(record)
        try:
            record.delete(condition=OidcStateRecord.pk.exists())
        except DeleteError as error:
            if _condition_failed(error):
                return None
            raise
        if record.expires is None or record.expires <= now:
            return None
        return record
