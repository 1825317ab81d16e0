"""Trending scores and the sort keys of the phase indexes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from shared.ideation import ranking

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
counts = st.integers(min_value=0, max_value=100_000)


@given(counts, counts, counts)
def test_more_likes_never_lower_the_score(likes: int, dislikes: int, comments: int) -> None:
    before = ranking.trending_score(likes, dislikes, comments, NOW)
    assert ranking.trending_score(likes + 1, dislikes, comments, NOW) >= before
    assert ranking.trending_score(likes, dislikes + 1, comments, NOW) <= before


@given(counts, counts, counts, counts)
def test_keys_sort_like_the_scores(
    a_likes: int, a_comments: int, b_likes: int, b_comments: int
) -> None:
    a = ranking.trending_score(a_likes, 0, a_comments, NOW)
    b = ranking.trending_score(b_likes, 0, b_comments, NOW)
    key_a = ranking.trending_key(a, NOW, "a")
    key_b = ranking.trending_key(b, NOW, "b")
    if round(a, 6) != round(b, 6):
        assert (key_a < key_b) == (a < b)


def test_ten_times_the_activity_equals_the_decay_period_of_recency() -> None:
    older = ranking.trending_score(100, 0, 0, NOW)
    newer = ranking.trending_score(10, 0, 0, NOW + timedelta(seconds=ranking.DECAY_SECONDS))
    assert abs(older - newer) < 1e-6


def test_likes_keys_order_by_likes_then_creation() -> None:
    assert ranking.likes_key(9, NOW, "x") < ranking.likes_key(10, NOW, "x")
    assert ranking.likes_key(3, NOW, "x") < ranking.likes_key(3, NOW + timedelta(1), "x")


def test_shuffle_keys_are_fixed_per_idea_and_seeds_start_in_different_places() -> None:
    assert ranking.shuffle_key("idea1") == ranking.shuffle_key("idea1")
    assert ranking.shuffle_key("idea1") != ranking.shuffle_key("idea2")
    assert ranking.seed_start("a") != ranking.seed_start("b")
    assert len(ranking.seed_start("a")) == 16
