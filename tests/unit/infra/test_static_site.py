"""The built frontend: content types, cache headers, SPA fallback, no escapes."""

from __future__ import annotations

import pytest

from infra.local.static_site import IMMUTABLE, REVALIDATE, StaticSite


@pytest.fixture
def site(tmp_path):
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>Townhall</title>")
    (dist / "assets" / "index-BcD3fG7h.js").write_text("console.log(1)")
    (dist / "assets" / "index-BcD3fG7h.css").write_text("body{}")
    (dist / "favicon.svg").write_text("<svg/>")
    (tmp_path / "secret.txt").write_text("outside")
    return StaticSite(dist)


def test_hashed_assets_are_cached_for_a_year_with_their_type(site):
    reply = site.handle("GET", "/assets/index-BcD3fG7h.js")
    assert reply.status == 200 and reply.body == b"console.log(1)"
    assert reply.header("Content-Type") == "text/javascript; charset=utf-8"
    assert reply.header("Cache-Control") == IMMUTABLE
    assert (
        site.handle("GET", "/assets/index-BcD3fG7h.css")
        .header("Content-Type")
        .startswith("text/css")
    )


def test_other_files_are_revalidated(site):
    reply = site.handle("GET", "/favicon.svg")
    assert reply.header("Content-Type") == "image/svg+xml; charset=utf-8"
    assert reply.header("Cache-Control") == REVALIDATE


def test_client_routes_fall_back_to_the_app_shell(site):
    # GIVEN a deep link into the SPA WHEN requested THEN index.html answers with 200
    for path in ("/", "/projects/new-park", "/admin/dev/mails"):
        reply = site.handle("GET", path)
        assert reply.status == 200, path
        assert reply.body.startswith(b"<!doctype html>")
        assert reply.header("Content-Type") == "text/html; charset=utf-8"
        assert reply.header("Cache-Control") == REVALIDATE


def test_missing_files_are_404_not_the_app(site):
    assert site.handle("GET", "/assets/gone-12345678.js").status == 404


def test_paths_cannot_escape_the_build(site):
    assert site.handle("GET", "/../secret.txt").status == 404
    assert site.handle("GET", "/%2e%2e/secret.txt").status == 404


def test_head_has_no_body_but_the_length(site):
    reply = site.handle("HEAD", "/favicon.svg")
    assert reply.body == b"" and reply.header("Content-Length") == "6"


def test_only_reads_are_served(site):
    reply = site.handle("POST", "/")
    assert reply.status == 405 and reply.header("Allow") == "GET, HEAD"


def test_a_missing_build_explains_what_to_do(tmp_path):
    reply = StaticSite(tmp_path / "nothing").handle("GET", "/")
    assert reply.status == 503
    assert b"make frontend" in reply.body
