"""The profanity filter: per-locale word lists, an obfuscation-proof matcher, the screen.

Word lists ship as data files (``wordlists/<locale>.txt``, one word per line,
``#`` comments) for every locale the platform supports; admins add and remove
words per locale (:mod:`shared.moderation.profanity_store`).

Matching is whole-word on *normalised* text, so "Scunthorpe" or "assassin"
never match "cunt" or "ass", while the usual disguises do:

- case and accents: ``FUCK``, ``Scheiße`` = ``scheisse``, ``gówno`` = ``gowno``;
- leetspeak digits and symbols: ``sh1t``, ``a$$hole``, ``f@ck`` (``1`` and ``|``
  are tried as both ``i`` and ``l``); trailing punctuation (``shit!``) still counts;
- repeated letters: a token matches a listed word when both have the same
  letters in the same order and every run of a letter in the token is at
  least as long as in the word (``shiiiit`` matches ``shit``; ``as`` does not
  match ``ass``);
- separators: letters joined by dots, dashes, underscores or stars inside one
  chunk (``s.h.i.t``, ``f-u-c-k``) and single letters spaced out
  (``s h i t``) are read as one word.

:class:`ProfanityScreen` is what the ideation and discussion services call
(through their ``TextScreen`` port): it checks every given field against the
lists of the platform's enabled locales, unless the platform switched the
filter off, and refuses with 422 ``profanity`` naming each field and the words
found as the resident wrote them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import groupby, product
from pathlib import Path
from typing import Protocol

from shared.errors import FieldIssue, ValidationError
from shared.i18n import SUPPORTED_LOCALES
from shared.tenancy.context import TenantContext

WORDLISTS = Path(__file__).with_name("wordlists")
MAX_WORD_LENGTH = 40
# Letters spaced out or joined by separators: how many tokens one reading may join.
MAX_JOINED_TOKENS = 24

# Letters that NFKD does not decompose into a base letter and a mark.
_LETTERS = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "\u0131": "i"})
# Leetspeak: one reading per character, except the ambiguous ones.
_LEET: dict[str, tuple[str, ...]] = {
    "0": ("o",),
    "1": ("i", "l"),
    "3": ("e",),
    "4": ("a",),
    "5": ("s",),
    "7": ("t",),
    "8": ("b",),
    "9": ("g",),
    "@": ("a",),
    "$": ("s",),
    "!": ("i",),
    "|": ("i", "l"),
    "+": ("t",),
    "€": ("e",),
}
_SYMBOLS = "@$!|+€"
_TOKEN = re.compile(r"(?:[^\W_]|[@$!|+€])+")
# What may join the letters of one disguised word inside a chunk (no spaces).
_JOINERS = re.compile(r"^[.\-_*·•~'\u2019/\\]{1,3}$")
_WORD = re.compile(r"^[a-z]+$")


def normalise(text: str) -> str:
    """Lower case, accents and ligatures removed (``ẞ``/``ß`` become ``ss``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def canonical_word(word: str) -> str | None:
    """A list entry in its stored form (normalised letters a-z), or None if it is not one word."""
    value = normalise(word.strip())
    if 2 <= len(value) <= MAX_WORD_LENGTH and _WORD.match(value):
        return value
    return None


def _runs(word: str) -> tuple[str, tuple[int, ...]]:
    """The letters of ``word`` with repeats collapsed, and the length of each run."""
    groups = [(letter, len(list(run))) for letter, run in groupby(word)]
    return "".join(g[0] for g in groups), tuple(g[1] for g in groups)


def _readings(token: str) -> Iterator[str]:
    """Every letters-only reading of a normalised token (leetspeak resolved)."""
    options = [_LEET.get(c, (c,)) for c in token]
    for count, letters in enumerate(product(*options)):
        if count >= 8:  # bound the ambiguous 1s and |s
            break
        yield "".join(letters)


@cache
def builtin_words(locale: str) -> frozenset[str]:
    """The shipped list of ``locale`` (normalised); unknown locales have none."""
    if locale not in SUPPORTED_LOCALES:
        return frozenset()
    words = set()
    for line in (WORDLISTS / f"{locale}.txt").read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        word = canonical_word(entry) if entry else None
        if word:
            words.add(word)
    return frozenset(words)


def _fold(text: str) -> tuple[str, list[int]]:
    """``normalise(text)`` and, per folded character, the index it came from in ``text``."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = normalise(char)
        folded.append(piece)
        origin.extend([index] * len(piece))
    return "".join(folded), origin


class WordMatcher:
    """Finds listed words in text, whole-word, through the disguises the module lists."""

    def __init__(self, words: Iterable[str]) -> None:
        self._index: dict[str, list[tuple[int, ...]]] = {}
        for word in words:
            skeleton, counts = _runs(word)
            self._index.setdefault(skeleton, []).append(counts)
        self._prefixes = {key[:n] for key in self._index for n in range(1, len(key) + 1)}

    def match(self, token: str) -> str | None:
        """The part of ``token`` that reads as a listed word (itself, or without edge symbols)."""
        stripped = token.strip(_SYMBOLS)
        for candidate in dict.fromkeys((token, stripped)):
            if candidate and not candidate.isdigit() and self._listed(candidate):
                return candidate
        return None

    def _listed(self, candidate: str) -> bool:
        for reading in _readings(candidate):
            skeleton, counts = _runs(reading)
            for minimum in self._index.get(skeleton, ()):
                if all(have >= need for have, need in zip(counts, minimum, strict=True)):
                    return True
        return False

    def may_continue(self, joined: str) -> bool:
        """Whether some reading of ``joined`` begins a listed word (so a longer join might match).

        Collapsing repeats never changes a prefix, so once no reading is the start
        of a listed word, no longer join from the same token can be one.
        """
        for candidate in dict.fromkeys((joined, joined.lstrip(_SYMBOLS))):
            for reading in _readings(candidate):
                if _runs(reading)[0] in self._prefixes:
                    return True
        return False

    def find(self, text: str) -> list[str]:
        """The listed words in ``text`` as written there (each once, in order of appearance).

        Where readings overlap (``f-u-c-k`` inside ``f-u-c-k-i-n-g``) the longest is named.
        Work is bounded: a join grows only while it can still begin a listed word.
        """
        if not self._index or not text:
            return []
        folded, origin = _fold(text)
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded)]
        scan = _Scan(self)
        for begin, end, token in tokens:
            scan.hit(token, begin, end)
        for first, last in _groups(folded, tokens):
            scan.group(tokens, first, last)
        return _written(text, origin, scan.hits)


class _Scan:
    """One ``find`` call: its hits, and each distinct string decided once (text repeats)."""

    def __init__(self, matcher: WordMatcher) -> None:
        self._matcher = matcher
        self._matched: dict[str, str | None] = {}
        self._growing: dict[str, bool] = {}
        self.hits: list[tuple[int, int]] = []

    def _may_continue(self, joined: str) -> bool:
        if joined not in self._growing:
            self._growing[joined] = self._matcher.may_continue(joined)
        return self._growing[joined]

    def hit(self, joined: str, begin: int, end: int) -> None:
        """Record ``joined`` (folded ``begin:end``) if it reads as a listed word."""
        if joined not in self._matched:
            self._matched[joined] = self._matcher.match(joined)
        matched = self._matched[joined]
        if matched is None:
            return
        lead = len(joined) - len(joined.lstrip(_SYMBOLS)) if matched != joined else 0
        trail = len(joined) - len(joined.rstrip(_SYMBOLS)) if matched != joined else 0
        self.hits.append((begin + lead, end - trail))

    def group(self, tokens: list[tuple[int, int, str]], first: int, last: int) -> None:
        """Every join of two or more tokens of ``tokens[first:last]`` that could be a word."""
        covered = False  # did the join from the token before reach as far as one from here?
        for start in range(first, last - 1):
            token = tokens[start][2]
            if covered and len(token) == 1 and token == tokens[start - 1][2]:
                continue  # the same letter just before: its joins match wherever ours would
            covered = True
            joined = token
            if not self._may_continue(joined):
                continue
            stop = min(last, start + MAX_JOINED_TOKENS)
            for end in range(start + 1, stop):
                joined += tokens[end][2]
                self.hit(joined, tokens[start][0], tokens[end][1])
                if not self._may_continue(joined):
                    break
            else:
                covered = stop == last  # cut short by the window: the next start must look


def _groups(folded: str, tokens: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
    """Runs of tokens to read as one word: joined by separators, or single letters spaced out."""
    first = 0
    for i in range(1, len(tokens) + 1):
        if i < len(tokens):
            gap = folded[tokens[i - 1][1] : tokens[i][0]]
            spaced = gap.isspace() and len(tokens[i - 1][2]) == len(tokens[i][2]) == 1
            if _JOINERS.match(gap) or spaced:
                continue
        if i - first > 1:
            yield first, i
        first = i


def _written(text: str, origin: list[int], hits: list[tuple[int, int]]) -> list[str]:
    """The hits as written in ``text`` (longest of overlapping ones), each once."""
    found: dict[str, str] = {}
    reach = -1  # hits come by start, longest first: one inside an earlier hit ends before this
    for begin, end in sorted(hits, key=lambda h: (h[0], h[0] - h[1])):
        if end <= reach:
            continue
        reach = end
        stop = origin[end - 1] + 1
        while stop < len(text) and unicodedata.combining(text[stop]):
            stop += 1  # a decomposed accent belongs to the last letter
        written = text[origin[begin] : stop]
        found.setdefault(written.casefold(), written)
    return list(found.values())


@lru_cache(maxsize=64)
def matcher_for(words: frozenset[str]) -> WordMatcher:
    """One matcher per distinct word set (platforms sharing settings share it)."""
    return WordMatcher(words)


class ProfanityError(ValidationError):
    code = "profanity"
    title = "Some words are not allowed here."


def _field_label(field: str) -> str:
    name, _, locale = field.partition(".")
    label = name.replace("_", " ")
    return f"{label} ({locale})" if locale else label


def refusal(found: Mapping[str, Sequence[str]]) -> ProfanityError:
    """The 422 for words found per field: one field error each, and a summary detail."""
    issues = []
    parts = []
    for name, words in found.items():
        quoted = ", ".join(f'"{w}"' for w in words)
        issues.append(
            FieldIssue(
                name,
                "profanity",
                f"Please remove {quoted}: {'this word is' if len(words) == 1 else 'these words are'}"
                " not allowed on this platform.",
            )
        )
        parts.append(f"{_field_label(name)}: {quoted}")
    detail = "Please remove the words that are not allowed here: " + "; ".join(parts) + "."
    return ProfanityError(
        detail, issues=issues, extra={"words": {f: list(w) for f, w in found.items()}}
    )


@dataclass(frozen=True)
class FilterSettings:
    """A platform's filter: the switch and the admins' changes to the shipped lists."""

    enabled: bool = True
    added: Mapping[str, frozenset[str]] = field(default_factory=dict)
    removed: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def words(self, locale: str) -> frozenset[str]:
        """The effective list of one locale: shipped, minus removed, plus added."""
        empty: frozenset[str] = frozenset()
        return (builtin_words(locale) - self.removed.get(locale, empty)) | self.added.get(
            locale, empty
        )


class FilterSettingsReader(Protocol):
    """Where a platform's filter settings come from (``ProfanityStore`` fits)."""

    def load(self, tenant: TenantContext) -> FilterSettings: ...


class ProfanityScreen:
    """The ``TextScreen`` of ideation and discussion: refuse listed words in given fields.

    ``locales`` names a platform's enabled locales; every field is checked
    against the lists of all of them, since residents mix languages.
    """

    def __init__(
        self,
        settings: FilterSettingsReader,
        locales: Callable[[TenantContext], Sequence[str]],
    ) -> None:
        self._settings = settings
        self._locales = locales

    def screen(self, tenant: TenantContext, fields: Mapping[str, str]) -> None:
        """Raise :class:`ProfanityError` if any field holds a listed word (no-op when off)."""
        if not any(text for text in fields.values()):
            return
        settings = self._settings.load(tenant)
        if not settings.enabled:
            return
        words = frozenset().union(*(settings.words(loc) for loc in self._locales(tenant)))
        matcher = matcher_for(words)
        found = {name: hits for name, text in fields.items() if (hits := matcher.find(text))}
        if found:
            raise refusal(found)
