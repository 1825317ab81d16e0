"""Refresh rotation with reuse detection, CSRF double-submit, and sign-out."""

from __future__ import annotations

import pytest

from tests.api.identity.helpers import cookies_of, register, session_of, sign_in
from tests.conftest import HOST_B, body_of


@pytest.fixture
def session(api):
    register("ada@example.org")
    return session_of(sign_in(api, "ada@example.org"))


def _refresh(api, headers, host="alpha.test"):
    return api.post("/auth/refresh", headers=headers, host=host)


def test_refresh_rotates_every_token(api, session):
    # WHEN the session is refreshed
    rotated = session_of(_refresh(api, session.refresh_headers()))
    # THEN the refresh, CSRF and access tokens are all new, and the new access token works
    assert rotated.refresh != session.refresh
    assert rotated.csrf != session.csrf
    assert body_of(api.get("/me", token=rotated.access_token))["email"] == "ada@example.org"
    # AND the next refresh works with the new pair
    assert _refresh(api, rotated.refresh_headers()).status_code == 200


def test_reusing_a_refresh_token_ends_the_whole_family(api, session):
    # GIVEN a token that has been rotated once
    rotated = session_of(_refresh(api, session.refresh_headers()))
    # WHEN the old token is presented again (someone copied it)
    reused = _refresh(api, session.refresh_headers())
    # THEN it is refused as reused
    assert reused.status_code == 401
    assert body_of(reused)["code"] == "refresh_token_reused"
    # AND the legitimate newer token is dead too
    later = _refresh(api, rotated.refresh_headers())
    assert later.status_code == 401
    assert body_of(later)["code"] == "invalid_token"


def test_other_sessions_survive_a_reuse_in_one_family(api, session):
    other = session_of(sign_in(api, "ada@example.org"))
    _refresh(api, session.refresh_headers())
    _refresh(api, session.refresh_headers())
    assert _refresh(api, other.refresh_headers()).status_code == 200


def test_refresh_without_the_csrf_header_is_403(api, session):
    response = _refresh(api, session.cookie_header())
    assert response.status_code == 403
    assert body_of(response)["code"] == "csrf_failed"


def test_refresh_with_a_wrong_csrf_header_is_403(api, session):
    response = _refresh(api, {**session.cookie_header(), "x-csrf-token": "forged"})
    assert response.status_code == 403
    assert body_of(response)["code"] == "csrf_failed"


def test_a_csrf_pair_of_another_session_is_403(api, session):
    # GIVEN an attacker who planted their own matching th_csrf cookie and header
    other = session_of(sign_in(api, "ada@example.org"))
    headers = {
        "cookie": f"th_refresh={session.refresh}; th_csrf={other.csrf}",
        "x-csrf-token": other.csrf,
    }
    # THEN the pair does not fit the victim's refresh token
    response = _refresh(api, headers)
    assert response.status_code == 403
    assert body_of(response)["code"] == "csrf_failed"
    # AND the victim's session still works (nothing was spent)
    assert _refresh(api, session.refresh_headers()).status_code == 200


def test_refresh_without_a_cookie_is_401(api, session):
    response = _refresh(api, {"x-csrf-token": session.csrf})
    assert response.status_code == 401
    assert body_of(response)["code"] == "invalid_token"


def test_an_unknown_refresh_token_is_401(api, session):
    response = _refresh(
        api, {"cookie": f"th_refresh=nope; th_csrf={session.csrf}", "x-csrf-token": session.csrf}
    )
    assert response.status_code == 401
    assert body_of(response)["code"] == "invalid_token"


def test_a_refresh_token_of_platform_a_is_refused_on_b(api, session):
    response = _refresh(api, session.refresh_headers(), host=HOST_B)
    assert response.status_code == 401


def test_sign_out_revokes_the_session_and_clears_cookies(api, session):
    response = api.post("/auth/sign-out", headers=session.refresh_headers())
    assert response.status_code == 204
    cleared = cookies_of(response)
    assert cleared["th_refresh"].value == "" and cleared["th_refresh"]["max-age"] == "0"
    assert cleared["th_csrf"].value == "" and cleared["th_csrf"]["max-age"] == "0"
    after = _refresh(api, session.refresh_headers())
    assert after.status_code == 401


def test_sign_out_needs_the_csrf_header(api, session):
    response = api.post("/auth/sign-out", headers=session.cookie_header())
    assert response.status_code == 403
    assert body_of(response)["code"] == "csrf_failed"
    assert _refresh(api, session.refresh_headers()).status_code == 200


def test_sign_out_without_a_session_just_clears_cookies(api):
    response = api.post("/auth/sign-out")
    assert response.status_code == 204
    assert set(cookies_of(response)) == {"th_refresh", "th_csrf"}


def test_a_refresh_after_the_user_record_is_gone_is_refused(api, session):
    from shared.identity.models import UserRecord

    UserRecord.get(f"T#alpha#USER#{session.body['user']['id']}").delete()
    assert _refresh(api, session.refresh_headers()).status_code == 401
