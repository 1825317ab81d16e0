"""The notifier's rules that need no AWS: reasons, priorities and stable ids."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from shared.events import DomainEvent
from shared.notifications import NotificationType
from shared.notifications.notifier import PRIORITY, Plan, notification_id


def _event(event_id: str, at: datetime) -> DomainEvent:
    return DomainEvent(
        type="discussion.comment.posted", tenant_id="alpha", event_id=event_id, occurred_at=at
    )


@given(
    st.lists(
        st.tuples(st.sampled_from(["u1", "u2", "u3"]), st.sampled_from(list(NotificationType)))
    )
)
def test_each_person_keeps_the_most_specific_reason(additions) -> None:
    # GIVEN reasons added in any order WHEN planned THEN each person has the best one given
    plan = Plan("idea", "i1")
    for user_id, reason in additions:
        plan.add([user_id], reason)
    for user_id in {u for u, _ in additions}:
        given_reasons = [r for u, r in additions if u == user_id]
        assert plan.reasons[user_id] == min(given_reasons, key=PRIORITY.index)
    assert set(plan.reasons) == {u for u, _ in additions}


def test_empty_ids_are_no_recipients() -> None:
    plan = Plan("idea", "i1")
    plan.add([None, "", "u1"], NotificationType.MENTION)
    assert plan.reasons == {"u1": NotificationType.MENTION}


def test_mention_beats_reply_beats_comment_on_my_idea() -> None:
    assert PRIORITY[:3] == (
        NotificationType.MENTION,
        NotificationType.COMMENT_REPLY,
        NotificationType.COMMENT_ON_MY_IDEA,
    )


def test_notification_ids_are_stable_per_event_and_sort_by_time() -> None:
    at = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    first = notification_id(_event("e1", at))
    assert notification_id(_event("e1", at)) == first
    assert len(first) == 32 and all(c in "0123456789abcdef" for c in first)
    later = [notification_id(_event(f"e{n}", at + timedelta(microseconds=n))) for n in range(1, 50)]
    assert sorted(later) == later and first < later[0]
    assert notification_id(_event("e2", at)) != first
