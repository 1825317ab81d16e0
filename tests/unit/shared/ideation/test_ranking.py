"""Trending scores and the sort keys of the phase indexes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

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


def test_shuffle_keys_are_fixed_per_idea() -> None:
    assert ranking.shuffle_key("idea1") == ranking.shuffle_key("idea1")
    assert ranking.shuffle_key("idea1") != ranking.shuffle_key("idea2")
    assert ranking.shuffle_key("idea1").endswith("#idea1")


def test_a_seeds_arcs_cover_the_ring_once_and_seeds_cut_it_differently() -> None:
    for seed in ("a", "b", ""):
        arcs = sorted(ranking.shuffle_plan(seed), key=lambda arc: arc.low)
        assert len(arcs) == ranking.SHUFFLE_ARCS
        assert arcs[0].low == ranking.RING_START and arcs[-1].high == ranking.RING_END
        assert all(left.high == right.low for left, right in pairwise(arcs))
    assert ranking.shuffle_plan("a") == ranking.shuffle_plan("a")
    assert ranking.shuffle_plan("a") != ranking.shuffle_plan("b")


def test_every_shuffle_key_lies_in_exactly_one_arc() -> None:
    plan = ranking.shuffle_plan("visitor")
    for n in range(200):
        key = ranking.shuffle_key(f"idea{n}")
        assert sum(arc.holds(key) for arc in plan) == 1


def test_round_robin_takes_turns_skips_ended_runs_and_resumes() -> None:
    robin = ranking.RoundRobin([iter("ab"), iter(""), iter("xyz")], turn=2)
    taken = []
    while (item := robin.take()) is not None:
        taken.append(item)
    assert taken == [(2, "x"), (0, "a"), (2, "y"), (0, "b"), (2, "z")]
    assert robin.done == [True, True, True]
    # A robin resumed with the turn and the ended runs goes on where the other stopped.
    resumed = ranking.RoundRobin(
        [iter("b"), iter(""), iter("yz")], turn=0, done=[False, True, False]
    )
    assert [resumed.take(), resumed.take(), resumed.take()] == [(0, "b"), (2, "y"), (2, "z")]


ids = st.lists(st.text("abcdef0123456789", min_size=1, max_size=8), unique=True, max_size=60)


@given(ids, st.text(max_size=10), st.integers(min_value=1, max_value=25))
def test_shuffled_is_a_permutation_that_pages_resume_exactly(
    idea_ids: list[str], seed: str, page: int
) -> None:
    keys = [ranking.shuffle_key(i) for i in idea_ids]
    order = ranking.shuffled(keys, lambda k: k, seed)
    assert sorted(order) == sorted(keys)
    # Reading the arcs page by page, resuming each from its last key, gives the same order.
    plan = ranking.shuffle_plan(seed)
    last: dict[int, str] = {}
    done = [False] * len(plan)
    turn, paged = 0, []
    while True:
        runs = []
        for n, arc in enumerate(plan):
            run = sorted((k for k in keys if arc.holds(k)), reverse=not arc.forward)
            if n in last:
                run = run[run.index(last[n]) + 1 :]
            runs.append(iter(run))
        robin = ranking.RoundRobin(runs, turn, done)
        got = []
        while len(got) < page and (taken := robin.take()) is not None:
            got.append(taken[1])
            last[taken[0]] = taken[1]
        paged += got
        turn, done = robin.turn, robin.done
        if len(got) < page:
            break
    assert paged == order
