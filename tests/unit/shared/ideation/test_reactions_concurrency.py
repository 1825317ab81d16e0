"""Reactions under concurrency: each thread stands for one Lambda instance (ADR 0003)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest

from shared.errors import DomainError
from shared.ideation.reaction_records import ReactionKind, ReactionRepository
from shared.ideation.reactions import LikeLimitReachedError
from shared.participation.methods.ideation import IdeationConfig
from tests.unit.shared.ideation.reaction_fakes import ALPHA, Setup, counts, resident

LIKE = ReactionKind.LIKE


def _parallel(calls):
    """Run every call at the same moment; return each result or the domain error it raised."""
    barrier = Barrier(len(calls))

    def run(call):
        barrier.wait()
        try:
            return call()
        except DomainError as error:
            return error

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


@pytest.fixture
def setup(aws) -> Setup:
    world = Setup(IdeationConfig(max_likes_per_resident=3))
    world.idea("i1")
    return world


def test_many_residents_liking_one_idea_at_once_are_all_counted(setup):
    users = [f"u{n}" for n in range(24)]
    # WHEN every resident likes the idea at the same moment
    results = _parallel(
        [lambda u=u: setup.service.react(ALPHA, resident(u), "i1", LIKE) for u in users]
    )
    assert all(r.my_reaction == LIKE for r in results)
    # AND the worker handles their events concurrently too
    events = list(setup.publisher.events)
    _parallel([lambda e=e: setup.deliver([e]) for e in events])
    # THEN the count is exact
    assert counts("i1") == (len(users), 0, 0)


def test_one_resident_liking_one_idea_twenty_times_at_once_counts_once(setup):
    results = _parallel(
        [lambda: setup.service.react(ALPHA, resident("u1"), "i1", LIKE) for _ in range(20)]
    )
    assert all(r.my_reaction == LIKE for r in results)
    assert ReactionRepository(ALPHA).ballot("ph1", "u1").likes == {"i1"}
    assert len(setup.publisher.events) == 1
    setup.deliver()
    assert counts("i1") == (1, 0, 0)


def test_twenty_likes_at_once_on_different_ideas_stop_at_the_limit(setup):
    ideas = [f"i{n}" for n in range(2, 22)]
    setup.idea(*ideas)
    # WHEN one resident likes twenty ideas at the same moment, with a limit of three
    results = _parallel(
        [lambda i=i: setup.service.react(ALPHA, resident("u1"), i, LIKE) for i in ideas]
    )
    # THEN exactly three likes exist and the others were refused with the limit
    refused = [r for r in results if isinstance(r, LikeLimitReachedError)]
    assert len(refused) == 17 and all(r.limit == 3 for r in refused)
    liked = ReactionRepository(ALPHA).ballot("ph1", "u1").likes
    assert len(liked) == 3
    setup.deliver()
    assert sum(counts(i)[0] for i in ideas) == 3
