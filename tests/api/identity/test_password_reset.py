"""Password reset: always accepted, emailed link, single use, ends every session."""

from __future__ import annotations

from email.header import decode_header, make_header

from tests.api.identity.helpers import (
    PASSWORD,
    link_in,
    register,
    sent_messages,
    session_of,
    sign_in,
    token_of,
)
from tests.conftest import body_of

NEW_PASSWORD = "a much better passphrase"


def _reset_token(api, pump, email="ada@example.org"):
    assert api.post("/auth/password-reset", {"email": email}).status_code == 202
    pump.drain()
    message = sent_messages()[-1]
    assert message["To"] == email
    link = link_in(message)
    assert link.startswith("http://alpha.test/reset-password?token=")
    return token_of(link)


def test_requests_for_unknown_emails_are_accepted_and_send_nothing(api, pump):
    response = api.post("/auth/password-reset", {"email": "nobody@example.org"})
    assert response.status_code == 202
    assert response.body == b""
    pump.drain()
    assert sent_messages() == []


def test_reset_sets_the_new_password_and_ends_every_session(api, pump):
    # GIVEN a signed-in user who asks for a reset
    register("ada@example.org")
    session = session_of(sign_in(api, "ada@example.org"))
    token = _reset_token(api, pump)
    # WHEN they choose a new password with the emailed token
    response = api.post("/auth/password-reset/confirm", {"token": token, "password": NEW_PASSWORD})
    assert response.status_code == 204
    # THEN the new password works and the old one does not
    assert sign_in(api, "ada@example.org", NEW_PASSWORD).status_code == 200
    assert sign_in(api, "ada@example.org", PASSWORD).status_code == 401
    # AND the old access and refresh tokens are dead
    assert api.get("/me", token=session.access_token).status_code == 401
    assert api.post("/auth/refresh", headers=session.refresh_headers()).status_code == 401


def test_a_reset_token_works_once(api, pump):
    register("ada@example.org")
    token = _reset_token(api, pump)
    body = {"token": token, "password": NEW_PASSWORD}
    assert api.post("/auth/password-reset/confirm", body).status_code == 204
    again = api.post("/auth/password-reset/confirm", body)
    assert again.status_code == 400
    assert body_of(again)["code"] == "invalid_token"


def test_a_refused_new_password_leaves_the_link_usable(api, pump):
    register("ada@example.org")
    token = _reset_token(api, pump)
    weak = api.post("/auth/password-reset/confirm", {"token": token, "password": "ada@example.org"})
    assert weak.status_code == 422
    assert body_of(weak)["errors"][0]["code"] == "password_is_email"
    ok = api.post("/auth/password-reset/confirm", {"token": token, "password": NEW_PASSWORD})
    assert ok.status_code == 204


def test_an_unknown_reset_token_is_400(api):
    body = {"token": "y" * 43, "password": NEW_PASSWORD}
    response = api.post("/auth/password-reset/confirm", body)
    assert response.status_code == 400
    assert body_of(response)["code"] == "invalid_token"


def test_a_reset_confirms_the_email(api, pump):
    register("ada@example.org", confirmed=False)
    token = _reset_token(api, pump)
    api.post("/auth/password-reset/confirm", {"token": token, "password": NEW_PASSWORD})
    session = session_of(sign_in(api, "ada@example.org", NEW_PASSWORD))
    assert session.body["user"]["email_confirmed"] is True


def test_the_reset_email_is_in_the_users_language(api, pump):
    from chalicelib.identity import wiring
    from shared.tenancy import TenantContext

    wiring.accounts().register_user(
        TenantContext("alpha", "alpha.test"),
        "marie@example.org",
        PASSWORD,
        "Marie",
        "Curie",
        "fr",
        confirmed=True,
    )
    _reset_token(api, pump, "marie@example.org")
    subject = str(make_header(decode_header(sent_messages()[-1]["Subject"])))
    assert subject == "Réinitialisez votre mot de passe pour Alphaville"
