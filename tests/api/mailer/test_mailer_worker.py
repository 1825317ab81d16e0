"""The mailer worker: SQS batches of email requests, sent through SES once each."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.header import decode_header, make_header

from tests.api.identity.helpers import part, sent_messages
from tests.conftest import body_of


def _event(to="ada@example.org", locale="en", tenant="alpha", template="confirm_email"):
    from shared.mail import EmailRequested, TemplateParams
    from shared.mail.contract import email_requested

    request = EmailRequested(
        template=template,
        to=to,
        locale=locale,
        params=TemplateParams(
            first_name="Ada", link="https://alpha.test/confirm-email?token=abc", expires_hours=48
        ),
    )
    return email_requested(tenant, request, actor_id="u1")


def _record(event, message_id="m1"):
    detail = event.model_dump(mode="json")
    body = {"detail-type": event.type, "source": "townhall.identity", "detail": detail}
    return {
        "messageId": message_id,
        "receiptHandle": f"r-{message_id}",
        "body": json.dumps(body),
        "attributes": {},
        "messageAttributes": {},
        "md5OfBody": "",
        "eventSource": "aws:sqs",
        "eventSourceARN": "arn:aws:sqs:eu-west-1:123456789012:mailer",
        "awsRegion": "eu-west-1",
    }


def _invoke(api, *records):
    response = api.client.lambda_.invoke("mailer_worker", {"Records": list(records)})
    return response.payload


def test_one_event_delivered_twice_is_sent_once(api):
    # GIVEN the same event in two deliveries (SQS is at-least-once)
    event = _event()
    # WHEN the worker gets both
    first = _invoke(api, _record(event, "m1"))
    second = _invoke(api, _record(event, "m2"), _record(event, "m3"))
    # THEN every record succeeds and exactly one email went out
    assert first == second == {"batchItemFailures": []}
    assert len(sent_messages()) == 1


def test_a_bad_record_fails_alone(api):
    good = _event()
    bad = good.model_copy(update={"data": {**good.data, "to": "not-an-email"}, "event_id": "x"})
    result = _invoke(api, _record(good, "ok"), _record(bad, "broken"))
    assert result == {"batchItemFailures": [{"itemIdentifier": "broken"}]}
    assert [m["To"] for m in sent_messages()] == ["ada@example.org"]


def test_a_failed_send_is_retried_and_then_sent(api):
    from chalicelib import runtime

    # GIVEN SES refuses the sender for a while
    sesv2, sender = runtime.client("sesv2"), runtime.settings().mail_sender
    sesv2.delete_email_identity(EmailIdentity=sender)
    event = _event()
    assert _invoke(api, _record(event)) == {"batchItemFailures": [{"itemIdentifier": "m1"}]}
    assert sent_messages() == []
    # WHEN SES accepts it again and the message is redelivered THEN it is sent once
    sesv2.create_email_identity(EmailIdentity=sender)
    assert _invoke(api, _record(event)) == {"batchItemFailures": []}
    assert _invoke(api, _record(event)) == {"batchItemFailures": []}
    assert len(sent_messages()) == 1


def test_the_email_wears_the_platforms_brand_and_language(api):
    from chalicelib import runtime
    from shared.tenancy.schemas import Branding

    runtime.platforms().create(
        "gamma",
        {"en": "Gamma City", "fr": "Ville de Gamma"},
        ["gamma.test"],
        "en",
        ["en", "fr"],
        branding=Branding(primary_color="#ffcc00"),
    )
    _invoke(api, _record(_event(locale="fr", tenant="gamma")))
    [message] = sent_messages()
    html = part(message, "html")
    assert str(make_header(decode_header(message["From"]))) == (
        "Ville de Gamma <no-reply@townhall.local>"
    )
    assert 'lang="fr"' in html
    assert "#ffcc00" in html
    assert "color:#000000" in html  # dark text on a light brand colour
    assert "Confirmer mon adresse e-mail" in html
    assert message["X-Townhall-Platform"] == "gamma"


def test_sign_up_mail_flows_through_the_event_bus(api, pump):
    response = api.post(
        "/auth/sign-up",
        {
            "email": "jan@example.org",
            "password": "correct horse battery",
            "first_name": "Jan",
            "last_name": "Kowalski",
            "locale": "pl",
        },
    )
    assert body_of(response)["locale"] == "pl"
    # the email request, and identity's announcement of the new user (groups refresh)
    assert pump.drain() == 2
    [message] = sent_messages()
    assert "Potwierdź mój adres e-mail" in part(message, "html")
    assert "Jan" in part(message, "plain")


def test_a_stale_claim_of_a_dead_worker_is_taken_over(aws):
    import app  # noqa: F401
    from shared.mail.deliveries import STALE_CLAIM_SECONDS, DeliveryLedger
    from shared.tenancy import TenantContext

    ledger = DeliveryLedger(TenantContext("alpha", ""))
    start = datetime.now(UTC)
    assert ledger.claim("e1", start)
    assert not ledger.claim("e1", start + timedelta(seconds=10))
    later = start + timedelta(seconds=STALE_CLAIM_SECONDS + 1)
    assert ledger.claim("e1", later)
    ledger.mark_sent("e1", "ses-1")
    assert not ledger.claim("e1", later + timedelta(days=1))
