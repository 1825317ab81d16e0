"""Public profiles: display names only, placeholders for missing users, name search."""

from __future__ import annotations

from shared.events import RecordingPublisher
from shared.identity import IdentityService, Passwords, SessionService
from shared.identity.directory import DELETED_NAME, UserDirectory, display_name, former_profile
from shared.identity.passwords import hasher_for
from shared.identity.tokens import AccessTokens
from shared.tenancy.context import TenantContext

A = TenantContext("alpha", host="alpha.test")
B = TenantContext("beta", host="beta.test")


def _register(tenant: TenantContext, email: str, first: str, last: str) -> str:
    service = IdentityService(
        Passwords(hasher_for("fast")),
        SessionService(AccessTokens(b"k" * 32, 900), 3600),
        RecordingPublisher(),
    )
    user = service.register_user(
        tenant, email, "correct horse battery", first, last, "en", confirmed=True
    )
    return str(user.user_id)


def test_display_name_is_first_name_and_initial() -> None:
    assert display_name("Ada", "Lovelace") == "Ada L."
    assert display_name("Ada", "") == "Ada"


def test_profiles_hide_email_and_last_name_and_stay_in_their_tenant(aws) -> None:
    # GIVEN a user on each platform
    ada = _register(A, "ada@example.org", "Ada", "Lovelace")
    bob = _register(B, "bob@example.org", "Bob", "Builder")
    directory = UserDirectory(lambda key: f"https://files/{key}")
    # WHEN platform A asks for both
    found = directory.profiles(A, [ada, bob])
    # THEN it sees Ada's public name, and B's user only as a placeholder
    assert found[ada].display_name == "Ada L." and not found[ada].former
    assert "lovelace" not in found[ada].model_dump_json().lower()
    assert found[bob] == former_profile(bob)
    assert set(directory.recipients(A, [ada, bob])) == {ada}


def test_a_former_profile_is_marked_former_with_the_english_fallback_name() -> None:
    # GIVEN the id of a user who no longer exists
    # WHEN their placeholder is made
    profile = former_profile("former-resident")
    # THEN clients can tell it apart, and those that cannot still read a name
    assert profile.former is True
    assert profile.display_name == DELETED_NAME
    assert profile.id == "former-resident" and profile.avatar_url is None


def test_search_matches_the_start_of_a_name(aws) -> None:
    ada = _register(A, "ada@example.org", "Ada", "Lovelace")
    _register(A, "grace@example.org", "Grace", "Hopper")
    directory = UserDirectory(lambda key: key)
    assert [p.id for p in directory.search(A, "love")] == [ada]
    assert directory.search(A, "ove") == []
    assert directory.search(A, "a") == []
