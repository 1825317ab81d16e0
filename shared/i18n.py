"""Locales and multilingual text.

User content is multilingual: a text field is a ``{locale: text}`` map with
at least one non-empty entry in an enabled locale.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from shared.html import refuse_markup

SUPPORTED_LOCALES = ("en", "fr", "de", "nl", "es", "pl")
DEFAULT_LOCALE = "en"

LocaleCode = Annotated[str, Field(pattern=r"^[a-z]{2}(-[A-Z]{2})?$", examples=["en"])]


def _clean_localized(value: dict[str, str]) -> dict[str, str]:
    """Known language codes only; blank texts dropped, the rest trimmed."""
    unknown = sorted(set(value) - set(SUPPORTED_LOCALES))
    if unknown:
        raise ValueError(f"Unsupported language codes: {', '.join(unknown)}.")
    return {k: v.strip() for k, v in value.items() if v and v.strip()}


def _check_localized(value: dict[str, str]) -> dict[str, str]:
    cleaned = _clean_localized(value)
    if not cleaned:
        raise ValueError("Enter a text in at least one language.")
    return cleaned


LocalizedText = Annotated[
    dict[str, Annotated[str, Field(max_length=300)]], AfterValidator(_check_localized)
]
"""A short multilingual text (titles, names): 300 characters per language."""

LocalizedRichText = Annotated[
    dict[str, Annotated[str, Field(max_length=100_000)]], AfterValidator(_check_localized)
]
"""Multilingual rich text (HTML, sanitised by :mod:`shared.html` before storage)."""

LocalizedPlainText = Annotated[
    dict[str, Annotated[str, Field(max_length=300), AfterValidator(refuse_markup)]],
    AfterValidator(_check_localized),
]
"""A short multilingual text written by residents: markup is refused, not stripped."""

OptionalLocalizedPlainText = Annotated[
    dict[str, Annotated[str, Field(max_length=300), AfterValidator(refuse_markup)]],
    AfterValidator(_clean_localized),
]
"""Like :data:`LocalizedPlainText`, but may be empty (``{}``: no text, e.g. a cleared description)."""

OptionalLocalizedRichText = Annotated[
    dict[str, Annotated[str, Field(max_length=100_000)]], AfterValidator(_clean_localized)
]
"""Like :data:`LocalizedRichText`, but may be empty (``{}``: no text, e.g. a cleared description)."""


def pick(text: dict[str, str], locale: str, fallback: str = DEFAULT_LOCALE) -> str:
    """The text in ``locale``, else the fallback locale, else any."""
    return text.get(locale) or text.get(fallback) or next(iter(text.values()), "")
