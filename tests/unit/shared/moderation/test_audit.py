"""The audit trail: append-only entries read newest first, by target, actor or tenant."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from shared.errors import ValidationError
from shared.moderation.audit import AuditTrail
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
