"""Admins change the platform's name, languages, branding and flags."""

from __future__ import annotations

import io

from PIL import Image

from chalicelib import runtime
from tests.api.identity.helpers import admin_session, register, session_of, sign_in
from tests.conftest import HOST_B, body_of


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (27, 79, 138)).save(buffer, "PNG")
    return buffer.getvalue()


def test_an_admin_renames_and_rebrands_the_platform(api):
    # GIVEN an admin of platform A
    token = admin_session(api).access_token
    # WHEN they change name, languages, colours and a flag
    response = api.patch(
        "/platform",
        {
            "name": {"en": "Alphaville", "fr": "Ville d'Alpha"},
            "enabled_locales": ["en", "fr", "nl"],
            "default_locale": "fr",
            "branding": {"primary_color": "#123456", "secondary_color": "#654321"},
            "feature_flags": {"ideation": True},
        },
        token=token,
    )
    # THEN the public settings show the change, and platform B is untouched
    assert response.status_code == 200, response.body
    platform = body_of(api.get("/platform"))
    assert platform["name"]["fr"] == "Ville d'Alpha"
    assert platform["default_locale"] == "fr"
    assert platform["enabled_locales"] == ["en", "fr", "nl"]
    assert platform["branding"]["primary_color"] == "#123456"
    assert platform["feature_flags"] == {"ideation": True}
    assert body_of(api.get("/platform", host=HOST_B))["name"] == {"en": "Betatown"}


def test_the_default_language_must_be_enabled(api):
    token = admin_session(api).access_token
    response = api.patch("/platform", {"default_locale": "de"}, token=token)
    assert response.status_code == 422
    assert body_of(response)["errors"][0]["field"] == "default_locale"


def test_colours_and_languages_are_validated(api):
    token = admin_session(api).access_token
    bad_colour = api.patch("/platform", {"branding": {"primary_color": "blue"}}, token=token)
    assert bad_colour.status_code == 422
    assert body_of(bad_colour)["errors"][0]["field"] == "branding.primary_color"
    unknown_language = api.patch("/platform", {"enabled_locales": ["en", "xx"]}, token=token)
    assert unknown_language.status_code == 422


def test_a_resident_cannot_change_settings(api):
    register("resident@example.org")
    token = session_of(sign_in(api, "resident@example.org")).access_token
    response = api.patch("/platform", {"name": {"en": "Mine now"}}, token=token)
    assert response.status_code == 403
    assert body_of(response)["code"] == "admin_only"
    assert body_of(api.get("/platform"))["name"] == {"en": "Alphaville"}


def test_a_logo_upload_becomes_the_logo_and_can_be_removed(api):
    # GIVEN an admin who uploaded a logo through a presigned ticket
    token = admin_session(api).access_token
    data = _png()
    ticket = body_of(
        api.post(
            "/uploads",
            {
                "purpose": "platform_logo",
                "filename": "logo.png",
                "content_type": "image/png",
                "size": len(data),
            },
            token=token,
        )
    )
    runtime.client("s3").put_object(
        Bucket=runtime.settings().names.bucket("uploads"),
        Key=ticket["key"],
        Body=data,
        ContentType="image/png",
    )
    # WHEN they set it as the logo THEN the platform shows a link to it
    response = api.patch("/platform", {"branding": {"logo_upload_key": ticket["key"]}}, token=token)
    assert response.status_code == 200, response.body
    assert ticket["key"].split("/")[-1] in body_of(api.get("/platform"))["branding"]["logo_url"]
    # WHEN they remove it THEN there is no logo
    api.patch("/platform", {"branding": {"remove_logo": True}}, token=token)
    assert body_of(api.get("/platform"))["branding"]["logo_url"] is None


def test_an_upload_of_another_purpose_cannot_become_the_logo(api):
    token = admin_session(api).access_token
    ticket = body_of(
        api.post(
            "/uploads",
            {"purpose": "avatar", "filename": "me.png", "content_type": "image/png", "size": 10},
            token=token,
        )
    )
    response = api.patch("/platform", {"branding": {"logo_upload_key": ticket["key"]}}, token=token)
    assert response.status_code == 422
    assert body_of(response)["errors"][0]["code"] == "invalid_upload"


def test_a_host_serves_one_platform_only(api):
    import pytest

    from shared.errors import ConflictError

    with pytest.raises(ConflictError) as raised:
        runtime.platforms().create("gamma", {"en": "Gamma"}, ["alpha.test"])
    assert raised.value.code == "host_taken"
    # AND nothing of the refused platform is left behind
    from shared.tenancy.models import PlatformRecord

    assert PlatformRecord.count("PLATFORM#gamma") == 0


def test_an_admin_sets_where_maps_open_and_can_clear_it(api):
    # GIVEN an admin, and a platform whose maps have no starting view yet
    token = admin_session(api).access_token
    assert body_of(api.get("/platform"))["map_view"] is None
    # WHEN they set the city centre THEN every visitor's maps open there
    view = {"lat": 52.3705, "lng": 9.7332, "zoom": 14}
    assert api.patch("/platform", {"map_view": view}, token=token).status_code == 200
    assert body_of(api.get("/platform"))["map_view"] == view
    # AND a change of something else keeps it, an explicit null clears it
    assert api.patch("/platform", {"name": {"en": "Alphaville"}}, token=token).status_code == 200
    assert body_of(api.get("/platform"))["map_view"] == view
    assert api.patch("/platform", {"map_view": None}, token=token).status_code == 200
    assert body_of(api.get("/platform"))["map_view"] is None


def test_a_map_view_outside_the_globe_is_refused(api):
    token = admin_session(api).access_token
    response = api.patch("/platform", {"map_view": {"lat": 95, "lng": 9, "zoom": 40}}, token=token)
    assert response.status_code == 422
    assert {e["field"] for e in body_of(response)["errors"]} == {"map_view.lat", "map_view.zoom"}
