"""Smoke test of the moto shim: sent mail is readable from a moto server and in process."""

from __future__ import annotations

import threading
import urllib.error
from collections.abc import Iterator
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import boto3
import pytest
import requests

from chalicelib.devtools.sent_mail import parse_messages, sent_messages
from shared.mail.sender import PLATFORM_HEADER

SENDER = "no-reply@townhall.local"


@pytest.fixture
def moto_endpoint() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    requests.post(f"http://{host}:{port}/moto-api/reset")  # its backends are process-wide
    server.stop()


def _send_both(sesv2) -> None:
    sesv2.create_email_identity(EmailIdentity=SENDER)
    sesv2.send_email(
        FromEmailAddress=SENDER,
        Destination={"ToAddresses": ["ana@example.org"]},
        Content={
            "Simple": {"Subject": {"Data": "Simple"}, "Body": {"Html": {"Data": "<b>Hi</b>"}}}
        },
    )
    raw = EmailMessage()
    raw["From"], raw["To"], raw["Subject"] = SENDER, "Ben <ben@example.org>", "Raw"
    raw["Date"] = "Fri, 04 Dec 2026 10:00:00 +0000"
    raw[PLATFORM_HEADER] = "alpha"
    raw.set_content("Text part")
    sesv2.send_email(
        FromEmailAddress=SENDER,
        Destination={"ToAddresses": ["ben@example.org"]},
        Content={"Raw": {"Data": raw.as_bytes()}},
    )


def _check(messages) -> None:
    simple = next(m for m in messages if m.subject == "Simple")
    raw = next(m for m in messages if m.subject == "Raw")
    assert simple.to == ["ana@example.org"] and simple.html == "<b>Hi</b>" and simple.text is None
    assert raw.to == ["ben@example.org"] and raw.tenant_id == "alpha"
    assert raw.text.strip() == "Text part" and raw.html is None
    assert raw.date is not None and raw.date.hour == 10


def test_reads_sent_mail_from_a_moto_server(moto_endpoint):
    # GIVEN mail sent through a moto server WHEN read through /moto-api/data.json THEN both kinds
    sesv2 = boto3.client("sesv2", region_name="eu-west-1", endpoint_url=moto_endpoint)
    _send_both(sesv2)
    _check(sent_messages(moto_endpoint, "eu-west-1"))


def _flaky_front(moto_endpoint: str, failures: int) -> ThreadingHTTPServer:
    """A proxy that answers the first ``failures`` reads with 500, as moto's data.json can."""
    answered = {"failed": 0}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if answered["failed"] < failures:
                answered["failed"] += 1
                self.send_error(500, "Object of type FakeKey is not JSON serializable")
                return
            body = requests.get(moto_endpoint + self.path, timeout=10).content
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.mark.parametrize("failures", [1, 4])
def test_a_transient_moto_failure_is_retried(moto_endpoint, failures):
    # GIVEN moto's data.json failing a few times, as it does while S3 work runs in other threads
    _send_both(boto3.client("sesv2", region_name="eu-west-1", endpoint_url=moto_endpoint))
    front = _flaky_front(moto_endpoint, failures)
    try:
        # WHEN the mail is read THEN the read is retried until moto answers
        _check(sent_messages(f"http://127.0.0.1:{front.server_port}", "eu-west-1"))
    finally:
        front.shutdown()


def test_a_lasting_moto_failure_reaches_the_caller(moto_endpoint):
    front = _flaky_front(moto_endpoint, failures=1_000)
    try:
        with pytest.raises(urllib.error.HTTPError) as raised:
            sent_messages(f"http://127.0.0.1:{front.server_port}", "eu-west-1")
        assert raised.value.code == 500
    finally:
        front.shutdown()


def test_a_server_in_this_process_is_read_directly(moto_endpoint, monkeypatch):
    # GIVEN the dev runner's setup: moto's server in this process, named by the environment
    from chalicelib.devtools import sent_mail

    _send_both(boto3.client("sesv2", region_name="eu-west-1", endpoint_url=moto_endpoint))
    monkeypatch.setenv(sent_mail.IN_PROCESS_MOTO, moto_endpoint)

    def no_data_json(url: str) -> None:
        raise AssertionError("data.json was read")

    monkeypatch.setattr(sent_mail, "_model_data", no_data_json)
    # WHEN the mail is read THEN it comes from the backend, without data.json
    _check(sent_messages(moto_endpoint, "eu-west-1"))


def test_reads_sent_mail_in_process(aws):
    from chalicelib import runtime

    _send_both(runtime.client("sesv2"))
    messages = sent_messages(None, "eu-west-1")
    assert len(messages) == 2
    _check(messages)


def test_parse_keeps_moto_order_within_each_kind():
    messages = parse_messages(
        [{"id": "1", "source": SENDER, "subject": "a", "body": "x", "destinations": {}}],
        [
            {
                "id": "2",
                "source": SENDER,
                "raw_data": "Subject: b\n\nbody",
                "destinations": ["c@d.e"],
            }
        ],
    )
    assert [(m.subject, m.sequence) for m in messages] == [("a", 0), ("b", 0)]
    assert messages[1].to == ["c@d.e"] and messages[1].date is None
