"""What a handler receives about its request, and what it may return."""

from __future__ import annotations

from dataclasses import dataclass, field

from chalice.app import Request
from pydantic import BaseModel

from shared.i18n import DEFAULT_LOCALE, SUPPORTED_LOCALES
from shared.permissions import Principal
from shared.tenancy import TenantContext


@dataclass
class RequestContext:
    """The resolved tenant and principal of one request."""

    request: Request
    tenant: TenantContext
    principal: Principal
    source_ip: str = "unknown"

    def header(self, name: str) -> str | None:
        value: str | None = self.request.headers.get(name)
        return value

    def cookie(self, name: str) -> str | None:
        raw = self.header("cookie") or ""
        for part in raw.split(";"):
            key, _, value = part.strip().partition("=")
            if key == name:
                return value
        return None

    @property
    def locale(self) -> str:
        """The first supported language of the Accept-Language header."""
        for part in (self.header("accept-language") or "").split(","):
            code = part.split(";")[0].strip().lower()[:2]
            if code in SUPPORTED_LOCALES:
                return code
        return DEFAULT_LOCALE

    @property
    def origin(self) -> str:
        """Scheme and host the viewer used (for links in emails)."""
        proto = self.header("x-forwarded-proto") or "http"
        host = self.header("x-townhall-host") or self.header("host") or self.tenant.host
        return f"{proto}://{host}"


@dataclass
class ApiResponse:
    """A response with a non-default status, headers or cookies."""

    body: BaseModel | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    cookies: list[str] = field(default_factory=list)
