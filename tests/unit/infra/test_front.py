"""The front server: one origin dispatching to the API, the SPA and moto's S3."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import boto3
import pytest
import requests
from botocore.config import Config

from infra.local import front
from infra.local.reply import Reply
from infra.local.static_site import StaticSite
from infra.local.storage_proxy import StorageProxy

BUCKET = "uploads"


class RecordingApi:
    """Answers every API call with what it received."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, dict[str, str], bytes]] = []

    def handle(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Reply:
        self.calls.append((method, path, headers, body))
        cookies = [("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")]
        return Reply(201, [("Content-Type", "application/json"), *cookies], b'{"ok":true}')


class FailingApi:
    def handle(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Reply:
        raise RuntimeError("boom")


@pytest.fixture
def moto_server() -> Iterator[tuple[str, int]]:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    s3 = boto3.client("s3", region_name="eu-west-1", endpoint_url=f"http://{host}:{port}")
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    yield host, port
    requests.post(f"http://{host}:{port}/moto-api/reset")  # its backends are process-wide
    server.stop()


@pytest.fixture
def running(tmp_path, moto_server) -> Iterator[tuple[str, RecordingApi]]:
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("<!doctype html><title>T</title>")
    api = RecordingApi()
    handler = front.make_handler()
    servers = front.bind(0, handler)
    port = servers[0].server_address[1]
    origin = f"http://127.0.0.1:{port}"
    handler.routes = front.Routes(
        api=api,
        site=StaticSite(dist),
        storage=StorageProxy(*moto_server),
        storage_origins=[f"http://localhost:{port}", origin],
    )
    threads = front.serve(servers)
    yield origin, api
    front.shutdown(servers, threads)


def test_api_requests_reach_the_app_with_host_and_body(running):
    # GIVEN the front server WHEN the API is called THEN the app sees method, path, Host and body
    origin, api = running
    response = requests.post(
        f"{origin}/api/v1/things?x=1", json={"a": 1}, headers={"Host": "localhost:9"}
    )
    assert response.status_code == 201 and response.json() == {"ok": True}
    method, path, headers, body = api.calls[0]
    assert (method, path, body) == ("POST", "/api/v1/things?x=1", b'{"a": 1}')
    assert headers["Host"] == "localhost:9"
    assert response.raw.headers.getlist("Set-Cookie") == ["a=1", "b=2"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" not in response.headers


def test_html_gets_the_security_headers(running):
    origin, _ = running
    response = requests.get(f"{origin}/projects/some-project")
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert "https://*.tile.openstreetmap.org" in csp
    assert f"{origin}/_storage/" in csp
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_localhost_reaches_the_same_server(running):
    origin, _ = running
    port = origin.rsplit(":", 1)[1]
    assert requests.get(f"http://localhost:{port}/").status_code == 200


def test_a_browser_like_upload_and_download_go_through_storage(running):
    # GIVEN a presigned POST for the public storage endpoint, as the API issues them
    origin, _ = running
    presign = boto3.client(
        "s3",
        region_name="eu-west-1",
        endpoint_url=f"{origin}/_storage",
        config=Config(signature_version="s3v4"),
    )
    key = "demo/project_header/u1/abc/photo.png"
    post = presign.generate_presigned_post(
        Bucket=BUCKET,
        Key=key,
        Fields={"Content-Type": "image/png"},
        Conditions=[{"Content-Type": "image/png"}],
    )
    assert post["url"] == f"{origin}/_storage/{BUCKET}"
    # WHEN a browser posts the multipart form, then follows a presigned download link
    uploaded = requests.post(
        post["url"],
        data=post["fields"],
        files={"file": ("photo.png", b"\x89PNG fake", "image/png")},
        headers={"Origin": origin},
    )
    link = presign.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key})
    downloaded = requests.get(link)
    # THEN both succeed on the platform's own origin
    assert uploaded.status_code in (200, 201, 204)
    assert downloaded.status_code == 200 and downloaded.content == b"\x89PNG fake"
    assert downloaded.headers["Content-Type"] == "image/png"


def test_unreachable_storage_is_a_502(running):
    proxy = StorageProxy("127.0.0.1", _closed_port())
    reply = proxy.handle("GET", "/_storage/uploads/x", {}, b"", "http://localhost:1")
    assert reply.status == 502


def test_storage_redirects_point_at_the_public_path():
    proxy = StorageProxy("127.0.0.1", 5000)
    assert (
        proxy._public("http://127.0.0.1:5000/uploads/k", "http://localhost:8000")
        == "http://localhost:8000/_storage/uploads/k"
    )
    assert proxy._public("https://example.org/x", "http://localhost:8000") == (
        "https://example.org/x"
    )


def test_a_failing_handler_is_a_500_and_the_server_lives_on(tmp_path):
    handler = front.make_handler()
    servers = front.bind(0, handler)
    port = servers[0].server_address[1]
    handler.routes = front.Routes(
        FailingApi(), StaticSite(tmp_path), StorageProxy("127.0.0.1", 1), []
    )
    threads = front.serve(servers)
    try:
        assert requests.get(f"http://127.0.0.1:{port}/api/v1/x").status_code == 500
        assert requests.get(f"http://127.0.0.1:{port}/").status_code == 503
    finally:
        front.shutdown(servers, threads)


def test_oversized_and_chunked_bodies_are_refused(running):
    origin, _ = running
    chunked = requests.post(f"{origin}/api/v1/x", data=iter([b"a", b"b"]))
    assert chunked.status_code == 411
    host, port = origin.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as connection:
        connection.sendall(
            b"POST /api/v1/x HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n"
        )
        assert connection.recv(100).startswith(b"HTTP/1.1 413")


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
