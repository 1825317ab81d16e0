"""The words a user is found by: the admin user search and @mention suggestions.

A search matches a person when each word of the search starts one of their
words. A user's words are their names, split at spaces and hyphens, and
their email address whole, its domain and the parts of its local part
(``anna.de-vries@lindenfeld.example`` gives ``anna``, ``de``, ``vries``,
``anna.de-vries``, ``lindenfeld.example`` and the address). Words are
folded: lower case, without accents, so "jose" finds "José".

The words are stored as index items next to the user (``shared.identity.
users``), so a search reads the matching entries instead of every user.
"""

from __future__ import annotations

import re
import unicodedata

# Which rules made a user's words; users with another version are indexed again.
WORDS_VERSION = 1
# DynamoDB caps a sort key at 1,024 bytes; longer words are cut (still found by their start).
MAX_WORD_CHARS = 100
# A profile change writes the user, its new words and deletes its old ones in one
# transaction (at most 100 items): 1 + 45 + 45.
MAX_WORDS = 45
_SPACES = re.compile(r"\s+")
_NAME_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2013\u2014]+")  # spaces, hyphens, dashes
_LOCAL_SPLIT = re.compile(r"[._+\-]+")


def fold(text: str) -> str:
    """Lower case without accents or marks."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _parts(text: str, split: re.Pattern[str]) -> set[str]:
    return {part for part in split.split(text) if part}


def name_words(first_name: str, last_name: str) -> set[str]:
    """The folded words of a person's names."""
    words: set[str] = set()
    for name in (fold(first_name), fold(last_name)):
        words |= _parts(name, _SPACES) | _parts(name, _NAME_SPLIT)
    return {w[:MAX_WORD_CHARS] for w in words}


def user_words(email: str, first_name: str, last_name: str) -> set[str]:
    """Every folded word a user is found by: names and email."""
    address = fold(email.strip())
    local, _, domain = address.partition("@")
    words = name_words(first_name, last_name) | _parts(local, _LOCAL_SPLIT)
    words |= {w for w in (address, local, domain) if w}
    return set(sorted({w[:MAX_WORD_CHARS] for w in words})[:MAX_WORDS])


def query_words(text: str) -> list[str]:
    """The folded words of a search, longest first (the longest narrows the index read most)."""
    words = {w[:MAX_WORD_CHARS] for w in fold(text).split() if w}
    return sorted(words, key=lambda w: (-len(w), w))


def matches(words: set[str], query: list[str]) -> bool:
    """True when every word of the search starts one of ``words``."""
    return all(any(word.startswith(q) for word in words) for q in query)
