"""The reaction service: one reaction per resident per idea, the like limit, the events."""

from __future__ import annotations

import pytest

import shared.ideation.reaction_records  # noqa: F401 - registers the item kinds before `aws`
from shared.errors import AuthenticationError, ForbiddenError, NotFoundError
from shared.events import RecordingPublisher
from shared.ideation.reaction_records import ReactionKind, ReactionRepository
from shared.ideation.reactions import (
    DislikesDisabledError,
    LikeLimitReachedError,
    ReactionService,
)
from shared.participation.methods.ideation import IdeationConfig
from shared.permissions import ANONYMOUS
from tests.unit.shared.ideation.reaction_fakes import ALPHA, BETA, FakeIdeas, resident

LIKE, DISLIKE = ReactionKind.LIKE, ReactionKind.DISLIKE


@pytest.fixture
def world(aws):
    ideas = FakeIdeas(config=IdeationConfig(dislikes_enabled=True)).add("i1", "i2", "i3")
    publisher = RecordingPublisher()
    return ideas, publisher, ReactionService(ideas, publisher)


def test_a_like_is_recorded_once_and_published_once(world):
    _, publisher, service = world
    # WHEN a resident likes an idea twice
    first = service.react(ALPHA, resident("u1"), "i1", LIKE)
    again = service.react(ALPHA, resident("u1"), "i1", LIKE)
    # THEN the idea counts one like, immediately, and one event went out
    assert (first.likes, first.my_reaction, first.likes_left) == (1, LIKE, None)
    assert again.my_reaction == LIKE
    assert [e.type for e in publisher.events] == ["ideation.reaction.changed"]
    event = publisher.events[0]
    assert event.data == {"idea_id": "i1", "phase_id": "ph1", "user_id": "u1", "kind": "like"}
    assert (event.tenant_id, event.actor_id) == ("alpha", "u1")


def test_switching_moves_the_reaction_and_withdrawing_removes_it(world):
    ideas, publisher, service = world
    service.react(ALPHA, resident("u1"), "i1", LIKE)
    ideas.ideas["i1"].likes = 1  # the worker's count
    # WHEN the resident switches to a dislike
    switched = service.react(ALPHA, resident("u1"), "i1", DISLIKE)
    # THEN the like moved to the dislikes in one change
    assert (switched.likes, switched.dislikes, switched.my_reaction) == (0, 1, DISLIKE)
    assert ReactionRepository(ALPHA).ballot("ph1", "u1").reaction("i1") is DISLIKE
    # WHEN they withdraw it, twice
    withdrawn = service.withdraw(ALPHA, resident("u1"), "i1")
    service.withdraw(ALPHA, resident("u1"), "i1")
    # THEN nothing is left and the second withdrawal published nothing
    assert withdrawn.my_reaction is None
    assert ReactionRepository(ALPHA).ballot("ph1", "u1").reaction("i1") is None
    assert [e.data["kind"] for e in publisher.events] == ["like", "dislike", None]


def test_dislikes_are_refused_where_the_phase_switches_them_off(aws):
    ideas = FakeIdeas().add("i1")
    service = ReactionService(ideas, RecordingPublisher())
    with pytest.raises(DislikesDisabledError) as raised:
        service.react(ALPHA, resident("u1"), "i1", DISLIKE)
    assert (raised.value.status, raised.value.code) == (403, "dislikes_disabled")
    assert ReactionRepository(ALPHA).ballot("ph1", "u1").reaction("i1") is None


def test_the_like_limit_counts_the_phase_and_a_withdrawn_like_frees_one(aws):
    ideas = FakeIdeas(config=IdeationConfig(max_likes_per_resident=2, dislikes_enabled=True))
    ideas.add("i1", "i2", "i3")
    service = ReactionService(ideas, RecordingPublisher())
    u1 = resident("u1")
    assert service.react(ALPHA, u1, "i1", LIKE).likes_left == 1
    assert service.react(ALPHA, u1, "i2", LIKE).likes_left == 0
    # WHEN a third like is asked for
    with pytest.raises(LikeLimitReachedError) as raised:
        service.react(ALPHA, u1, "i3", LIKE)
    # THEN it is refused with the limit, and a dislike is still possible
    assert (raised.value.status, raised.value.code, raised.value.extra) == (
        409,
        "like_limit_reached",
        {"limit": 2},
    )
    assert "2 ideas" in raised.value.detail
    assert service.react(ALPHA, u1, "i3", DISLIKE).likes_left == 0
    # a disliked idea cannot become a like while the limit is reached either
    with pytest.raises(LikeLimitReachedError):
        service.react(ALPHA, u1, "i3", LIKE)
    # WHEN one like is withdrawn THEN the third idea can be liked
    assert service.withdraw(ALPHA, u1, "i1").likes_left == 1
    assert service.react(ALPHA, u1, "i3", LIKE).likes_left == 0
    # another resident has their own likes
    assert service.react(ALPHA, resident("u2"), "i3", LIKE).likes_left == 1


@pytest.mark.parametrize(
    ("open_", "config", "reason"),
    [
        (False, IdeationConfig(), "phase_closed"),
        (True, IdeationConfig(reacting_enabled=False), "action_disabled"),
    ],
)
def test_closed_phases_and_disabled_reacting_refuse_every_change(aws, open_, config, reason):
    ideas = FakeIdeas(config=config, open=open_).add("i1")
    publisher = RecordingPublisher()
    service = ReactionService(ideas, publisher)
    for call in (
        lambda: service.react(ALPHA, resident("u1"), "i1", LIKE),
        lambda: service.withdraw(ALPHA, resident("u1"), "i1"),
    ):
        with pytest.raises(ForbiddenError) as raised:
            call()
        assert raised.value.code == reason
    assert publisher.events == []


def test_anonymous_visitors_are_asked_to_sign_in(world):
    _, publisher, service = world
    with pytest.raises(AuthenticationError):
        service.react(ALPHA, ANONYMOUS, "i1", LIKE)
    assert publisher.events == []


def test_an_unknown_idea_is_not_found(world):
    _, _, service = world
    with pytest.raises(NotFoundError):
        service.react(ALPHA, resident("u1"), "nope", LIKE)


def test_the_reader_tells_a_viewer_their_reactions_and_likes_left(world):
    _, _, service = world
    service.react(ALPHA, resident("u1"), "i1", LIKE)
    service.react(ALPHA, resident("u1"), "i2", DISLIKE)
    # WHEN the idea list asks for the viewer's reactions
    mine, left = service.state(ALPHA, "u1", "ph1", ["i1", "i2", "i3"], 5)
    # THEN it gets them for the ideas asked about, and the likes left under the limit
    assert (dict(mine), left) == ({"i1": "like", "i2": "dislike"}, 4)
    assert service.state(ALPHA, "u1", "ph1", ["i3"], None) == ({}, None)
    assert service.state(ALPHA, "u2", "ph1", ["i1"], 3) == ({}, 3)
    # another tenant's resident with the same id has no reactions there
    assert service.state(BETA, "u1", "ph1", ["i1"], 3) == ({}, 3)
