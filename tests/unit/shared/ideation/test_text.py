"""Search words: normalisation of indexed text and queries."""

from __future__ import annotations

from shared.ideation.text import MAX_QUERY_WORDS, index_tokens, query_words, words


def test_words_are_folded_lower_cased_and_split() -> None:
    assert words("Vélo-route à l'École, 2026!") == ["velo", "route", "ecole", "2026"]


def test_index_tokens_are_distinct_and_bounded() -> None:
    tokens = index_tokens(["bike bike lanes", "Lanes"])
    assert tokens == {"bike", "lanes"}
    assert len(index_tokens([" ".join(f"w{n}" for n in range(1000))])) == 300


def test_query_words_keep_order_and_limit() -> None:
    assert query_words("Bike bike SCHOOL") == ["bike", "school"]
    assert len(query_words(" ".join(f"w{n}" for n in range(20)))) == MAX_QUERY_WORDS
