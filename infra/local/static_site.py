"""The frontend half of the front server: the built SPA in ``frontend/dist``.

Paths that name a file serve it with its content type; paths that look like
client-side routes (no file extension) get ``index.html`` so deep links work;
a missing asset is a plain 404, not the SPA. Vite's hashed assets never change
under the same name, so they may be cached for a year; everything else is
revalidated on every load.
"""

from __future__ import annotations

import mimetypes
import re
import urllib.parse
from pathlib import Path

from infra.local.reply import Reply

HASHED_ASSET = re.compile(r"^/assets/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$")
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".html": "text/html",
    ".json": "application/json",
    ".map": "application/json",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".wasm": "application/wasm",
    ".ico": "image/x-icon",
    ".txt": "text/plain",
}
_TEXTUAL = ("text/", "application/json", "application/manifest+json", "image/svg+xml")

MISSING_BUILD_HINT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Townhall: frontend not built</title></head>
<body><h1>The frontend has not been built yet</h1>
<p>The API is running at <a href="/api/v1/health">/api/v1/health</a>.
Build the frontend with <code>make frontend</code> (or <code>cd frontend &amp;&amp; npm run
build</code>) and reload this page; <code>make run</code> does both.</p></body></html>
"""


def content_type(path: Path) -> str:
    kind = _TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
    kind = kind or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith(_TEXTUAL) else kind


class StaticSite:
    """Files under ``root``, with the SPA fallback to ``index.html``."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    @property
    def built(self) -> bool:
        return (self.root / "index.html").is_file()

    def _file(self, url_path: str) -> Path | None:
        relative = urllib.parse.unquote(url_path).lstrip("/")
        candidate = (self.root / relative).resolve()
        if not candidate.is_relative_to(self.root):  # ../ tricks stay outside
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    def _serve(self, file: Path, cache: str, head: bool) -> Reply:
        body = file.read_bytes()
        headers = [
            ("Content-Type", content_type(file)),
            ("Cache-Control", cache),
            ("Content-Length", str(len(body))),
        ]
        return Reply(200, headers, b"" if head else body)

    def handle(self, method: str, path: str) -> Reply:
        """Answer a GET or HEAD for ``path`` (the query string already removed)."""
        if method not in ("GET", "HEAD"):
            reply = Reply.text(405, "Only GET and HEAD are served here.")
            reply.headers.append(("Allow", "GET, HEAD"))
            return reply
        head = method == "HEAD"
        if not self.built:
            return Reply.text(503, MISSING_BUILD_HINT, "text/html")
        file = self._file(path)
        if file is not None:
            return self._serve(file, IMMUTABLE if HASHED_ASSET.match(path) else REVALIDATE, head)
        if "." in path.rsplit("/", 1)[-1]:
            return Reply.text(404, f"No such file: {path}")
        return self._serve(self.root / "index.html", REVALIDATE, head)
