"""How ideas are ordered: the sort keys of the phase indexes and the trending score.

The trending score is time-invariant (Reddit's "hot" shape): the log of an
idea's net activity plus its creation time scaled so that ten times the
activity equals :data:`DECAY_SECONDS` of recency. Newer ideas start ahead,
activity keeps an idea up; the score only changes when the counts do, so it
can live in a sort key that the counter worker rewrites with the counts.
"""

from __future__ import annotations

import hashlib
import math
from datetime import datetime

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


def seed_start(seed: str) -> str:
    """Where on the shuffle ring a visitor's ``seed`` starts reading (before any idea key)."""
    return shuffle_position("seed:" + seed)
