"""How ideas are ordered: the sort keys of the phase indexes and the trending score.

The trending score is time-invariant (Reddit's "hot" shape): the log of an
idea's net activity plus its creation time scaled so that ten times the
activity equals :data:`DECAY_SECONDS` of recency. Newer ideas start ahead,
activity keeps an idea up; the score only changes when the counts do, so it
can live in a sort key that the counter worker rewrites with the counts.

The random order reads the shuffle ring (every idea at a fixed hash position)
in arcs that a visitor's seed chooses, taking turns between them (see
:func:`shuffle_plan` and ADR 0004).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

T = TypeVar("T")

DECAY_SECONDS = 45_000
COMMENT_WEIGHT = 0.5


def activity(likes: int, dislikes: int, comments: int) -> float:
    """Net engagement: likes count fully, comments half, dislikes subtract."""
    return likes - dislikes + COMMENT_WEIGHT * comments


def trending_score(likes: int, dislikes: int, comments: int, created_at: datetime) -> float:
    """The time-invariant trending score of an idea (never negative for ideas after 1970)."""
    net = activity(likes, dislikes, comments)
    order = math.log10(max(abs(net), 1.0))
    sign = 1 if net > 0 else -1 if net < 0 else 0
    return max(sign * order + created_at.timestamp() / DECAY_SECONDS, 0.0)


def newest_key(created_at: datetime, idea_id: str) -> str:
    return f"{created_at.isoformat()}#{idea_id}"


def likes_key(likes: int, created_at: datetime, idea_id: str) -> str:
    return f"{max(likes, 0):010d}#{created_at.isoformat()}#{idea_id}"


def trending_key(score: float, created_at: datetime, idea_id: str) -> str:
    """Equal scores (rounded to 1e-6) fall back to the newer idea first."""
    return f"{score:017.6f}#{created_at.isoformat()}#{idea_id}"


def shuffle_position(value: str) -> str:
    """A fixed pseudo-random 16-hex-digit position of ``value`` on the shuffle ring."""
    return hashlib.sha256(value.encode()).hexdigest()[:16]


def shuffle_key(idea_id: str) -> str:
    return f"{shuffle_position('idea:' + idea_id)}#{idea_id}"


# ---- random order: a seed's arcs of the shuffle ring, read in turn ------------------------

SHUFFLE_ARCS = 4
# Shuffle keys start with a lower-case hex digit, so "0" <= key < "g" holds for every key;
# cut points are bare positions, never equal to a key ("<position>#<id>").
RING_START, RING_END = "0", "g"


@dataclass(frozen=True)
class Arc:
    """A stretch ``[low, high)`` of the shuffle ring and the direction it is read in."""

    low: str
    high: str
    forward: bool

    def holds(self, key: str) -> bool:
        return self.low <= key < self.high


def shuffle_plan(seed: str) -> list[Arc]:
    """The arcs a ``seed`` cuts the ring into, in the order its pages take turns on them.

    ``SHUFFLE_ARCS - 1`` seed-derived points and the ring's origin cut the ring; the
    seed also orders the arcs and picks each one's direction. Two seeds therefore
    differ in where the arcs lie, which comes first and which way each is read, so
    ideas change relative order between seeds, not only the starting point.
    """
    cuts = sorted(shuffle_position(f"seed:{seed}:cut:{n}") for n in range(SHUFFLE_ARCS - 1))
    bounds = [RING_START, *cuts, RING_END]
    arcs = [
        Arc(bounds[n], bounds[n + 1], int(shuffle_position(f"seed:{seed}:way:{n}"), 16) % 2 == 0)
        for n in range(SHUFFLE_ARCS)
    ]
    turns = sorted(range(SHUFFLE_ARCS), key=lambda n: shuffle_position(f"seed:{seed}:turn:{n}"))
    return [arcs[n] for n in turns]


class RoundRobin(Generic[T]):
    """One item from each run in turn, skipping the runs that have ended.

    ``turn`` is the run whose turn comes next and ``done`` the runs known to have
    ended: with each run's position, that is all a cursor needs to continue.
    """

    def __init__(
        self, runs: Sequence[Iterator[T]], turn: int = 0, done: Sequence[bool] | None = None
    ) -> None:
        self._runs = runs
        self.turn = turn % len(runs)
        self.done = list(done) if done is not None else [False] * len(runs)

    def take(self) -> tuple[int, T] | None:
        """The next (run index, item), or None once every run has ended."""
        while not all(self.done):
            run = self.turn
            self.turn = (run + 1) % len(self._runs)
            if self.done[run]:
                continue
            item = next(self._runs[run], None)
            if item is None:
                self.done[run] = True
                continue
            return run, item
        return None


def shuffled(items: Iterable[T], key: Callable[[T], str], seed: str) -> list[T]:
    """``items`` in the random order of ``seed``: the order the index pages give, in memory."""
    pool = list(items)
    runs = []
    for arc in shuffle_plan(seed):
        run = sorted((i for i in pool if arc.holds(key(i))), key=key, reverse=not arc.forward)
        runs.append(iter(run))
    robin = RoundRobin(runs)
    out: list[T] = []
    while (taken := robin.take()) is not None:
        out.append(taken[1])
    return out
