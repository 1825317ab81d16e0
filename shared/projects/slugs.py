"""Human-readable, URL-safe slugs from titles.

Slugs are unique per tenant and entity type (claimed in the table); on a
clash the service appends ``-2``, ``-3``... A few words are reserved because
they are literal path segments of the API (``/projects/order``).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import Field

MAX_SLUG = 80
RESERVED = frozenset({"order", "new", "admin", "none"})

Slug = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        min_length=1,
        max_length=MAX_SLUG,
        description="Lower-case letters, digits and single hyphens.",
        examples=["new-town-park"],
    ),
]


def slugify(text: str) -> str:
    """``"Café du Parc - 2026!"`` -> ``"cafe-du-parc-2026"``; never empty."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:MAX_SLUG].rstrip("-") or "item"
    return f"{slug}-1" if slug in RESERVED else slug


def candidates(base: str, attempts: int) -> list[str]:
    """``base``, then ``base-2``, ``base-3``... trimmed so each fits :data:`MAX_SLUG`."""
    names = [base]
    for n in range(2, attempts + 1):
        suffix = f"-{n}"
        names.append(base[: MAX_SLUG - len(suffix)].rstrip("-") + suffix)
    return names
