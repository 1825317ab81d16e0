"""The timeline rule against a simple model: phases are sets of days."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from shared.projects.timeline import Span, current_span, first_overlap

ORIGIN = date(2026, 1, 1)
HORIZON = 60  # days; an open end is modelled as running past every start we draw


def _days(span: Span) -> set[int]:
    start = (span.start - ORIGIN).days
    end = (span.end - ORIGIN).days if span.end else HORIZON * 2
    return set(range(start, end + 1))


@st.composite
def spans(draw: st.DrawFn, phase_id: str) -> Span:
    start = draw(st.integers(0, HORIZON))
    length = draw(st.one_of(st.none(), st.integers(0, HORIZON)))
    end = None if length is None else ORIGIN + timedelta(days=start + length)
    return Span(phase_id, ORIGIN + timedelta(days=start), end)


@given(spans("a"), spans("b"))
def test_overlap_is_sharing_a_day(a: Span, b: Span):
    assert a.overlaps(b) == bool(_days(a) & _days(b))
    assert a.overlaps(b) == b.overlaps(a)


@given(st.lists(spans("x"), max_size=6), spans("new"))
def test_first_overlap_finds_a_clash_exactly_when_one_exists(existing: list[Span], new: Span):
    existing = [Span(f"p{i}", s.start, s.end) for i, s in enumerate(existing)]
    clash = first_overlap(existing, new)
    clashing = [s for s in existing if _days(s) & _days(new)]
    assert (clash is None) == (not clashing)
    if clash is not None:
        assert clash.start == min(s.start for s in clashing)


@given(st.lists(spans("x"), max_size=6), st.integers(0, HORIZON * 2))
def test_the_current_span_contains_today(items: list[Span], offset: int):
    today = ORIGIN + timedelta(days=offset)
    current = current_span(items, today)
    if current is None:
        assert all(offset not in _days(s) for s in items)
    else:
        assert offset in _days(current)


def test_touching_phases_do_not_overlap():
    january = Span("jan", date(2026, 1, 1), date(2026, 1, 31))
    february = Span("feb", date(2026, 2, 1), None)
    assert not january.overlaps(february)
    assert first_overlap([january], Span("jan", date(2026, 1, 5), None)) is None  # itself
