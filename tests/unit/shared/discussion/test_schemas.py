"""Comment and official update input: plain text that refuses markup, bounded lengths."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from shared.discussion.schemas import (
    COMMENT_MAX_LENGTH,
    CommentCreate,
    OfficialUpdateCreate,
    OfficialUpdateUpdate,
)


def test_a_comment_is_trimmed_plain_text() -> None:
    assert CommentCreate(body="  Shade, please.  ").body == "Shade, please."


@pytest.mark.parametrize(
    "text",
    ["<b>bold</b>", "a &amp; b", "javascript:alert(1)", "", "   ", "x" * (COMMENT_MAX_LENGTH + 1)],
)
def test_markup_blank_and_overlong_comments_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        CommentCreate(body=text)


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError):
        CommentCreate.model_validate({"body": "Hi", "author_id": "someone-else"})


def test_an_update_patch_tells_a_removed_signature_from_an_untouched_one() -> None:
    removed = OfficialUpdateUpdate.model_validate({"author_name": None})
    untouched = OfficialUpdateUpdate.model_validate({"body": {"en": "x"}})
    assert "author_name" in removed.model_fields_set
    assert "author_name" not in untouched.model_fields_set


def test_an_update_signature_is_plain_text() -> None:
    with pytest.raises(ValidationError):
        OfficialUpdateCreate.model_validate(
            {"body": {"en": "x"}, "author_name": {"en": "<i>T</i>"}}
        )
