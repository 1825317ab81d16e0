"""Sign-up, email confirmation through the real mail path, and resending."""

from __future__ import annotations

import threading

from tests.api.identity.helpers import (
    PASSWORD,
    link_in,
    part,
    sent_messages,
    session_of,
    sign_up,
    token_of,
)
from tests.conftest import HOST_B, body_of


def test_sign_up_creates_an_unconfirmed_resident(api):
    # WHEN a visitor signs up
    response = sign_up(api, "Ada@Example.org", first_name="  Ada ")
    # THEN they get their account, unconfirmed and without roles
    assert response.status_code == 201
    me = body_of(response)
    assert me["email"] == "ada@example.org"
    assert me["first_name"] == "Ada"
    assert me["email_confirmed"] is False
    assert me["roles"] == []
    assert me["avatar_url"] is None
    assert me["blocked"] is None
    assert set(me) == {
        "id",
        "email",
        "first_name",
        "last_name",
        "locale",
        "avatar_url",
        "email_confirmed",
        "roles",
        "created_at",
        "blocked",
        "verified",
        "answers",
        "accepted_policies",
        "has_password",
    }


def test_a_taken_email_is_409_whatever_its_case(api):
    assert sign_up(api, "ada@example.org").status_code == 201
    response = sign_up(api, "ADA@example.org")
    assert response.status_code == 409
    assert body_of(response)["code"] == "email_taken"


def test_the_same_email_may_register_on_another_platform(api):
    assert sign_up(api, "ada@example.org").status_code == 201
    assert sign_up(api, "ada@example.org", host=HOST_B).status_code == 201


def test_password_rules_are_explained(api):
    short = sign_up(api, "ada@example.org", password="short")
    assert short.status_code == 422
    assert body_of(short)["errors"][0]["code"] == "password_too_short"
    same = sign_up(api, "ada.lovelace@example.org", password="Ada.Lovelace@example.org")
    assert same.status_code == 422
    assert body_of(same)["errors"][0]["code"] == "password_is_email"


def test_invalid_fields_are_422_with_each_field_named(api):
    response = sign_up(api, "not-an-email", locale="xx", first_name="")
    assert response.status_code == 422
    fields = {issue["field"] for issue in body_of(response)["errors"]}
    assert {"email", "locale", "first_name"} <= fields


def test_concurrent_sign_ups_with_one_email_make_one_account(api):
    # GIVEN eight simultaneous sign-ups with the same email, each as its own Lambda
    # would run it (the services, not Chalice's single-request test client)
    from chalicelib.identity import wiring
    from shared.errors import ConflictError
    from shared.tenancy import TenantContext

    results: list[int] = []
    barrier = threading.Barrier(8)
    service, tenant = wiring.accounts(), TenantContext("alpha", "alpha.test")

    def attempt() -> None:
        barrier.wait()
        try:
            service.sign_up(
                tenant,
                "http://alpha.test",
                email="race@example.org",
                password=PASSWORD,
                first_name="Race",
                last_name="Condition",
                locale="en",
            )
            results.append(201)
        except ConflictError as error:
            results.append(409 if error.code == "email_taken" else 500)

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # THEN exactly one wins and the others are told the email is taken
    assert sorted(results) == [201] + [409] * 7


def test_confirmation_email_goes_out_and_its_link_signs_in(api, pump):
    # GIVEN a sign-up, WHEN the event pump delivers the email request
    sign_up(api, "ada@example.org")
    # the email request, and identity's announcement of the new user (groups refresh)
    assert pump.drain() == 2
    # THEN one branded email with a confirmation link reached SES
    [message] = sent_messages()
    assert message["To"] == "ada@example.org"
    assert "Alphaville" in message["Subject"]
    assert message["X-Townhall-Platform"] == "alpha"
    link = link_in(message)
    assert link.startswith("http://alpha.test/confirm-email?token=")
    assert link in part(message, "html")
    # WHEN the link's token is confirmed THEN the user is confirmed and signed in
    session = session_of(api.post("/auth/confirm-email", {"token": token_of(link)}))
    assert session.body["user"]["email_confirmed"] is True
    assert body_of(api.get("/me", token=session.access_token))["email_confirmed"] is True


def test_a_confirmation_token_works_once(api, pump):
    sign_up(api, "ada@example.org")
    pump.drain()
    token = token_of(link_in(sent_messages()[0]))
    assert api.post("/auth/confirm-email", {"token": token}).status_code == 200
    again = api.post("/auth/confirm-email", {"token": token})
    assert again.status_code == 400
    assert body_of(again)["code"] == "invalid_token"


def test_a_confirmation_token_of_platform_a_is_refused_on_b(api, pump):
    sign_up(api, "ada@example.org")
    pump.drain()
    token = token_of(link_in(sent_messages()[0]))
    response = api.post("/auth/confirm-email", {"token": token}, host=HOST_B)
    assert response.status_code == 400
    assert body_of(response)["code"] == "invalid_token"


def test_an_unknown_confirmation_token_is_400(api):
    response = api.post("/auth/confirm-email", {"token": "x" * 43})
    assert response.status_code == 400
    assert body_of(response)["code"] == "invalid_token"


def test_resend_sends_a_new_link_to_unconfirmed_accounts_only(api, pump):
    sign_up(api, "ada@example.org")
    pump.drain()
    # WHEN a new link is asked for, for the account and for an unknown email
    assert api.post("/auth/resend-confirmation", {"email": "ada@example.org"}).status_code == 202
    assert api.post("/auth/resend-confirmation", {"email": "no@example.org"}).status_code == 202
    pump.drain()
    # THEN only the account gets a second email, with a different working link
    messages = sent_messages()
    assert [m["To"] for m in messages] == ["ada@example.org", "ada@example.org"]
    first, second = (token_of(link_in(m)) for m in messages)
    assert first != second
    assert api.post("/auth/confirm-email", {"token": second}).status_code == 200
    # AND confirmed accounts get nothing more
    api.post("/auth/resend-confirmation", {"email": "ada@example.org"})
    pump.drain()
    assert len(sent_messages()) == 2


def test_resend_is_quietly_limited(api, pump):
    sign_up(api, "ada@example.org")
    for _ in range(8):
        assert (
            api.post("/auth/resend-confirmation", {"email": "ada@example.org"}).status_code == 202
        )
    pump.drain()
    assert len(sent_messages()) == 5


def test_unconfirmed_users_may_sign_in(api):
    sign_up(api, "ada@example.org")
    response = api.post("/auth/sign-in", {"email": "ada@example.org", "password": PASSWORD})
    assert session_of(response).body["user"]["email_confirmed"] is False


def test_seeding_refuses_an_email_that_could_never_sign_in(api):
    import pytest

    from shared.errors import ValidationError
    from tests.api.identity.helpers import register

    with pytest.raises(ValidationError) as caught:
        register("admin@lindenfeld.local")
    assert caught.value.issues[0].code == "invalid_email"
