"""Password hashing (argon2id) and the password rules.

Hashes carry their parameters, so when the parameters here change a user's
hash is upgraded the next time they sign in (:meth:`Passwords.needs_rehash`).
Unknown emails are verified against a dummy hash so that a sign-in takes as
long whether or not the account exists.
"""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from shared.errors import FieldIssue

MIN_LENGTH = 10
MAX_LENGTH = 256


def password_issues(password: str, email: str, field: str = "password") -> list[FieldIssue]:
    """Why ``password`` is not acceptable for the account ``email`` (empty when it is)."""
    if len(password) < MIN_LENGTH:
        return [FieldIssue(field, "password_too_short", f"Use at least {MIN_LENGTH} characters.")]
    if len(password) > MAX_LENGTH:
        return [FieldIssue(field, "password_too_long", f"Use at most {MAX_LENGTH} characters.")]
    if password.strip().lower() == email.strip().lower():
        return [
            FieldIssue(field, "password_is_email", "Your password must not be your email address.")
        ]
    return []


def hasher_for(cost: str) -> PasswordHasher:
    """argon2id with library defaults (RFC 9106's second recommendation), or a tiny
    cost that the test stage alone may use (see ``Settings.password_hashing``)."""
    if cost == "fast":
        return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID)
    return PasswordHasher(type=Type.ID)


class Passwords:
    """argon2id hashing with one set of parameters."""

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self._hasher = hasher or PasswordHasher(type=Type.ID)
        if self._hasher.type is not Type.ID:
            raise ValueError("passwords must be hashed with argon2id")
        self._dummy: str | None = None

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, password_hash: str | None, password: str) -> bool:
        """True when ``password`` matches; a missing hash costs the same time and fails."""
        if password_hash is None and self._dummy is None:
            self._dummy = self._hasher.hash("not a password of anyone")
        try:
            return self._hasher.verify(password_hash or str(self._dummy), password) and (
                password_hash is not None
            )
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, password_hash: str) -> bool:
        return self._hasher.check_needs_rehash(password_hash)
