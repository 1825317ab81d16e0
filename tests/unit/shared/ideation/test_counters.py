"""Derived counts: mirrored from ballots, recounted idempotently, repaired by reconcile."""

from __future__ import annotations

import pytest

import shared.ideation.reaction_records  # noqa: F401 - registers the item kinds before `aws`
from shared.ideation.reaction_records import ReactionKind, ReactionRepository
from shared.ideation.repository import IdeaRepository
from shared.participation.methods.ideation import IdeationConfig
from tests.unit.shared.ideation.reaction_fakes import (
    ALPHA,
    BETA,
    Setup,
    counts,
    make_idea,
    resident,
)

LIKE, DISLIKE = ReactionKind.LIKE, ReactionKind.DISLIKE


@pytest.fixture
def setup(aws) -> Setup:
    world = Setup()
    world.idea("i1", "i2")
    return world


def test_reaction_events_become_counts(setup):
    # GIVEN three residents reacting, one of whom changes their mind
    setup.service.react(ALPHA, resident("u1"), "i1", LIKE)
    setup.service.react(ALPHA, resident("u2"), "i1", LIKE)
    setup.service.react(ALPHA, resident("u3"), "i1", DISLIKE)
    setup.service.react(ALPHA, resident("u2"), "i1", DISLIKE)
    # WHEN the worker handles the events
    setup.deliver()
    # THEN the idea counts what the ballots hold
    assert counts("i1") == (1, 2, 0)
    assert counts("i2") == (0, 0, 0)


def test_duplicate_and_out_of_order_delivery_changes_nothing(setup):
    setup.service.react(ALPHA, resident("u1"), "i1", LIKE)
    setup.service.react(ALPHA, resident("u1"), "i1", DISLIKE)
    setup.service.react(ALPHA, resident("u2"), "i1", LIKE)
    setup.service.withdraw(ALPHA, resident("u1"), "i1")
    events = setup.publisher.events
    # WHEN the events arrive backwards, and each twice
    setup.deliver([*reversed(events), *events])
    # THEN the counts are those of the final ballots
    assert counts("i1") == (1, 0, 0)
    index = ReactionRepository(ALPHA).idea_reactions("i1")
    assert {u: r.reaction for u, r in index.items()} == {"u1": None, "u2": "like"}


def test_an_older_ballot_read_cannot_overwrite_a_newer_mirror(setup):
    reactions = ReactionRepository(ALPHA)
    setup.service.react(ALPHA, resident("u1"), "i1", LIKE)
    stale = reactions.ballot("ph1", "u1")
    setup.service.withdraw(ALPHA, resident("u1"), "i1")
    setup.deliver()
    # WHEN a slow worker mirrors the older read afterwards
    written = reactions.mirror("i1", "ph1", "u1", stale.reaction("i1"), stale.version)
    # THEN the index keeps the newer state
    assert written is False
    assert reactions.idea_reactions("i1")["u1"].reaction is None


def test_comments_are_counted_from_the_discussion(setup):
    setup.comments["i1"] = 4
    assert setup.counters.comments_changed(ALPHA, "i1") is True
    assert counts("i1") == (0, 0, 4)
    # a second delivery finds nothing to change
    assert setup.counters.comments_changed(ALPHA, "i1") is False
    assert setup.counters.comments_changed(ALPHA, "missing") is False


def test_a_deleted_idea_gives_its_likes_back(aws):
    world = Setup(IdeationConfig(max_likes_per_resident=1))
    world.idea("i1", "i2")
    world.service.react(ALPHA, resident("u1"), "i1", LIKE)
    world.deliver()
    # WHEN the idea is deleted and the worker hears of it
    record = IdeaRepository(ALPHA).get("i1")
    assert record is not None and IdeaRepository(ALPHA).delete(record)
    assert world.counters.idea_deleted(ALPHA, "i1", "ph1") == 1
    # THEN the resident has their like back and the index is gone
    assert ReactionRepository(ALPHA).ballot("ph1", "u1").likes == frozenset()
    assert ReactionRepository(ALPHA).idea_reactions("i1") == {}
    assert world.service.react(ALPHA, resident("u1"), "i2", LIKE).likes_left == 0


def test_a_reaction_that_arrives_after_the_deletion_is_given_back(setup):
    setup.service.react(ALPHA, resident("u1"), "i1", LIKE)
    record = IdeaRepository(ALPHA).get("i1")
    assert record is not None and IdeaRepository(ALPHA).delete(record)
    # WHEN the deletion is handled before the reaction event
    setup.counters.idea_deleted(ALPHA, "i1", "ph1")
    setup.deliver()
    # THEN the ballot no longer holds the deleted idea and nothing was resurrected
    assert ReactionRepository(ALPHA).ballot("ph1", "u1").likes == frozenset()
    assert IdeaRepository(ALPHA).get("i1", consistent=True) is None


def test_reconcile_repairs_counts_and_the_index(setup):
    reactions = ReactionRepository(ALPHA)
    setup.service.react(ALPHA, resident("u1"), "i1", LIKE)
    setup.service.react(ALPHA, resident("u2"), "i1", DISLIKE)
    setup.service.react(ALPHA, resident("u1"), "i2", LIKE)
    setup.deliver()
    # GIVEN drift: a corrupted count, a lost index item, a stray one, a lost event
    IdeaRepository(ALPHA).apply_counts("i1", 99, 0, 0)
    reactions.idea_reactions("i1")["u2"].delete()
    reactions.mirror("i2", "ph1", "ghost", LIKE, 1)
    setup.service.react(ALPHA, resident("u3"), "i2", LIKE)  # event never delivered
    # WHEN reconcile runs for the phase
    result = setup.counters.reconcile(ALPHA, "ph1")
    # THEN every count is what the ballots say, and a second run changes nothing
    assert (result.ideas, result.changed) == (2, 2)
    assert counts("i1") == (1, 1, 0)
    assert counts("i2") == (2, 0, 0)
    again = setup.counters.reconcile(ALPHA, "ph1")
    assert (again.ideas, again.changed) == (2, 0)


def test_reconcile_gives_back_reactions_to_ideas_that_are_gone(setup):
    setup.service.react(ALPHA, resident("u1"), "i1", LIKE)
    record = IdeaRepository(ALPHA).get("i1")
    assert record is not None and IdeaRepository(ALPHA).delete(record)
    setup.counters.reconcile(ALPHA, "ph1")
    assert ReactionRepository(ALPHA).ballot("ph1", "u1").likes == frozenset()


def test_counts_of_one_platform_do_not_reach_another(setup):
    make_idea("i1", "ph1", tenant=BETA)
    setup.service.react(ALPHA, resident("u1"), "i1", LIKE)
    setup.deliver()
    assert counts("i1") == (1, 0, 0)
    assert counts("i1", BETA) == (0, 0, 0)
    assert setup.counters.reconcile(BETA, "ph1").changed == 0
