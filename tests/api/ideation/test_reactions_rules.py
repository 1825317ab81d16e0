"""Reaction rules as a state machine: any sequence of reactions by several residents
gives the answers, likes left and (after the worker) counts a plain model predicts."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from shared.permissions import Principal
from tests.api.ideation.conftest import Ideas
from tests.conftest import HOST_A, body_of

RESIDENTS = ("resident-a", "resident-b", "resident-c")
IDEAS = 3
LIMIT = 2


class Reactions(RuleBasedStateMachine):
    """Residents react in one phase; ``env`` holds the test's fixtures."""

    env: dict[str, Any] = {}

    def __init__(self) -> None:
        super().__init__()
        api, admin, tokens = self.env["api"], self.env["admin"], self.env["tokens"]
        self.api = api
        # Every example gets its own project and phase: the like limit is per phase.
        self.world = Ideas(api, admin, tokens)
        self.world.configure(dislikes_enabled=True, max_likes_per_resident=LIMIT)
        self.ideas = [self.world.idea("resident-a")["id"] for _ in range(IDEAS)]
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
        """Let the worker catch up; every idea then shows exactly the model's counts."""
        self.env["pump"].drain()
        for idea_id in self.ideas:
            for user in RESIDENTS:
                page: Any = body_of(self.api.get(f"/ideas/{idea_id}", token=user, host=HOST_A))
                mine = [k for (u, i), k in self.model.items() if i == idea_id]
                assert (page["likes"], page["dislikes"]) == (
                    mine.count("like"),
                    mine.count("dislike"),
                )
                assert page["my_reaction"] == self.model.get((user, idea_id))
                assert page["likes_left"] == LIMIT - self.likes_of(user)

    @invariant()
    def within_the_limit(self) -> None:
        assert all(self.likes_of(user) <= LIMIT for user in RESIDENTS)

    def teardown(self) -> None:
        self.settle()


def test_reactions_follow_the_model(api, admin, tokens, pump):
    tokens.add("resident-c", Principal("resident-c", "alpha", frozenset(), True))
    Reactions.env = {"api": api, "admin": admin, "tokens": tokens, "pump": pump}
    run_state_machine_as_test(
        Reactions,
        settings=settings(
            max_examples=5,
            stateful_step_count=10,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
