"""The front server: one origin for the API, the frontend and storage.

``/api/*`` goes to the Chalice app in process, ``/_storage/*`` to moto's S3,
everything else to the built frontend -- what CloudFront does on AWS. It
listens on 127.0.0.1 and, where the machine has IPv6, on ::1 with the same
port, so ``http://localhost:<port>`` and ``http://127.0.0.1:<port>`` both
reach it whichever address a browser tries first.
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import sys
import threading
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol

from infra.local.reply import Reply
from infra.local.static_site import StaticSite
from infra.local.storage_proxy import PREFIX as STORAGE_PREFIX
from infra.local.storage_proxy import StorageProxy

API_PREFIX = "/api/"
MAX_BODY_BYTES = 30 * 1024 * 1024  # above the largest upload policy (25 MB)


class Api(Protocol):
    def handle(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Reply: ...


def content_security_policy(storage_origins: list[str]) -> str:
    """Self, OpenStreetMap tiles and the storage path: nothing else may load."""
    storage = " ".join(f"{origin}{STORAGE_PREFIX}/" for origin in storage_origins)
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            f"img-src 'self' data: blob: https://*.tile.openstreetmap.org {storage}",
            f"media-src 'self' {storage}",
            f"connect-src 'self' {storage}",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            f"form-action 'self' {storage}",
            "frame-ancestors 'none'",
        ]
    )


@dataclass
class Routes:
    """What the front server dispatches to, by path prefix."""

    api: Api
    site: StaticSite
    storage: StorageProxy
    storage_origins: list[str]

    def html_headers(self) -> list[tuple[str, str]]:
        return [
            ("Content-Security-Policy", content_security_policy(self.storage_origins)),
            ("Referrer-Policy", "strict-origin-when-cross-origin"),
            ("X-Frame-Options", "DENY"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ]

    def dispatch(self, method: str, target: str, headers: dict[str, str], body: bytes) -> Reply:
        path = urllib.parse.urlsplit(target).path
        if path.startswith(API_PREFIX):
            reply = self.api.handle(method, target, headers, body)
        elif path == STORAGE_PREFIX or path.startswith(STORAGE_PREFIX + "/"):
            origin = f"http://{headers.get('Host') or headers.get('host') or 'localhost'}"
            reply = self.storage.handle(method, target, headers, body, origin)
        else:
            reply = self.site.handle(method, path)
        if (reply.header("Content-Type") or "").startswith("text/html"):
            reply.headers.extend(self.html_headers())
        if reply.header("X-Content-Type-Options") is None:
            reply.headers.append(("X-Content-Type-Options", "nosniff"))
        return reply


class FrontHandler(BaseHTTPRequestHandler):
    """Read one request whole, dispatch it, write the reply whole."""

    protocol_version = "HTTP/1.1"
    routes: Routes  # set on the subclass made by make_handler, before serving

    def _handle(self) -> None:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            self._send(Reply.text(411, "Send a Content-Length; chunked bodies are not accepted."))
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self._send(Reply.text(413, "The request body is too large."))
            self.close_connection = True
            return
        body = self.rfile.read(length) if length else b""
        headers = {name: value for name, value in self.headers.items()}
        try:
            reply = self.routes.dispatch(self.command, self.path, headers, body)
        except Exception as error:  # the server must outlive any one request
            self.log_error("request failed: %r", error)
            reply = Reply.text(500, "The local stack failed to answer; see the runner's output.")
        self._send(reply)

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        for name, value in reply.headers:
            if name.lower() not in ("content-length", "connection", "transfer-encoding"):
                self.send_header(name, value)
        length = reply.header("Content-Length") if self.command == "HEAD" else None
        self.send_header("Content-Length", length or str(len(reply.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _handle

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: a request log per asset would drown the runner's own messages."""

    def log_error(self, format: str, *args: object) -> None:
        super().log_message(format, *args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser or poller that hangs up mid-answer is normal, not a server error.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)

    def server_bind(self) -> None:
        # HTTPServer.server_bind resolves the host name (reverse DNS), which
        # stalls where DNS is unreachable; the name is not needed here.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)


class _Server6(_Server):
    address_family = socket.AF_INET6


def make_handler() -> type[FrontHandler]:
    """A handler class of its own; the runner binds first (to learn a free port), then
    sets ``routes``, because the app's configuration needs that port."""
    return type("BoundFrontHandler", (FrontHandler,), {})


def bind(port: int, handler: type[FrontHandler]) -> list[ThreadingHTTPServer]:
    """Listen on 127.0.0.1:``port`` (0 picks one) and on [::1] at the same port if possible."""
    servers: list[ThreadingHTTPServer] = [_Server(("127.0.0.1", port), handler)]
    chosen = servers[0].server_address[1]
    # Without an IPv6 loopback, localhost resolves to 127.0.0.1 and one server is enough.
    with contextlib.suppress(OSError):
        if socket.has_ipv6:
            servers.append(_Server6(("::1", chosen), handler))
    return servers


def serve(servers: list[ThreadingHTTPServer]) -> list[threading.Thread]:
    threads = [
        threading.Thread(target=s.serve_forever, name=f"front-{i}", daemon=True)
        for i, s in enumerate(servers)
    ]
    for thread in threads:
        thread.start()
    return threads


def shutdown(servers: list[ThreadingHTTPServer], threads: list[threading.Thread]) -> None:
    for server in servers:
        server.shutdown()
        server.server_close()
    for thread in threads:
        thread.join(timeout=10)
