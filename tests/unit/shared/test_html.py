"""Plain text refuses markup; rich text is sanitised; HTML becomes readable text."""

from __future__ import annotations

from typing import Annotated

import pytest
from pydantic import BaseModel, Field, ValidationError

from shared.html import PlainText, contains_markup, html_to_text, sanitize_html
from shared.i18n import LocalizedPlainText


class Comment(BaseModel):
    body: Annotated[PlainText, Field(max_length=50)]
    title: LocalizedPlainText | None = None


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "a &lt;b&gt;",
        "javascript:alert(1)",
        "< / div>",
        "&#60;script",
    ],
)
def test_plain_text_refuses_markup_with_a_message(text: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Comment(body=text)
    assert "plain text" in raised.value.errors()[0]["msg"]


@pytest.mark.parametrize("text", ["3 < 4 and 5 > 2", "Tom & Jerry", "email me: a@b.org", "<3"])
def test_plain_text_keeps_ordinary_punctuation(text: str) -> None:
    assert not contains_markup(text)
    assert Comment(body=f"  {text} ").body == text


def test_localized_plain_text_names_the_language_that_failed() -> None:
    with pytest.raises(ValidationError) as raised:
        Comment(body="ok", title={"en": "fine", "fr": "<b>non</b>"})
    assert raised.value.errors()[0]["loc"] == ("title", "fr")


def test_html_to_text_reads_like_the_page() -> None:
    html = sanitize_html("<p>Hello&nbsp;<strong>world</strong></p><ul><li>a &amp; b</li></ul>")
    assert html_to_text(html) == "Hello world a & b"
