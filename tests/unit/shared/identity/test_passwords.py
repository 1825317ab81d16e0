"""Password rules and argon2id hashing."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher, Type

from shared.identity.passwords import Passwords, password_issues

FAST = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1, type=Type.ID)


def test_a_good_password_has_no_issues():
    assert password_issues("correct horse battery", "ada@example.org") == []


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("short", "password_too_short"),
        ("x" * 257, "password_too_long"),
        ("Ada@Example.org", "password_is_email"),
    ],
)
def test_bad_passwords_are_explained(password, code):
    [issue] = password_issues(password, "ada@example.org")
    assert issue.code == code
    assert issue.field == "password"
    assert issue.message


def test_hashes_are_argon2id_and_verify():
    passwords = Passwords(FAST)
    hashed = passwords.hash("correct horse battery")
    assert hashed.startswith("$argon2id$")
    assert passwords.verify(hashed, "correct horse battery")
    assert not passwords.verify(hashed, "wrong horse battery")


def test_a_missing_or_broken_hash_never_verifies():
    passwords = Passwords(FAST)
    assert not passwords.verify(None, "not a password of anyone")
    assert not passwords.verify("garbage", "anything")


def test_hashes_made_with_other_parameters_need_a_rehash():
    old = FAST.hash("correct horse battery")
    current = Passwords(PasswordHasher(time_cost=2, memory_cost=8192, parallelism=1))
    assert current.needs_rehash(old)
    assert not current.needs_rehash(current.hash("correct horse battery"))


def test_other_argon2_variants_are_refused():
    with pytest.raises(ValueError, match="argon2id"):
        Passwords(PasswordHasher(type=Type.I))
