"""Finding people: the admin user search and @mentions read the word index, not every user."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.api.identity.helpers import PASSWORD, admin_session, session_of, sign_in
from tests.conftest import HOST_A, HOST_B, body_of


def _person(email: str, first: str, last: str, tenant_id: str = "alpha", host: str = HOST_A):
    from chalicelib.identity import wiring
    from shared.tenancy import TenantContext

    return wiring.accounts().register_user(
        TenantContext(tenant_id, host), email, PASSWORD, first, last, "en", confirmed=True
    )


def _tenant(tenant_id: str = "alpha"):
    from shared.tenancy import TenantContext

    return TenantContext(tenant_id, HOST_A if tenant_id == "alpha" else HOST_B)


def _word_items(user_id: str) -> set[str]:
    """The words stored for ``user_id`` (every word item in the users table)."""
    from shared.identity.models import UserItem, UserWord

    return {
        item.word_sk.rsplit("#", 1)[0]
        for item in UserItem.scan()
        if isinstance(item, UserWord) and item.user_id == user_id
    }


def _found(api, token: str, q: str, limit: int = 100) -> list[str]:
    body = body_of(api.get(f"/admin/users?q={q}&limit={limit}", token=token))
    return [u["email"] for u in body["items"]]


@pytest.fixture
def admin(api):
    return admin_session(api)


@pytest.fixture
def people(admin):
    return {
        "anna": _person("anna.de-vries@lindenfeld.example", "Anna-Lena", "de Vries"),
        "jose": _person("jose@example.org", "José", "Ibáñez"),
        "zed": _person("zed.quill@example.org", "Mara", "Quill"),
    }


def test_words_start_names_and_email_parts_whatever_the_accents(api, admin, people):
    token = admin.access_token
    anna = "anna.de-vries@lindenfeld.example"
    assert _found(api, token, "vri") == [anna]  # a word of the last name
    assert _found(api, token, "LENA") == [anna]  # half of a hyphenated first name
    assert _found(api, token, "lindenfeld") == [anna]  # the email's domain
    assert _found(api, token, "ibanez") == ["jose@example.org"]  # without accents
    assert _found(api, token, "Ibáñez") == ["jose@example.org"]
    assert _found(api, token, "anna vries") == [anna]  # every word must match
    assert _found(api, token, "anna quill") == []
    assert _found(api, token, "nna") == []  # words are matched from their start


def test_a_person_with_several_matching_words_is_listed_once(api, admin, people):
    # "an" starts "anna", "anna-lena", "anna.de-vries" and the whole address
    assert _found(api, admin.access_token, "an") == ["anna.de-vries@lindenfeld.example"]


def test_pages_of_a_search_hold_every_match_once(api, admin):
    for n in range(7):
        _person(f"p{n}@example.org", f"Marie{n}", "Martin")
    seen: list[str] = []
    cursor = ""
    for _ in range(20):
        page = body_of(api.get(f"/admin/users?q=mar&limit=3{cursor}", token=admin.access_token))
        seen += [u["email"] for u in page["items"]]
        if not page["next_cursor"]:
            break
        cursor = f"&cursor={page['next_cursor']}"
    assert sorted(seen) == sorted(f"p{n}@example.org" for n in range(7))


def test_a_renamed_person_is_found_by_the_new_name_only(api, admin):
    # GIVEN a resident who changes her last name
    _person("ruth@example.org", "Ruth", "Lichterman")
    resident = session_of(sign_in(api, "ruth@example.org"))
    me = body_of(api.patch("/me", {"last_name": "Teitelbaum"}, token=resident.access_token))
    # THEN the search and the stored words follow at once
    assert _found(api, admin.access_token, "lichterman") == []
    assert _found(api, admin.access_token, "teitel") == ["ruth@example.org"]
    from shared.identity.search_words import user_words

    assert _word_items(me["id"]) == user_words("ruth@example.org", "Ruth", "Teitelbaum")


def test_a_search_stays_on_its_platform(api, admin):
    _person("beta.only@example.org", "Bertha", "Beta", "beta", HOST_B)
    assert _found(api, admin.access_token, "bertha") == []


def test_mentions_find_names_never_email_addresses(api, admin, people):
    resident = session_of(sign_in(api, "jose@example.org"))
    by_name = body_of(api.get("/mentions?q=qui", token=resident.access_token))["items"]
    assert [p["display_name"] for p in by_name] == ["Mara Q."]
    by_email = body_of(api.get("/mentions?q=zed", token=resident.access_token))["items"]
    assert by_email == []
    assert _found(api, admin.access_token, "zed") == ["zed.quill@example.org"]


def test_a_deleted_account_leaves_no_word_behind(api, admin, people):
    from shared.identity.users import UserRepository

    user_id = people["zed"].user_id
    assert _word_items(user_id)
    UserRepository(_tenant()).erase(user_id)  # the erasure workflow's last step
    assert _word_items(user_id) == set()
    assert _found(api, admin.access_token, "quill") == []


def test_a_profile_change_that_lost_a_race_writes_nothing(admin, people):
    from shared.identity.users import UserRepository

    repository = UserRepository(_tenant())
    stale = repository.require(people["zed"].user_id)
    now = datetime.now(UTC)
    repository.update_profile(stale.user_id, {"first_name": "Nora"}, now)
    # the second change read the user before the first one was written
    assert repository._write_profile(stale, {"last_name": "Stone"}, now) is False
    fresh = repository.require(stale.user_id)
    assert (fresh.first_name, fresh.last_name) == ("Nora", "Quill")
    from shared.identity.search_words import user_words

    assert _word_items(stale.user_id) == user_words(fresh.email, "Nora", "Quill")


def test_the_nightly_job_indexes_users_stored_before_the_index(api, admin, people):
    # GIVEN a user as an older deployment stored her: no words, no words version
    from chalicelib.identity.words_worker import user_words as words_lambda
    from shared.identity.models import UserRecord, UserWord
    from shared.identity.users import UserRepository

    user_id = people["anna"].user_id
    for item in UserWord.scan(UserWord.user_id == user_id):
        item.delete()
    record = UserRepository(_tenant()).require(user_id)
    record.update(actions=[UserRecord.words_version.remove()])
    assert _found(api, admin.access_token, "vries") == []
    # WHEN the nightly job runs for the platform THEN she is found, and a second run writes nothing
    assert words_lambda({"tenant_id": "alpha"}, None)["indexed"] == 1
    assert _found(api, admin.access_token, "vries") == ["anna.de-vries@lindenfeld.example"]
    scheduled = words_lambda({"Records": []}, None)
    assert scheduled["indexed"] == 0 and scheduled["platforms"] >= 2
