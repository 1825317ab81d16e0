"""Blocking residents: for a period, with a reason they are told, audited.

A block lives in two places, each written by one single-item write:

- the user record (table ``users``: ``blocked_until``, ``block_reason``), which
  authentication reads anyway, so the block takes effect on the very next
  request and the policy refuses posting, commenting, reacting and editing
  with 403 ``blocked`` (until when and why);
- a block item in table ``moderation`` for the team's list of active blocks:

  ============  ==========================  =========  ==============================
  item          pk                          sk         gsi1pk / gsi1sk
  ============  ==========================  =========  ==============================
  block         ``T#t#BLOCK#<user_id>``     ``BLOCK``  ``T#t#BLOCKS`` /
                                                       ``<until ISO>#<user_id>``
  ============  ==========================  =========  ==============================

  Listing active blocks is one Query of ``gsi1`` for sort keys after "now":
  blocks that ran out drop out of the list by their key, with no clean-up job.

The user record is written first: it is what the policy reads, so a failure
between the two writes leaves a working block that the list may miss, never
a listed block that does not bite. Re-blocking replaces the period and the
reason. Team members (any role grant) and oneself cannot be blocked. Every
block and unblock is an audit entry and a ``moderation.user.blocked`` /
``moderation.user.unblocked`` event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Annotated, Protocol

from pydantic import BaseModel, ConfigDict, Field
from pynamodb.attributes import UnicodeAttribute, UTCDateTimeAttribute

from shared.db.pagination import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    Page,
    decode_cursor,
    encode_cursor,
)
from shared.db.repository import TenantRepository
from shared.errors import ConflictError, FieldIssue, NotFoundError, ValidationError
from shared.events import DomainEvent, EventPublisher
from shared.html import PlainText
from shared.identity.directory import PublicProfile
from shared.identity.models import UserRecord
from shared.identity.users import UserRepository
from shared.identity.views import grants_of
from shared.moderation.audit import AuditTrail, sortable
from shared.moderation.models import ModerationItem
from shared.permissions import Action, Principal, authorize
from shared.tenancy.context import TenantContext

BLOCK_SK = "BLOCK"
MAX_BLOCK = timedelta(days=3653)
BLOCKED = "moderation.user.blocked"
UNBLOCKED = "moderation.user.unblocked"

UserId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


def _utcnow() -> datetime:
    return datetime.now(UTC)


class BlockRecord(ModerationItem, discriminator="block"):
    """One active or past block: pk ``T#t#BLOCK#<user_id>``, sk ``BLOCK``; gsi1 (active list)."""

    user_id = UnicodeAttribute()
    until = UTCDateTimeAttribute()
    reason = UnicodeAttribute()
    blocked_by = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()


# ---- API shapes ---------------------------------------------------------------------------


class BlockCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user_id: UserId
    until: datetime = Field(
        description="When the block ends (ISO 8601; UTC when no offset is given): in the "
        "future, at most ten years ahead."
    )
    reason: Annotated[PlainText, Field(min_length=1, max_length=500)] = Field(
        description="Why, in words the resident will read."
    )


class Block(BaseModel):
    """A block as the team sees it."""

    user: PublicProfile
    until: datetime
    reason: str
    blocked_by: PublicProfile
    created_at: datetime


class BlockListQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    cursor: str | None = Field(default=None, max_length=2000)
    limit: int = Field(default=DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


# ---- errors -------------------------------------------------------------------------------


class CannotBlockTeamError(ConflictError):
    code = "cannot_block_team"
    title = "Members of the platform's team cannot be blocked."


class CannotBlockSelfError(ConflictError):
    code = "cannot_block_self"
    title = "You cannot block yourself."


class NotBlockedError(NotFoundError):
    code = "not_blocked"
    title = "This user is not blocked."


# ---- data access --------------------------------------------------------------------------


class BlockRepository(TenantRepository):
    """The block items of one tenant (one method per access pattern)."""

    def _pk(self, user_id: str) -> str:
        return self.key("BLOCK", user_id)

    def put(self, record: BlockRecord) -> None:
        self.check(record).save()

    def new(
        self, user_id: str, until: datetime, reason: str, blocked_by: str, now: datetime
    ) -> BlockRecord:
        return BlockRecord(
            self._pk(user_id),
            BLOCK_SK,
            user_id=user_id,
            until=until,
            reason=reason,
            blocked_by=blocked_by,
            created_at=now,
            gsi1pk=self.key("BLOCKS"),
            gsi1sk=f"{sortable(until)}#{user_id}",
        )

    def get(self, user_id: str) -> BlockRecord | None:
        """The user's block item (active or past), or None."""
        try:
            record = BlockRecord.get(self._pk(user_id), BLOCK_SK, consistent_read=True)
        except BlockRecord.DoesNotExist:
            return None
        found: BlockRecord = self.check(record)
        return found

    def delete(self, user_id: str) -> bool:
        """Remove a user's block item; False if there was none."""
        try:
            record = BlockRecord.get(self._pk(user_id), BLOCK_SK, consistent_read=True)
        except BlockRecord.DoesNotExist:
            return False
        self.check(record).delete()
        return True

    def active_page(
        self, now: datetime, cursor: str | None, limit: int
    ) -> tuple[list[BlockRecord], str | None]:
        """Blocks that end after ``now``, the soonest to end first."""
        hash_key = self.key("BLOCKS")
        names = ("pk", "sk", "gsi1pk", "gsi1sk")
        start = None
        if cursor:
            start = decode_cursor(cursor, self.tenant)
            if start is None or set(start) != set(names) or start["gsi1pk"] != {"S": hash_key}:
                raise ValidationError(
                    issues=[
                        FieldIssue(
                            "cursor", "invalid_cursor", "This page link is not valid any more."
                        )
                    ]
                )
        rows = ModerationItem.gsi1.query(
            hash_key,
            ModerationItem.gsi1sk > sortable(now),
            limit=limit + 1,
            last_evaluated_key=start,
        )
        records = [self.check(r) for r in rows if isinstance(r, BlockRecord)]
        items = records[:limit]
        if len(records) <= limit or not items:
            return items, None
        last = items[-1]
        return items, encode_cursor({name: {"S": getattr(last, name)} for name in names})


# ---- the service --------------------------------------------------------------------------


class Profiles(Protocol):
    """Public profiles (``shared.identity.directory.UserDirectory`` fits)."""

    def profiles(self, tenant: TenantContext, ids: Iterable[str]) -> dict[str, PublicProfile]: ...


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class BlockService:
    """Block, unblock and list blocked residents (``USER_BLOCK``: the platform's team)."""

    def __init__(
        self,
        profiles: Profiles,
        publisher: EventPublisher,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self._profiles = profiles
        self._publisher = publisher
        self._clock = clock

    def _emit(
        self, tenant: TenantContext, principal: Principal, type_: str, **data: object
    ) -> None:
        self._publisher.publish(
            DomainEvent(
                type=type_, tenant_id=tenant.tenant_id, data=data, actor_id=principal.user_id
            )
        )

    def _view(self, tenant: TenantContext, records: list[BlockRecord]) -> list[Block]:
        people = self._profiles.profiles(
            tenant, [r.user_id for r in records] + [r.blocked_by for r in records]
        )
        return [
            Block(
                user=people[r.user_id],
                until=r.until,
                reason=r.reason,
                blocked_by=people[r.blocked_by],
                created_at=r.created_at,
            )
            for r in records
        ]

    def _target(self, tenant: TenantContext, principal: Principal, user_id: str) -> UserRecord:
        user = UserRepository(tenant).get(user_id)
        if user is None:
            raise NotFoundError("There is no such user on this platform.", code="user_not_found")
        if user.user_id == principal.user_id:
            raise CannotBlockSelfError()
        return user

    def _check_period(self, until: datetime, now: datetime) -> None:
        if until <= now:
            issue = FieldIssue("until", "not_in_future", "Choose an end in the future.")
        elif until > now + MAX_BLOCK:
            issue = FieldIssue("until", "too_far", "A block can last at most ten years.")
        else:
            return
        raise ValidationError(issues=[issue])

    def block(self, tenant: TenantContext, principal: Principal, body: BlockCreate) -> Block:
        """Block a resident until ``body.until`` with ``body.reason`` (replacing any block)."""
        authorize(principal, Action.USER_BLOCK)
        assert principal.user_id is not None  # USER_BLOCK needs a signed-in team member
        now = self._clock()
        until = _aware(body.until).astimezone(UTC)
        self._check_period(until, now)
        user = self._target(tenant, principal, body.user_id)
        if grants_of(user):
            raise CannotBlockTeamError()
        previous = user.blocked_until if user.blocked_until and user.blocked_until > now else None
        UserRepository(tenant).set_block(user.user_id, until, body.reason, now)
        blocks = BlockRepository(tenant)
        record = blocks.new(user.user_id, until, body.reason, principal.user_id, now)
        blocks.put(record)
        AuditTrail(tenant, self._clock).record(
            principal.user_id,
            "block",
            subject_user_id=user.user_id,
            reason=body.reason,
            details={
                "until": until.isoformat(),
                "previous_until": previous.isoformat() if previous else None,
            },
        )
        self._emit(
            tenant,
            principal,
            BLOCKED,
            user_id=user.user_id,
            until=until.isoformat(),
            reason=body.reason,
        )
        return self._view(tenant, [record])[0]

    def unblock(self, tenant: TenantContext, principal: Principal, user_id: str) -> None:
        """Lift a resident's block at once (404 ``not_blocked`` when none is active)."""
        authorize(principal, Action.USER_BLOCK)
        assert principal.user_id is not None
        now = self._clock()
        user = self._target(tenant, principal, user_id)
        until = user.blocked_until
        if until is None or until <= now:
            raise NotBlockedError()
        UserRepository(tenant).set_block(user.user_id, None, None, now)
        BlockRepository(tenant).delete(user.user_id)
        AuditTrail(tenant, self._clock).record(
            principal.user_id,
            "unblock",
            subject_user_id=user.user_id,
            reason=None,
            details={"until": until.isoformat(), "reason": user.block_reason},
        )
        self._emit(tenant, principal, UNBLOCKED, user_id=user.user_id, until=None, reason=None)

    def active(
        self, tenant: TenantContext, principal: Principal, query: BlockListQuery
    ) -> Page[Block]:
        """The blocks in force now, the soonest to end first."""
        authorize(principal, Action.USER_BLOCK)
        records, cursor = BlockRepository(tenant).active_page(
            self._clock(), query.cursor, query.limit
        )
        return Page[Block](items=self._view(tenant, records), next_cursor=cursor)
