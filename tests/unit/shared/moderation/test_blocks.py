"""BlockService on moto: the user record and the list, audit entries, events, expiry."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

import pytest

from shared.errors import ConflictError, ForbiddenError, NotFoundError, ValidationError
from shared.events import RecordingPublisher
from shared.identity.directory import PublicProfile
from shared.identity.models import RoleGrantAttribute, UserRecord
from shared.identity.users import UserRepository
from shared.identity.views import block_of, principal_of
from shared.moderation.audit import AuditTrail
from shared.moderation.blocks import BlockCreate, BlockListQuery, BlockService
from shared.permissions import Principal, Role, RoleGrant
from shared.tenancy import TenantContext

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
MODERATOR = Principal(
    "mod", "alpha", frozenset({RoleGrant(Role.MODERATOR, frozenset({"p1"}))}), True
)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


class Names:
    """Profiles by id: the user id as display name."""

    def profiles(self, tenant: TenantContext, ids: Iterable[str]) -> dict[str, PublicProfile]:
        return {i: PublicProfile(id=i, display_name=f"name of {i}") for i in ids}


def _user(
    tenant: TenantContext, user_id: str, roles: list[RoleGrantAttribute] | None = None
) -> UserRecord:
    repository = UserRepository(tenant)
    record = repository.new_record(
        user_id,
        f"{user_id}@example.org",
        first_name="Ada",
        last_name="Lovelace",
        locale="en",
        password_hash="x",
        roles=roles or [],
        token_version=1,
        search=user_id,
        created_at=NOW,
        updated_at=NOW,
    )
    repository.create(record)
    return record


@pytest.fixture
def service() -> tuple[BlockService, RecordingPublisher, Clock]:
    publisher, clock = RecordingPublisher(), Clock()
    return BlockService(Names(), publisher, clock), publisher, clock


def _block(days: int = 7, user_id: str = "ada", reason: str = "Insults") -> BlockCreate:
    return BlockCreate(user_id=user_id, until=NOW + timedelta(days=days), reason=reason)


def test_a_block_is_on_the_user_in_the_list_in_the_audit_and_announced(
    tenant: TenantContext, service: tuple[BlockService, RecordingPublisher, Clock]
) -> None:
    # GIVEN a resident
    blocks, publisher, _ = service
    _user(tenant, "ada")
    # WHEN a moderator blocks her for a week
    block = blocks.block(tenant, MODERATOR, _block())
    # THEN her record carries the block, which her next principal reflects
    record = UserRepository(tenant).require("ada")
    principal = principal_of(record, "alpha")
    assert principal.blocked_until == NOW + timedelta(days=7)
    assert principal.block_reason == "Insults"
    assert block_of(record, NOW) is not None and block_of(record, NOW + timedelta(days=8)) is None
    # AND the team's list shows it with both people
    assert block.user.id == "ada" and block.blocked_by.id == "mod"
    page = blocks.active(tenant, MODERATOR, BlockListQuery())
    assert [b.user.id for b in page.items] == ["ada"]
    # AND one audit entry and one event name who, whom, until when and why
    [entry], _ = AuditTrail(tenant).page()
    assert (entry.actor_id, entry.action, entry.subject_user_id, entry.reason) == (
        "mod",
        "block",
        "ada",
        "Insults",
    )
    [event] = publisher.events
    assert event.type == "moderation.user.blocked" and event.actor_id == "mod"
    assert event.data == {
        "user_id": "ada",
        "until": (NOW + timedelta(days=7)).isoformat(),
        "reason": "Insults",
    }


def test_a_block_that_ran_out_leaves_the_list_and_cannot_be_lifted(
    tenant: TenantContext, service: tuple[BlockService, RecordingPublisher, Clock]
) -> None:
    blocks, _, clock = service
    _user(tenant, "ada")
    _user(tenant, "bob")
    blocks.block(tenant, MODERATOR, _block(days=1))
    blocks.block(tenant, MODERATOR, _block(days=3, user_id="bob"))
    # WHEN two days pass THEN only bob's block is in force, soonest to end first before
    assert [b.user.id for b in blocks.active(tenant, MODERATOR, BlockListQuery()).items] == [
        "ada",
        "bob",
    ]
    clock.now = NOW + timedelta(days=2)
    assert [b.user.id for b in blocks.active(tenant, MODERATOR, BlockListQuery()).items] == ["bob"]
    with pytest.raises(NotFoundError) as raised:
        blocks.unblock(tenant, MODERATOR, "ada")
    assert raised.value.code == "not_blocked"


def test_unblocking_clears_the_user_and_the_list_and_is_audited(
    tenant: TenantContext, service: tuple[BlockService, RecordingPublisher, Clock]
) -> None:
    blocks, publisher, clock = service
    _user(tenant, "ada")
    blocks.block(tenant, MODERATOR, _block())
    clock.now += timedelta(minutes=5)
    blocks.unblock(tenant, MODERATOR, "ada")
    record = UserRepository(tenant).require("ada")
    assert record.blocked_until is None and record.block_reason is None
    assert blocks.active(tenant, MODERATOR, BlockListQuery()).items == []
    entries, _ = AuditTrail(tenant).page()
    assert [e.action for e in entries] == ["unblock", "block"]
    assert publisher.events[-1].type == "moderation.user.unblocked"
    assert publisher.events[-1].data == {"user_id": "ada", "until": None, "reason": None}


def test_blocking_again_replaces_period_and_reason(
    tenant: TenantContext, service: tuple[BlockService, RecordingPublisher, Clock]
) -> None:
    blocks, _, clock = service
    _user(tenant, "ada")
    blocks.block(tenant, MODERATOR, _block(days=7))
    clock.now += timedelta(minutes=5)
    blocks.block(tenant, MODERATOR, _block(days=30, reason="Again"))
    [block] = blocks.active(tenant, MODERATOR, BlockListQuery()).items
    assert (block.until, block.reason) == (NOW + timedelta(days=30), "Again")
    entries, _ = AuditTrail(tenant).page()
    assert entries[0].details["previous_until"] == (NOW + timedelta(days=7)).isoformat()


def test_the_list_pages_without_gaps_or_repeats(
    tenant: TenantContext, service: tuple[BlockService, RecordingPublisher, Clock]
) -> None:
    blocks, _, _ = service
    for number in range(5):
        _user(tenant, f"u{number}")
        blocks.block(tenant, MODERATOR, _block(days=number + 1, user_id=f"u{number}"))
    seen, cursor = [], None
    while True:
        page = blocks.active(tenant, MODERATOR, BlockListQuery(limit=2, cursor=cursor))
        seen += [b.user.id for b in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == ["u0", "u1", "u2", "u3", "u4"]


def test_team_members_oneself_and_unknown_users_cannot_be_blocked(
    tenant: TenantContext, service: tuple[BlockService, RecordingPublisher, Clock]
) -> None:
    blocks, publisher, _ = service
    _user(tenant, "boss", [RoleGrantAttribute(role="admin", scope=None)])
    _user(tenant, "mod")
    with pytest.raises(ConflictError) as team:
        blocks.block(tenant, MODERATOR, _block(user_id="boss"))
    assert team.value.code == "cannot_block_team"
    with pytest.raises(ConflictError) as self_:
        blocks.block(tenant, MODERATOR, _block(user_id="mod"))
    assert self_.value.code == "cannot_block_self"
    with pytest.raises(NotFoundError) as unknown:
        blocks.block(tenant, MODERATOR, _block(user_id="nobody"))
    assert unknown.value.code == "user_not_found"
    assert publisher.events == []


@pytest.mark.parametrize(
    ("until", "code"),
    [(NOW - timedelta(minutes=1), "not_in_future"), (NOW + timedelta(days=3660), "too_far")],
)
def test_the_period_must_lie_ahead_and_within_ten_years(
    tenant: TenantContext,
    service: tuple[BlockService, RecordingPublisher, Clock],
    until: datetime,
    code: str,
) -> None:
    blocks, _, _ = service
    _user(tenant, "ada")
    with pytest.raises(ValidationError) as raised:
        blocks.block(tenant, MODERATOR, BlockCreate(user_id="ada", until=until, reason="x"))
    assert [(i.field, i.code) for i in raised.value.issues] == [("until", code)]


def test_a_time_without_offset_is_utc(
    tenant: TenantContext, service: tuple[BlockService, RecordingPublisher, Clock]
) -> None:
    blocks, _, _ = service
    _user(tenant, "ada")
    naive = (NOW + timedelta(days=1)).replace(tzinfo=None)
    block = blocks.block(tenant, MODERATOR, BlockCreate(user_id="ada", until=naive, reason="x"))
    assert block.until == NOW + timedelta(days=1)


def test_residents_cannot_block(
    tenant: TenantContext, service: tuple[BlockService, RecordingPublisher, Clock]
) -> None:
    blocks, _, _ = service
    _user(tenant, "ada")
    resident = Principal("bob", "alpha", frozenset(), True)
    with pytest.raises(ForbiddenError) as raised:
        blocks.block(tenant, resident, _block())
    assert raised.value.code == "team_only"
    with pytest.raises(ForbiddenError):
        blocks.active(tenant, resident, BlockListQuery())
