"""Verification codes: how they are written, generated and hashed.

A code is compared in a normal form: letters and digits only, upper case, so
``85.07.30-033.28`` and ``850730 03328`` are the same national number and a
printed ``ABCD-EFGH-JKMN`` may be typed without its dashes. It is stored only
as HMAC-SHA256 under the platform's secret key, so a copy of the table alone
cannot be searched for a known national number.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

# Crockford's base 32: no I, L, O or U, which are read as 1, 1, 0 and V.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GENERATED_GROUPS = 3
GROUP_LENGTH = 4  # 12 characters: 60 random bits
MIN_CODE_LENGTH = 4
MAX_CODE_LENGTH = 64
_NOT_CODE = re.compile(r"[^0-9A-Z]")


def normalize_code(text: str) -> str:
    """The form in which a code is compared: letters and digits only, upper case."""
    return _NOT_CODE.sub("", text.upper())


def generate_code() -> str:
    """A random printable code, e.g. ``7K3Q-M9XD-2HFA``."""
    groups = (
        "".join(secrets.choice(ALPHABET) for _ in range(GROUP_LENGTH))
        for _ in range(GENERATED_GROUPS)
    )
    return "-".join(groups)


class CodeHasher:
    """Keyed hashes of codes with one platform's secret key."""

    def __init__(self, key: str) -> None:
        self._key = key.encode()

    def __call__(self, code: str) -> str:
        return hmac.new(self._key, normalize_code(code).encode(), hashlib.sha256).hexdigest()
