"""The audit trail: append-only entries read newest first, by target, actor or tenant."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

import pytest

from shared.errors import ValidationError
from shared.identity.directory import PublicProfile
from shared.moderation.audit import AuditTrail, audit_page
from shared.moderation.schemas import AuditQuery
from shared.permissions import Principal, Role, RoleGrant
from shared.tenancy import TenantContext


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def test_entries_are_read_newest_first_by_target_actor_and_tenant(tenant: TenantContext) -> None:
    # GIVEN three entries by two moderators on two targets
    trail = AuditTrail(tenant, clock=Clock())
    first = trail.record("mod1", "hide", target_kind="idea", target_id="i1", reason="Spam")
    second = trail.record("mod2", "restore", target_kind="idea", target_id="i1")
    third = trail.record("mod1", "block", subject_user_id="u9", reason="Abuse", details={"d": 1})
    # WHEN the trail is read in each way
    everything, _ = trail.page()
    of_target, _ = trail.page(target_kind="idea", target_id="i1")
    of_actor, _ = trail.page(actor_id="mod1")
    both, _ = trail.page(target_kind="idea", target_id="i1", actor_id="mod1")
    # THEN each view holds its entries newest first, as recorded
    assert [e.id for e in everything] == [third.id, second.id, first.id]
    assert [e.id for e in of_target] == [second.id, first.id]
    assert [e.id for e in of_actor] == [third.id, first.id]
    assert [e.id for e in both] == [first.id]
    assert everything[0].subject_user_id == "u9" and everything[0].details == {"d": 1}
    assert everything[2].reason == "Spam" and everything[2].target_kind == "idea"


def test_pages_follow_the_cursor_without_gaps_or_repeats(tenant: TenantContext) -> None:
    # GIVEN five entries
    trail = AuditTrail(tenant, clock=Clock())
    ids = [
        trail.record("mod1", "review", target_kind="comment", target_id=f"c{i}").id
        for i in range(5)
    ]
    # WHEN read two at a time
    seen: list[str] = []
    cursor = None
    while True:
        items, cursor = trail.page(cursor=cursor, limit=2)
        seen += [e.id for e in items]
        if cursor is None:
            break
    # THEN every entry comes once, newest first
    assert seen == list(reversed(ids))


def test_another_tenants_cursor_or_a_cursor_of_another_view_is_refused(
    tenant: TenantContext,
) -> None:
    # GIVEN a cursor of alpha's trail
    trail = AuditTrail(tenant, clock=Clock())
    for i in range(3):
        trail.record("mod1", "review", target_kind="idea", target_id=f"i{i}")
    _, cursor = trail.page(limit=1)
    assert cursor is not None
    # WHEN it is used on beta's trail, or on the actor view
    # THEN it is refused as an invalid page link
    with pytest.raises(ValidationError):
        AuditTrail(TenantContext("beta", "beta.test")).page(cursor=cursor)
    with pytest.raises(ValidationError):
        trail.page(actor_id="mod1", cursor=cursor)


class OnlyMod1:
    """The people port when mod2's account no longer exists."""

    def profiles(self, tenant: TenantContext, ids: Iterable[str]) -> dict[str, PublicProfile]:
        return {i: PublicProfile(id=i, display_name="Mo D.") for i in ids if i == "mod1"}


def test_an_actor_who_no_longer_exists_is_shown_as_a_former_resident(
    tenant: TenantContext,
) -> None:
    # GIVEN entries by a moderator and by one whose account was deleted since
    trail = AuditTrail(tenant, clock=Clock())
    trail.record("mod1", "hide", target_kind="idea", target_id="i1")
    trail.record("mod2", "restore", target_kind="idea", target_id="i1")
    admin = Principal("adm", tenant.tenant_id, frozenset({RoleGrant(Role.ADMIN)}))
    # WHEN an admin reads the trail
    page = audit_page(tenant, admin, AuditQuery(), OnlyMod1())
    # THEN the deleted moderator is marked former, the other keeps their name
    actors = {e.actor.id: e.actor for e in page.items}
    assert actors["mod2"].former is True and actors["mod2"].display_name == "Former resident"
    assert actors["mod1"].former is False and actors["mod1"].display_name == "Mo D."
