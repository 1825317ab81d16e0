"""Words for search: the same normalisation for what is indexed and what is asked.

Text is lower-cased, accents are folded (``é`` → ``e``), split on anything
that is not a letter or digit; words shorter than :data:`MIN_WORD` are
dropped, long ones cut at :data:`MAX_WORD`. A query matches an idea when every
query word is a prefix of one of the idea's words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

MIN_WORD = 2
MAX_WORD = 40
MAX_TOKENS = 300
MAX_QUERY_WORDS = 5
_SPLIT = re.compile(r"[^\w]+|_+")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The normalised words of ``text`` in order (duplicates kept)."""
    return [w[:MAX_WORD] for w in _SPLIT.split(_fold(text)) if len(w) >= MIN_WORD]


def index_tokens(texts: Iterable[str]) -> set[str]:
    """The distinct words to index for an idea, bounded to :data:`MAX_TOKENS`."""
    found: list[str] = []
    seen: set[str] = set()
    for text in texts:
        for word in words(text):
            if word not in seen:
                seen.add(word)
                found.append(word)
    return set(found[:MAX_TOKENS])


def query_words(query: str) -> list[str]:
    """The distinct words of a search query (at most :data:`MAX_QUERY_WORDS`)."""
    return list(dict.fromkeys(words(query)))[:MAX_QUERY_WORDS]
