"""The profanity matcher: shipped lists, whole words, and the disguises it sees through."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.errors import ValidationError
from shared.i18n import SUPPORTED_LOCALES
from shared.moderation.profanity import (
    FilterSettings,
    ProfanityScreen,
    WordMatcher,
    builtin_words,
    canonical_word,
    normalise,
)
from shared.tenancy import TenantContext

ALL_WORDS = frozenset().union(*(builtin_words(locale) for locale in SUPPORTED_LOCALES))
MATCHER = WordMatcher(ALL_WORDS)
TENANT = TenantContext("alpha", "alpha.test")

# Innocent words that contain, start like or resemble a listed word, in the six
# languages (and words deliberately left off the lists for their innocent sense).
INNOCENT = [
    "Scunthorpe", "Penistone", "Essex", "Sussex", "Middlesex", "assassin", "classic",
    "passage", "bass", "assess", "cocktail", "Dickens", "shiitake", "therapist", "grape",
    "Hitchcock", "cumulative", "document", "analysis", "arsenal", "bitten", "shitake",
    "Matsushita", "skyscraper", "title", "button", "butter", "hello", "shell", "shift",
    "whoever", "wholesale", "kunst", "puts", "computer", "pension",
    "retard", "con", "connexion", "bite", "chatte", "tapette", "bordel", "coupon",
    "concours", "pédale", "merci", "putter", "salade", "niche",
    "Mist", "Kunst", "Fickentscher", "Schlamm", "Arsenal", "Hurenkind", "Neugier",
    "Scheibe", "Schwung", "Spaß", "Kachel", "Wichtig",
    "kanker", "tering", "eikel", "pik", "zak", "kutter", "lullaby", "klok", "hoera",
    "neukirchen", "slechte", "trutje",
    "cono", "coño", "negro", "zorra", "capullo", "pinche", "polla", "computadora",
    "putamadre-no", "disputa", "imputado", "reputación", "mierdecilla",
    "pedał", "szmata", "debil", "kurczak", "dupla", "hujan", "pizza", "sukienka",
    "chujnia-nie", "cipanga",
]  # fmt: skip


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_supported_locale_ships_a_real_list(locale: str) -> None:
    # GIVEN the shipped list of a locale WHEN loaded THEN it has a few dozen normalised words
    words = builtin_words(locale)
    assert len(words) >= 30
    assert all(canonical_word(w) == w for w in words)


@pytest.mark.parametrize(
    ("locale", "text", "found"),
    [
        ("en", "What the fuck is this", ["fuck"]),
        ("fr", "Quelle bande de connards !", ["connards"]),
        ("de", "So eine Scheiße hier", ["Scheiße"]),
        ("nl", "Wat een klootzak", ["klootzak"]),
        ("es", "Esto es una mierda", ["mierda"]),
        ("pl", "Ale gówno, kurwa", ["gówno", "kurwa"]),
    ],
)
def test_each_locale_list_finds_its_words(locale: str, text: str, found: list[str]) -> None:
    # GIVEN one locale's list WHEN a text in that language uses listed words THEN they are named
    assert WordMatcher(builtin_words(locale)).find(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("SHIT", ["SHIT"]),
        ("shiiiiiit happens", ["shiiiiiit"]),
        ("ffffuuuuck", ["ffffuuuuck"]),
        ("sh1t", ["sh1t"]),
        ("a$$hole", ["a$$hole"]),
        ("f@ck", []),  # not a word of the list: "fack"
        ("wh0re", ["wh0re"]),
        ("sh!t!", ["sh!t"]),
        ("s.h.i.t", ["s.h.i.t"]),
        ("s-h-i-t!", ["s-h-i-t"]),
        ("f_u_c_k off", ["f_u_c_k"]),
        ("s h i t", ["s h i t"]),
        ("f-u-c-k-i-n-g great", ["f-u-c-k-i-n-g"]),
        ("K.U.R.W.A", ["K.U.R.W.A"]),
        ("Sch3isse", ["Sch3isse"]),
        ("énculé", ["énculé"]),
        ("e\u0301ncule\u0301", ["e\u0301ncule\u0301"]),  # decomposed accents
        ("shit, Shit and SHIT", ["shit"]),
    ],
)
def test_disguises_are_seen_through(text: str, found: list[str]) -> None:
    assert MATCHER.find(text) == found


@pytest.mark.parametrize("word", INNOCENT)
def test_innocent_words_never_match(word: str) -> None:
    # GIVEN a word that contains or resembles a listed one WHEN screened THEN nothing is found
    assert MATCHER.find(word) == []
    assert MATCHER.find(f"I said {word}, twice: {word.upper()}!") == []


def test_a_listed_word_inside_a_longer_word_is_not_a_match() -> None:
    assert MATCHER.find("shitakemushrooms fuckingham") == []
    assert MATCHER.find("as") == MATCHER.find("a s") == []


def test_a_letter_repeated_beyond_one_join_still_leads_to_the_word() -> None:
    # GIVEN more repeats of the first letter than one join may span WHEN screened THEN found
    [found] = MATCHER.find("s " * 30 + "h i t")
    assert found.startswith("s s") and found.endswith("s h i t")
    [found] = MATCHER.find("s." * 30 + "h.i.t")
    assert found.endswith("s.h.i.t")


def test_numbers_are_not_read_as_leetspeak() -> None:
    assert MATCHER.find("In 2024 we had 5318008 visitors and 1337 ideas") == []


# ---- properties -------------------------------------------------------------------------

LEET = {"o": "0", "i": "1", "e": "3", "a": "4", "s": "5", "t": "7"}


@st.composite
def disguised(draw: st.DrawFn) -> tuple[str, str]:
    """A listed word with letters repeated, case changed, some leetspeak and separators."""
    word = draw(st.sampled_from(sorted(ALL_WORDS)))
    letters = []
    for letter in word:
        repeat = draw(st.integers(min_value=1, max_value=4))
        if draw(st.booleans()) and letter in LEET:
            shown = LEET[letter]
        else:
            shown = letter.upper() if draw(st.booleans()) else letter
        letters.append(shown * repeat)
    separator = draw(st.sampled_from(["", "", ".", "-", "_", "*"]))
    return word, separator.join(letters)


@settings(max_examples=400, deadline=None)
@given(case=disguised(), before=st.sampled_from(["", "Hey ", "So: ", "(", "«"]))
def test_any_disguised_listed_word_still_matches(case: tuple[str, str], before: str) -> None:
    _, text = case
    assert MATCHER.find(f"{before}{text} now") != []


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(INNOCENT), min_size=1, max_size=6),
    joiner=st.sampled_from([" ", ", ", "; ", " - ", "\n"]),
    upper=st.booleans(),
)
def test_sentences_of_innocent_words_never_match(
    words: list[str], joiner: str, upper: bool
) -> None:
    text = joiner.join(words)
    assert MATCHER.find(text.upper() if upper else text) == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=string.ascii_letters + "éèüöäßłńóąę", min_size=1, max_size=30))
def test_normalising_is_idempotent_and_ascii_for_the_platform_languages(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert once.isascii()


# ---- the screen ---------------------------------------------------------------------------


class Settings:
    def __init__(self, value: FilterSettings) -> None:
        self.value = value

    def load(self, tenant: TenantContext) -> FilterSettings:
        return self.value


def test_the_screen_names_each_field_and_the_words_found() -> None:
    # GIVEN a platform with English and French
    screen = ProfanityScreen(Settings(FilterSettings()), lambda tenant: ["en", "fr"])
    # WHEN a title and a body carry listed words of both languages
    with pytest.raises(ValidationError) as raised:
        screen.screen(
            TENANT, {"title.en": "Fuck parking", "body.fr": "Quel merdier, merde", "x": ""}
        )
    # THEN the refusal is 422 "profanity", one field error per field naming the words
    error = raised.value
    assert (error.status, error.code) == (422, "profanity")
    assert [(i.field, i.code) for i in error.issues] == [
        ("title.en", "profanity"),
        ("body.fr", "profanity"),
    ]
    assert '"Fuck"' in error.issues[0].message and '"merde"' in error.issues[1].message
    assert "title (en)" in error.detail and "body (fr)" in error.detail
    assert error.extra == {"words": {"title.en": ["Fuck"], "body.fr": ["merde"]}}


def test_the_screen_uses_the_enabled_locales_only() -> None:
    screen = ProfanityScreen(Settings(FilterSettings()), lambda tenant: ["en"])
    screen.screen(TENANT, {"body": "Quelle merde"})  # French is not enabled: passes
    with pytest.raises(ValidationError):
        screen.screen(TENANT, {"body": "Holy shit"})


def test_admin_changes_and_the_switch_decide() -> None:
    # GIVEN "shit" taken out and "blimey" added by an admin
    changed = FilterSettings(
        added={"en": frozenset({"blimey"})}, removed={"en": frozenset({"shit"})}
    )
    screen = ProfanityScreen(Settings(changed), lambda tenant: ["en"])
    screen.screen(TENANT, {"body": "Oh shit"})
    with pytest.raises(ValidationError):
        screen.screen(TENANT, {"body": "Bliiimey!"})
    # WHEN the filter is off THEN anything passes
    off = ProfanityScreen(Settings(FilterSettings(enabled=False)), lambda tenant: ["en"])
    off.screen(TENANT, {"body": "fuck"})


@pytest.mark.parametrize(
    ("raw", "stored"),
    [("Blimey", "blimey"), ("  Scheiße ", "scheisse"), ("Gówno", "gowno"), ("łajza", "lajza")],
)
def test_canonical_words_are_normalised(raw: str, stored: str) -> None:
    assert canonical_word(raw) == stored


@pytest.mark.parametrize("raw", ["", "a", "two words", "sh1t", "x" * 41, "!!"])
def test_canonical_words_refuse_what_is_not_one_word(raw: str) -> None:
    assert canonical_word(raw) is None


class CountingMatcher(WordMatcher):
    """Counts how often a string is decided (the expensive step)."""

    def __init__(self, words: frozenset[str]) -> None:
        super().__init__(words)
        self.decisions = 0

    def match(self, token: str) -> str | None:
        self.decisions += 1
        return super().match(token)

    def may_continue(self, joined: str) -> bool:
        self.decisions += 1
        return super().may_continue(joined)


@pytest.mark.parametrize(
    "text",
    ["m o t h e r f u c k e r s " * 2000, "s.h.i.t " * 5000, "a " * 20000, "fuck " * 10000],
)
def test_long_repetitive_text_is_decided_once_per_distinct_reading(text: str) -> None:
    # GIVEN a matcher that counts its decisions
    matcher = CountingMatcher(ALL_WORDS)
    # WHEN a long text repeats a disguise (or a letter) thousands of times
    found = matcher.find(text)
    # THEN the work does not grow with the repetitions, and the words are still found
    assert matcher.decisions < 500
    assert found == MATCHER.find(text[:60])
