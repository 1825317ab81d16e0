"""Slugs from titles."""

from __future__ import annotations

from shared.projects.slugs import MAX_SLUG, candidates, slugify


def test_slugify_keeps_letters_and_digits():
    assert slugify("Café du Parc - 2026!") == "cafe-du-parc-2026"
    assert slugify("  Ünïcödé   spaces ") == "unicode-spaces"


def test_slugify_is_never_empty_or_reserved():
    assert slugify("!!!") == "item"
    assert slugify("Order") == "order-1"


def test_slugify_is_bounded():
    assert len(slugify("a" * 500)) == MAX_SLUG


def test_candidates_add_numbers_within_bounds():
    assert candidates("park", 3) == ["park", "park-2", "park-3"]
    long = "x" * MAX_SLUG
    assert all(len(c) <= MAX_SLUG for c in candidates(long, 12))
