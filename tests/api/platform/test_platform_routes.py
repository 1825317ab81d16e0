"""Platform settings, health, errors and the OpenAPI document."""

from __future__ import annotations

from tests.conftest import HOST_B, body_of


def test_health_resolves_the_tenant_from_the_host(api):
    # GIVEN two platforms WHEN each host asks for health THEN each sees its own id
    assert body_of(api.get("/health"))["platform_id"] == "alpha"
    assert body_of(api.get("/health", host=HOST_B + ":8000"))["platform_id"] == "beta"


def test_unknown_host_is_a_problem(api):
    response = api.get("/health", host="nowhere.test")
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/problem+json"
    assert body_of(response)["code"] == "platform_not_found"


def test_platform_settings_are_public(api):
    platform = body_of(api.get("/platform"))
    assert platform["name"] == {"en": "Alphaville"}
    assert platform["enabled_locales"] == ["en", "fr"]
    assert platform["branding"]["primary_color"].startswith("#")


def test_updating_settings_needs_a_signed_in_admin(api):
    response = api.patch("/platform", {"name": {"en": "Hacked"}})
    assert response.status_code == 401
    assert body_of(response)["code"] == "not_authenticated"


def test_non_json_body_is_415_problem(api):
    response = api.request(
        "PATCH", "/platform", body="<x/>", headers={"content-type": "application/xml"}
    )
    assert response.status_code == 415
    assert body_of(response)["code"] == "unsupported_media_type"


def test_unknown_content_type_is_415_problem(api):
    response = api.request("PATCH", "/platform", body="x", headers={"content-type": "image/gif"})
    assert response.status_code == 415
    assert body_of(response)["code"] == "unsupported_media_type"


def test_openapi_document_is_valid_and_lists_every_route(api):
    from openapi_spec_validator import validate

    import app as app_module

    document = body_of(api.get("/openapi.json"))
    validate(document)
    for path, methods in app_module.app.routes.items():
        for method in methods:
            assert method.lower() in document["paths"][path], f"{method} {path} missing"


def test_oversized_body_is_413_problem(api):
    response = api.request(
        "PATCH", "/platform", body="x" * 1_100_000, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert body_of(response)["code"] == "payload_too_large"


def test_a_configuration_error_is_a_500_not_the_clients_fault(api, monkeypatch):
    # GIVEN settings that cannot be valid (fast hashing outside the test stage)
    from chalicelib import runtime

    monkeypatch.setenv("TOWNHALL_STAGE", "production")
    runtime.reset()
    # WHEN a request arrives THEN the answer blames the server, without details
    response = api.get("/health")
    assert response.status_code == 500
    assert body_of(response)["code"] == "internal_error"
    monkeypatch.setenv("TOWNHALL_STAGE", "test")
    runtime.reset()
