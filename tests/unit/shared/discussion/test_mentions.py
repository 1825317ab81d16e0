"""Mention tokens: parsing and the checks a comment's mentions must pass."""

from __future__ import annotations

import pytest

from shared.discussion.mentions import MAX_MENTIONS, check_mentions, mentioned_ids
from shared.errors import ValidationError


def test_mentioned_ids_are_distinct_and_in_order_of_first_mention() -> None:
    body = "@[b2] hi @[a1], @[b2] again; not @[] nor @[x y] nor @[<b>] nor [c3]"
    assert mentioned_ids(body) == ["b2", "a1"]


def test_plain_text_without_tokens_mentions_nobody() -> None:
    assert mentioned_ids("Email me at ada@example.org") == []


def test_known_or_previously_mentioned_ids_pass() -> None:
    check_mentions(["a", "b"], known=["a"], already=["b"])


def test_an_unknown_id_is_refused_on_the_body_field() -> None:
    with pytest.raises(ValidationError) as caught:
        check_mentions(["a", "ghost"], known=["a"])
    [issue] = caught.value.issues
    assert (issue.field, issue.code) == ("body", "unknown_mention")


def test_more_than_the_maximum_is_refused_even_if_all_are_known() -> None:
    ids = [f"u{n}" for n in range(MAX_MENTIONS + 1)]
    with pytest.raises(ValidationError) as caught:
        check_mentions(ids, known=ids)
    assert caught.value.issues[0].code == "too_many_mentions"
    check_mentions(ids[:MAX_MENTIONS], known=ids)
