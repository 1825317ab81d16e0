"""The API half of the front server: the Chalice app through LocalGateway."""

from __future__ import annotations

import json

from chalice.config import Config

from infra.local.api_gateway import ApiGateway, _body, _header_pairs
from tests.conftest import HOST_B


def _gateway() -> ApiGateway:
    import app as app_module

    return ApiGateway(app_module.app, Config.create())


def test_requests_run_with_the_host_header_of_the_viewer(platforms):
    # GIVEN two platforms WHEN each host calls health THEN each gets its own tenant
    gateway = _gateway()
    alpha = gateway.handle("GET", "/api/v1/health", {"Host": "alpha.test:8000"}, b"")
    beta = gateway.handle("GET", "/api/v1/health", {"Host": HOST_B}, b"")
    assert alpha.status == 200 and json.loads(alpha.body)["platform_id"] == "alpha"
    assert json.loads(beta.body)["platform_id"] == "beta"
    assert alpha.header("Content-Type") == "application/json"


def test_unknown_routes_answer_like_api_gateway(platforms):
    reply = _gateway().handle("GET", "/api/v1/no-such-thing", {"Host": "alpha.test"}, b"")
    assert reply.status == 403
    assert b"Missing Authentication Token" in reply.body


def test_repeated_headers_and_binary_bodies_survive():
    response = {
        "headers": {"Content-Type": "image/png", "Set-Cookie": "ignored"},
        "multiValueHeaders": {"Set-Cookie": ["a=1", "b=2"]},
        "body": "iVBORw==",
        "isBase64Encoded": True,
    }
    assert _header_pairs(response) == [
        ("Content-Type", "image/png"),
        ("Set-Cookie", "a=1"),
        ("Set-Cookie", "b=2"),
    ]
    assert _body(response) == b"\x89PNG"
    assert _body({"body": None}) == b"" and _body({"body": "text"}) == b"text"
