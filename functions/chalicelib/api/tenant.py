"""Resolve the tenant of a request from the viewer's host name.

Locally the Host header is the viewer's. On AWS, API Gateway sees its own
host, so CloudFront forwards the viewer's host in ``X-Townhall-Host`` and a
secret origin header (``X-Origin-Verify``) that proves the request came
through CloudFront; without that proof the header is ignored and the request
refused. No client can choose its tenant any other way.
"""

from __future__ import annotations

import hmac

from chalice.app import Request

from chalicelib import runtime
from shared.errors import ForbiddenError
from shared.tenancy import TenantContext

ORIGIN_HEADER = "x-origin-verify"
VIEWER_IP_HEADER = "x-townhall-viewer-ip"


@runtime.cached
def _origin_secret() -> str | None:
    source = runtime.settings().origin_secret_source
    if not source:
        return None
    secret = runtime.client("secretsmanager").get_secret_value(SecretId=source)
    return str(secret["SecretString"])


def resolve_tenant(request: Request) -> TenantContext:
    settings = runtime.settings()
    expected = _origin_secret()
    if expected is not None:
        presented = request.headers.get(ORIGIN_HEADER, "")
        if not hmac.compare_digest(presented.encode(), expected.encode()):
            raise ForbiddenError(code="direct_access_refused")
    host = request.headers.get(settings.tenant_host_header) or request.headers.get("host") or ""
    return runtime.platforms().resolve(host)


def viewer_ip(request: Request) -> str:
    """The viewer's address: CloudFront's header when requests must come through
    CloudFront (its secret was checked in :func:`resolve_tenant`), else the socket's."""
    if _origin_secret() is not None and request.headers.get(VIEWER_IP_HEADER):
        return str(request.headers[VIEWER_IP_HEADER])
    identity = (request.context or {}).get("identity", {})
    return str(identity.get("sourceIp") or "unknown")
