"""The timeline rule: phases of a project never overlap; the current phase by date.

Dates are whole days and both ends are inclusive: a phase ending on the 10th
and the next starting on the 11th touch without overlapping. A phase without
an end date is open-ended, so only the last phase can have one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Span:
    """The dates of one phase."""

    phase_id: str
    start: date
    end: date | None

    def overlaps(self, other: Span) -> bool:
        starts_before_other_ends = other.end is None or self.start <= other.end
        other_starts_before_end = self.end is None or other.start <= self.end
        return starts_before_other_ends and other_starts_before_end

    def contains(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def first_overlap(spans: Iterable[Span], candidate: Span) -> Span | None:
    """The earliest existing span (other than the candidate itself) it overlaps."""
    clashes = [s for s in spans if s.phase_id != candidate.phase_id and s.overlaps(candidate)]
    return min(clashes, key=lambda s: s.start) if clashes else None


def ordered(spans: Iterable[Span]) -> list[Span]:
    return sorted(spans, key=lambda s: (s.start, s.phase_id))


def current_span(spans: Iterable[Span], today: date) -> Span | None:
    """The span running on ``today``, if any (at most one, since none overlap)."""
    return next((s for s in ordered(spans) if s.contains(today)), None)
