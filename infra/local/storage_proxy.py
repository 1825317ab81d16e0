"""``/_storage/*`` on the front server is moto's S3, on the platform's own origin.

The API presigns upload POSTs and download GETs for the public storage
endpoint (``TOWNHALL_PUBLIC_STORAGE_ENDPOINT``, i.e. ``<origin>/_storage``);
the browser sends them here and this proxy forwards them to moto with
moto's own Host. moto does not check signatures, so the changed host does
not matter. Redirects moto issues are rewritten to the public path.
"""

from __future__ import annotations

import http.client

from infra.local.reply import Reply

PREFIX = "/_storage"
_HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "host",
    "content-length",
    "server",  # the front server sends its own Server and Date
    "date",
}
TIMEOUT_SECONDS = 60


class StorageProxy:
    """Forward one request to moto's S3 and return its answer whole."""

    def __init__(self, moto_host: str, moto_port: int) -> None:
        self.moto_host = moto_host
        self.moto_port = moto_port

    @property
    def _moto_origin(self) -> str:
        return f"http://{self.moto_host}:{self.moto_port}"

    def handle(
        self, method: str, target: str, headers: dict[str, str], body: bytes, public_origin: str
    ) -> Reply:
        """``target`` is the request target starting with ``/_storage`` (query included)."""
        upstream_path = target[len(PREFIX) :] or "/"
        forwarded = {k: v for k, v in headers.items() if k.lower() not in _HOP_BY_HOP}
        forwarded["Host"] = f"{self.moto_host}:{self.moto_port}"
        forwarded["Content-Length"] = str(len(body))
        connection = http.client.HTTPConnection(
            self.moto_host, self.moto_port, timeout=TIMEOUT_SECONDS
        )
        try:
            connection.request(method, upstream_path, body=body, headers=forwarded)
            response = connection.getresponse()
            payload = response.read()
            pairs = [
                (name, self._public(value, public_origin) if name.lower() == "location" else value)
                for name, value in response.getheaders()
                if name.lower() not in _HOP_BY_HOP
            ]
            return Reply(response.status, pairs, payload)
        except OSError as error:
            return Reply.text(502, f"Local storage (moto S3) is not reachable: {error}")
        finally:
            connection.close()

    def _public(self, location: str, public_origin: str) -> str:
        if location.startswith(self._moto_origin):
            return public_origin + PREFIX + location[len(self._moto_origin) :]
        return location
