"""The audit trail: who did what to which content or person, when and why.

Every team action that changes what residents see or may do (hide, restore,
delete, review, block, unblock, profanity settings) records one entry with
:meth:`AuditTrail.record`. Entries are written once and never changed; the
trail is read newest first, tenant-wide, by target or by actor.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pynamodb.exceptions import PutError

from shared.db.pagination import Page, decode_cursor, encode_cursor
from shared.db.repository import TenantRepository
from shared.errors import FieldIssue, ValidationError
from shared.identity.directory import former_profile
from shared.moderation.models import AuditRecord, ModerationItem
from shared.moderation.ports import People
from shared.moderation.schemas import AuditEntry as AuditEntryView
from shared.moderation.schemas import AuditQuery
from shared.permissions import Action, Principal, authorize
from shared.tenancy.context import TenantContext

AUDIT_SK = "AUDIT"


def _utcnow() -> datetime:
    return datetime.now(UTC)


def sortable(moment: datetime) -> str:
    """A fixed-width UTC timestamp that sorts like the time it names."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class AuditEntry:
    """One recorded action, as stored."""

    id: str
    at: datetime
    actor_id: str
    action: str
    target_kind: str | None = None
    target_id: str | None = None
    subject_user_id: str | None = None
    reason: str | None = None
    details: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, record: AuditRecord) -> AuditEntry:
        return cls(
            id=record.entry_id,
            at=record.at,
            actor_id=record.actor_id,
            action=record.action,
            target_kind=record.target_kind,
            target_id=record.target_id,
            subject_user_id=record.subject_user_id,
            reason=record.reason,
            details=dict(record.details or {}),
        )


def _invalid_cursor() -> ValidationError:
    return ValidationError(
        issues=[FieldIssue("cursor", "invalid_cursor", "This page link is not valid any more.")]
    )


class AuditTrail(TenantRepository):
    """The audit entries of one tenant: append and read (one method per access pattern)."""

    def __init__(self, tenant: TenantContext, clock: Callable[[], datetime] = _utcnow) -> None:
        super().__init__(tenant)
        self._clock = clock

    def record(
        self,
        actor_id: str,
        action: str,
        *,
        target_kind: str | None = None,
        target_id: str | None = None,
        subject_user_id: str | None = None,
        reason: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> AuditEntry:
        """Append one entry (a fresh id: the conditional put never overwrites an entry)."""
        entry_id = uuid.uuid4().hex
        at = self._clock()
        stamp = f"{sortable(at)}#{entry_id}"
        record = AuditRecord(
            self.key("AUDIT", entry_id),
            AUDIT_SK,
            entry_id=entry_id,
            at=at,
            actor_id=actor_id,
            action=action,
            target_kind=target_kind,
            target_id=target_id,
            subject_user_id=subject_user_id,
            reason=reason,
            details=details or {},
            gsi1pk=self.key("AUDIT"),
            gsi1sk=stamp,
            gsi3pk=self.key("AUDIT", "ACTOR", actor_id),
            gsi3sk=stamp,
        )
        if target_kind and target_id:
            record.gsi2pk = self.key("AUDIT", "TARGET", target_kind, target_id)
            record.gsi2sk = stamp
        try:
            self.check(record).save(condition=AuditRecord.pk.does_not_exist())
        except PutError as error:  # a uuid4 clash: never overwrite history
            raise RuntimeError("audit entry id collision") from error
        return AuditEntry.of(record)

    def page(
        self,
        *,
        target_kind: str | None = None,
        target_id: str | None = None,
        actor_id: str | None = None,
        cursor: str | None = None,
        limit: int = 20,
    ) -> tuple[list[AuditEntry], str | None]:
        """Entries newest first: of one target (and actor), of one actor, or of the tenant."""
        condition = None
        if target_kind and target_id:
            gsi, hash_key = "gsi2", self.key("AUDIT", "TARGET", target_kind, target_id)
            if actor_id:
                condition = AuditRecord.actor_id == actor_id
        elif actor_id:
            gsi, hash_key = "gsi3", self.key("AUDIT", "ACTOR", actor_id)
        else:
            gsi, hash_key = "gsi1", self.key("AUDIT")
        names = ("pk", "sk", f"{gsi}pk", f"{gsi}sk")
        start = decode_cursor(cursor, self.tenant)
        if start is not None and (set(start) != set(names) or start[f"{gsi}pk"] != {"S": hash_key}):
            raise _invalid_cursor()
        index = getattr(ModerationItem, gsi)
        rows = list(
            index.query(
                hash_key,
                filter_condition=condition,
                scan_index_forward=False,
                limit=limit + 1,
                last_evaluated_key=start,
            )
        )
        records = [self.check(r) for r in rows if isinstance(r, AuditRecord)]
        items = records[:limit]
        if len(records) <= limit or not items:
            return [AuditEntry.of(r) for r in items], None
        last = items[-1]
        key = {name: {"S": getattr(last, name)} for name in names}
        return [AuditEntry.of(r) for r in items], encode_cursor(key)


def audit_page(
    tenant: TenantContext, principal: Principal, query: AuditQuery, people: People
) -> Page[AuditEntryView]:
    """A page of the trail for admins (AUDIT_READ), newest first, with the actors' profiles."""
    authorize(principal, Action.AUDIT_READ)
    if (query.target_kind is None) != (query.target_id is None):
        field_name = "target_id" if query.target_id is None else "target_kind"
        raise ValidationError(
            issues=[
                FieldIssue(field_name, "target_incomplete", "Give both target_kind and target_id.")
            ]
        )
    entries, cursor = AuditTrail(tenant).page(
        target_kind=query.target_kind.value if query.target_kind else None,
        target_id=query.target_id,
        actor_id=query.actor,
        cursor=query.cursor,
        limit=query.limit,
    )
    profiles = people.profiles(tenant, {e.actor_id for e in entries}) if entries else {}
    items = [
        AuditEntryView(
            id=e.id,
            at=e.at,
            actor=profiles.get(e.actor_id) or former_profile(e.actor_id),
            action=e.action,
            target_kind=e.target_kind,
            target_id=e.target_id,
            subject_user_id=e.subject_user_id,
            reason=e.reason,
            details=e.details,
        )
        for e in entries
    ]
    return Page[AuditEntryView](items=items, next_cursor=cursor)
