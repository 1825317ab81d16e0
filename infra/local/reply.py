"""The one response shape the front server's parts hand back to it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Reply:
    """Status, headers (repeatable, in order) and the full body of one response."""

    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        return next((v for k, v in self.headers if k.lower() == lowered), None)

    @classmethod
    def text(cls, status: int, message: str, content_type: str = "text/plain") -> Reply:
        return cls(status, [("Content-Type", f"{content_type}; charset=utf-8")], message.encode())
