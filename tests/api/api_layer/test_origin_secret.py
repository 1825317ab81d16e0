"""Behind CloudFront: the secret origin header, the tenant header and the viewer's address."""

from __future__ import annotations

import pytest

from chalicelib import runtime
from chalicelib.api.tenant import VIEWER_IP_HEADER, viewer_ip
from tests.conftest import HOST_A, HOST_B, body_of

SECRET = "s3cr3t-origin-value"


@pytest.fixture
def behind_cloudfront(api, monkeypatch):
    """The API configured as on AWS: tenant from x-townhall-host, secret origin header."""
    arn = runtime.client("secretsmanager").create_secret(Name="origin", SecretString=SECRET)["ARN"]
    monkeypatch.setenv("TOWNHALL_ORIGIN_SECRET_SOURCE", arn)
    monkeypatch.setenv("TOWNHALL_TENANT_HOST_HEADER", "x-townhall-host")
    runtime.settings.cache_clear()
    from chalicelib.api import tenant

    tenant._origin_secret.cache_clear()
    yield api
    monkeypatch.delenv("TOWNHALL_ORIGIN_SECRET_SOURCE")
    monkeypatch.delenv("TOWNHALL_TENANT_HOST_HEADER")
    runtime.settings.cache_clear()
    tenant._origin_secret.cache_clear()


def test_requests_without_the_origin_secret_are_refused(behind_cloudfront):
    # GIVEN an API that only accepts requests through CloudFront WHEN called directly
    response = behind_cloudfront.get("/health", headers={"x-townhall-host": HOST_A})
    # THEN it refuses with a problem, whatever tenant header was sent
    assert response.status_code == 403
    assert body_of(response)["code"] == "direct_access_refused"


def test_the_tenant_comes_from_the_cloudfront_header_not_the_host(behind_cloudfront):
    headers = {"x-origin-verify": SECRET, "x-townhall-host": HOST_B}
    response = behind_cloudfront.get("/health", host="api.internal.example", headers=headers)
    assert response.status_code == 200
    assert body_of(response)["platform_id"] == "beta"


class _Request:
    def __init__(self, headers, source_ip="10.0.0.1"):
        self.headers = headers
        self.context = {"identity": {"sourceIp": source_ip}}


def test_the_viewer_ip_header_counts_only_behind_cloudfront(behind_cloudfront):
    assert viewer_ip(_Request({VIEWER_IP_HEADER: "198.51.100.7"})) == "198.51.100.7"


def test_without_cloudfront_a_client_cannot_claim_an_address(api):
    assert viewer_ip(_Request({VIEWER_IP_HEADER: "198.51.100.7"})) == "10.0.0.1"
