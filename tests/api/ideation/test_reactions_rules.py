"""Reaction rules as a state machine: any sequence of reactions by several residents
gives the answers and likes left a plain model predicts, leaves after every step
ballots that match the model and never exceed the like limit, and (after the worker)
counts that match it too."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from shared.ideation.reaction_records import BALLOT_PREFIX, Ballot, ReactionRepository
from shared.permissions import Principal
from shared.tenancy import TenantContext
from tests.api.ideation.conftest import Ideas
from tests.conftest import HOST_A, body_of

RESIDENTS = ("resident-a", "resident-b", "resident-c")
IDEAS = 3
LIMIT = 2
TENANT = TenantContext("alpha", HOST_A)


class Reactions(RuleBasedStateMachine):
    """Residents react in one phase; ``env`` holds the test's fixtures."""

    env: dict[str, Any] = {}

    def __init__(self) -> None:
        super().__init__()
        self.api = self.env["api"]
        world: Ideas = self.env["world"]
        # Examples share the test's phase and ideas: each teardown withdraws every reaction,
        # so the next starts from empty ballots (which the invariant checks at once).
        self.phase_id = world.phase_id
        self.ideas: list[str] = self.env["ideas"]
        self.list_path = f"{world.path()}?sort=newest&limit={IDEAS}"
        self.model: dict[tuple[str, str], str] = {}

    def likes_of(self, user: str) -> int:
        return sum(1 for (u, _), kind in self.model.items() if u == user and kind == "like")

    @rule(
        user=st.sampled_from(RESIDENTS),
        index=st.integers(0, IDEAS - 1),
        kind=st.sampled_from(["like", "dislike", None]),
    )
    def react(self, user: str, index: int, kind: str | None) -> None:
        idea_id = self.ideas[index]
        path = f"/ideas/{idea_id}/reaction"
        if kind is None:
            response = self.api.delete(path, token=user, host=HOST_A)
        else:
            response = self.api.put(path, {"kind": kind}, token=user, host=HOST_A)
        current = self.model.get((user, idea_id))
        if kind == "like" and current != "like" and self.likes_of(user) >= LIMIT:
            assert response.status_code == 409, body_of(response)
            assert body_of(response)["code"] == "like_limit_reached"
            return
        assert response.status_code == 200, body_of(response)
        if kind is None:
            self.model.pop((user, idea_id), None)
        else:
            self.model[(user, idea_id)] = kind
        state = body_of(response)
        assert state["my_reaction"] == kind
        assert state["likes_left"] == LIMIT - self.likes_of(user)

    @rule()
    def settle(self) -> None:
        """Let the worker catch up; the list then shows exactly the model's counts."""
        self.env["pump"].drain()
        cards = body_of(self.api.get(self.list_path, host=HOST_A))["items"]
        assert {card["id"] for card in cards} == set(self.ideas)
        for card in cards:
            mine = [k for (u, i), k in self.model.items() if i == card["id"]]
            assert (card["likes"], card["dislikes"]) == (mine.count("like"), mine.count("dislike"))
        # AND each resident's view of an idea says their reaction and the likes they have left
        first = self.ideas[0]
        for user in RESIDENTS:
            page = body_of(self.api.get(f"/ideas/{first}", token=user, host=HOST_A))
            assert page["my_reaction"] == self.model.get((user, first))
            assert page["likes_left"] == LIMIT - self.likes_of(user)

    @invariant()
    def ballots_hold_the_model_within_the_limit(self) -> None:
        """What the system stored after every step: each ballot is the model's, within the limit."""
        stored = {
            record.sk.removeprefix(BALLOT_PREFIX): Ballot.of(record)
            for record in ReactionRepository(TENANT).ballots(self.phase_id)
        }
        for user in RESIDENTS:
            ballot = stored.get(user, Ballot())
            assert len(ballot.likes) <= LIMIT, (user, ballot)
            assert not ballot.likes & ballot.dislikes, (user, ballot)
            mine = {i: k for (u, i), k in self.model.items() if u == user}
            assert {i for i, k in mine.items() if k == "like"} == ballot.likes, (user, ballot)
            assert {i for i, k in mine.items() if k == "dislike"} == ballot.dislikes, (user, ballot)

    def teardown(self) -> None:
        self.settle()
        for user, idea_id in list(self.model):
            response = self.api.delete(f"/ideas/{idea_id}/reaction", token=user, host=HOST_A)
            assert response.status_code == 200, body_of(response)


def test_reactions_follow_the_model(api, admin, tokens, pump):
    tokens.add("resident-c", Principal("resident-c", "alpha", frozenset(), True))
    world = Ideas(api, admin, tokens)
    world.configure(dislikes_enabled=True, max_likes_per_resident=LIMIT)
    posted = [world.idea("resident-a")["id"] for _ in range(IDEAS)]
    Reactions.env = {"api": api, "world": world, "ideas": posted, "pump": pump}
    run_state_machine_as_test(
        Reactions,
        settings=settings(
            max_examples=15,
            stateful_step_count=10,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
