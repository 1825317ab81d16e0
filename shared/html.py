"""Sanitising user HTML with nh3 (the Ammonia sanitiser).

Only the formatting a rich-text editor produces survives: headings,
paragraphs, lists, emphasis, links (forced to ``rel="noopener noreferrer
nofollow"``) and images served over https or from our own uploads.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import Annotated

import nh3
from pydantic import AfterValidator

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "u",
    "s",
    "blockquote",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "hr",
    "figure",
    "figcaption",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "width", "height"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html: str) -> str:
    """Return ``html`` with every tag, attribute and URL scheme outside the allowlist removed."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def sanitize_localized(text: dict[str, str]) -> dict[str, str]:
    return {locale: sanitize_html(value) for locale, value in text.items()}


_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]|&#?[a-zA-Z0-9]+;|javascript:", re.IGNORECASE)


def contains_markup(text: str) -> bool:
    """Whether plain text carries HTML tags, entities or script URLs."""
    return bool(_MARKUP.search(text))


def refuse_markup(text: str) -> str:
    if contains_markup(text):
        raise ValueError(
            "Write plain text here: HTML tags, entities and script links are not allowed."
        )
    return text.strip()


PlainText = Annotated[str, AfterValidator(refuse_markup)]
"""Plain text (comments, idea titles, names) that refuses markup with a clear message.

Plain text is rendered as text, never as HTML; refusing markup at the boundary
keeps stored text honest for emails, exports and search. Bound its length
with ``Annotated[PlainText, Field(max_length=...)]``.
"""


def html_to_text(html: str) -> str:
    """The readable text of sanitised HTML (for excerpts, search and emails)."""
    spaced = re.sub(r"<(br|/p|/li|/h[2-4]|/blockquote)\s*/?>", " ", html, flags=re.IGNORECASE)
    text = html_lib.unescape(nh3.clean(spaced, tags=set()))
    return re.sub(r"\s+", " ", text).strip()
