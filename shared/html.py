"""Sanitising user HTML with nh3 (the Ammonia sanitiser).

Only the formatting a rich-text editor produces survives: headings,
paragraphs, lists, emphasis, links (forced to ``rel="noopener noreferrer
nofollow"``) and images served over https or from our own uploads.
"""

from __future__ import annotations

import nh3

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
