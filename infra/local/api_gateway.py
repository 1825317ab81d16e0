"""The API half of the front server: requests to ``/api/*`` run in process.

Chalice's :class:`~chalice.local.LocalGateway` (what ``chalice local`` uses)
turns the HTTP request into an API-Gateway-shaped event for the app. The
Host header goes through untouched because the tenant is resolved from it.
Requests run one at a time: a Chalice app keeps ``current_request`` on the
app object, which concurrent threads would overwrite, and one request at a
time is also what a single Lambda container does.
"""

from __future__ import annotations

import base64
import threading
from typing import Any

from chalice.config import Config
from chalice.local import LocalGateway, LocalGatewayException

from infra.local.reply import Reply


def _header_pairs(response: dict[str, Any]) -> list[tuple[str, str]]:
    multi: dict[str, list[str]] = response.get("multiValueHeaders") or {}
    pairs = [
        (name, str(value))
        for name, value in (response.get("headers") or {}).items()
        if name not in multi
    ]
    pairs += [(name, str(value)) for name, values in multi.items() for value in values]
    return pairs


def _body(response: dict[str, Any]) -> bytes:
    body = response.get("body")
    if body is None:
        return b""
    if response.get("isBase64Encoded"):
        return base64.b64decode(body)
    return body if isinstance(body, bytes) else str(body).encode()


class ApiGateway:
    """Serve the Chalice app's routes, like API Gateway in front of the Lambda."""

    def __init__(self, app: Any, config: Config) -> None:
        self._gateway = LocalGateway(app, config)
        self._lock = threading.Lock()

    def handle(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Reply:
        with self._lock:
            try:
                response = self._gateway.handle_request(
                    method=method, path=path, headers=headers, body=body or None
                )
            except LocalGatewayException as error:
                return Reply(error.CODE, list(error.headers.items()), error.body or b"")
        pairs = _header_pairs(response)
        if not any(name.lower() == "content-type" for name, _ in pairs):
            pairs.append(("Content-Type", "application/json"))
        return Reply(int(response["statusCode"]), pairs, _body(response))
