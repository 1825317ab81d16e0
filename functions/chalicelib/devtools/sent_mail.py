"""Read the emails moto's SES has "sent": the one shim of moto internals for mail.

SES keeps no readable outbox on AWS, so the local mail viewer asks moto:
through moto's SES backend when moto runs in this process (``mock_aws`` in
tests, and the dev runner's threaded server); otherwise, when the functions
talk to a moto server elsewhere, through its public ``/moto-api/data.json``. Both paths yield the same :class:`SentMessage`.
moto records no send time and drops SES tags, so a message's date and
platform come from the ``Date`` and ``X-Townhall-Platform`` headers (set by
:mod:`shared.mail.sender`) of raw
(MIME) messages; simple messages have neither.

``data.json`` serialises every live moto object without taking moto's locks,
so it fails now and then (HTTP 500) while S3 or Step Functions work runs in
other threads, e.g. an export. Such a failure is transient: the read is
retried a few times before the error reaches the caller.
"""

from __future__ import annotations

import email
import email.policy
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime
from typing import Any

from shared.mail.sender import PLATFORM_HEADER

LOCAL_ACCOUNT = "123456789012"
IN_PROCESS_MOTO = "TOWNHALL_MOTO_IN_PROCESS"
_TIMEOUT_SECONDS = 10
_ATTEMPTS = 5
_RETRY_SECONDS = 0.1


@dataclass(frozen=True)
class SentMessage:
    """One email as moto recorded it; ``sequence`` is its position in moto's log."""

    id: str
    sequence: int
    sender: str
    to: list[str]
    subject: str
    date: datetime | None = None
    text: str | None = None
    html: str | None = None
    tenant_id: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


def _simple(sequence: int, data: Mapping[str, Any]) -> SentMessage:
    """A ``Simple`` SES message: moto keeps the HTML part if there was one, else the text."""
    body = str(data.get("body") or "")
    destinations = data.get("destinations") or {}
    to = [
        a
        for kind in ("ToAddresses", "CcAddresses", "BccAddresses")
        for a in destinations.get(kind, [])
    ]
    looks_html = body.lstrip().startswith("<")
    return SentMessage(
        id=str(data.get("id", "")),
        sequence=sequence,
        sender=str(data.get("source", "")),
        to=to,
        subject=str(data.get("subject", "")),
        text=None if looks_html else body,
        html=body if looks_html else None,
    )


def _part_text(message: EmailMessage, subtype: str) -> str | None:
    part = message.get_body(preferencelist=(subtype,))
    return None if part is None else str(part.get_content())


def _raw(sequence: int, data: Mapping[str, Any]) -> SentMessage:
    """A ``Raw`` SES message: parse the MIME document for headers and both bodies."""
    parsed = email.message_from_string(str(data.get("raw_data", "")), policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    date: datetime | None = None
    if parsed["Date"]:
        try:
            date = parsedate_to_datetime(str(parsed["Date"]))
        except (TypeError, ValueError):
            date = None
    to = [address for _, address in getaddresses([str(v) for v in parsed.get_all("To", [])])]
    return SentMessage(
        id=str(data.get("id", "")),
        sequence=sequence,
        sender=str(data.get("source") or parsed["From"] or ""),
        to=to or [str(a) for a in data.get("destinations") or []],
        subject=str(parsed["Subject"] or ""),
        date=date,
        text=_part_text(parsed, "plain"),
        html=_part_text(parsed, "html"),
        tenant_id=str(parsed[PLATFORM_HEADER]) if parsed[PLATFORM_HEADER] else None,
        headers={key: str(value) for key, value in parsed.items()},
    )


def parse_messages(
    simple: Iterable[Mapping[str, Any]], raw: Iterable[Mapping[str, Any]]
) -> list[SentMessage]:
    """Both kinds of moto's records, in moto's sending order within each kind."""
    return [_simple(i, m) for i, m in enumerate(simple)] + [_raw(i, m) for i, m in enumerate(raw)]


def _fetch_json(url: str) -> dict[str, Any]:
    with urllib.request.urlopen(url, timeout=_TIMEOUT_SECONDS) as response:  # noqa: S310 - scheme checked
        return dict(json.load(response))


def _model_data(url: str) -> dict[str, Any]:
    """moto's ``data.json``, retried while moto answers with a server error."""
    for attempt in range(1, _ATTEMPTS):
        try:
            return _fetch_json(url)
        except urllib.error.HTTPError as error:
            if error.code < 500:
                raise
        time.sleep(_RETRY_SECONDS * attempt)
    return _fetch_json(url)  # the last attempt's error reaches the caller


def _from_server(endpoint_url: str) -> list[SentMessage]:
    url = urllib.parse.urljoin(endpoint_url.rstrip("/") + "/", "moto-api/data.json")
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise ValueError(f"refusing to read moto's data from {url!r}")
    ses = _model_data(url).get("ses", {})
    return parse_messages(ses.get("Message", []), ses.get("RawMessage", []))


def _in_process(region: str) -> list[SentMessage]:
    from moto.ses.models import Message, RawMessage, ses_backends

    sent = ses_backends[LOCAL_ACCOUNT][region].sent_messages
    return parse_messages(
        [vars(m) for m in sent if isinstance(m, Message)],
        [vars(m) for m in sent if isinstance(m, RawMessage)],
    )


def sent_messages(endpoint_url: str | None, region: str) -> list[SentMessage]:
    """Every message moto's SES accepted, from its server or its in-process backend.

    The dev runner hosts moto's server in its own process and says so
    (``TOWNHALL_MOTO_IN_PROCESS`` names the endpoint): its backend is then read
    directly, which costs nothing and never fails, instead of ``data.json``,
    which serialises every object moto ever tracked on each call.
    """
    if not endpoint_url or os.environ.get(IN_PROCESS_MOTO) == endpoint_url:
        return _in_process(region)
    return _from_server(endpoint_url)
