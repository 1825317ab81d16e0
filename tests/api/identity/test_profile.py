"""The signed-in user's profile: names, language and avatar."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.api.identity.helpers import register, session_of, sign_in
from tests.conftest import body_of


@pytest.fixture
def session(api):
    register("ada@example.org")
    return session_of(sign_in(api, "ada@example.org"))


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "#1b4f8a").save(buffer, format="PNG")
    return buffer.getvalue()


def _upload_avatar(api, token: str, content: bytes | None = None) -> str:
    """Ask for a ticket, then put the file where the presigned POST would."""
    from chalicelib import runtime

    data = content if content is not None else _png()
    request = {"purpose": "avatar", "filename": "me.png", "content_type": "image/png"}
    ticket = body_of(api.post("/uploads", {**request, "size": len(data)}, token=token))
    runtime.client("s3").put_object(
        Bucket=runtime.settings().names.bucket("uploads"),
        Key=ticket["key"],
        Body=data,
        ContentType="image/png",
    )
    return str(ticket["key"])


def _exists(key: str) -> bool:
    from chalicelib import runtime

    s3 = runtime.client("s3")
    listed = s3.list_objects_v2(Bucket=runtime.settings().names.bucket("uploads"), Prefix=key)
    return listed.get("KeyCount", 0) == 1


def test_me_shows_the_account(api, session):
    me = body_of(api.get("/me", token=session.access_token))
    assert me["email"] == "ada@example.org"
    assert me["first_name"] == "Grace"


def test_names_and_language_can_be_changed(api, session):
    response = api.patch(
        "/me",
        {"first_name": " Ada ", "last_name": "Byron", "locale": "fr"},
        token=session.access_token,
    )
    assert response.status_code == 200
    me = body_of(response)
    assert (me["first_name"], me["last_name"], me["locale"]) == ("Ada", "Byron", "fr")
    assert body_of(api.get("/me", token=session.access_token))["locale"] == "fr"


def test_invalid_changes_are_422(api, session):
    for change in ({"locale": "xx"}, {"first_name": ""}, {"email": "x@example.org"}):
        response = api.patch("/me", change, token=session.access_token)
        assert response.status_code == 422, change
    both = api.patch(
        "/me", {"avatar_upload_key": "k", "remove_avatar": True}, token=session.access_token
    )
    assert both.status_code == 422


def test_profile_changes_need_a_session(api, session):
    assert api.patch("/me", {"first_name": "Eve"}).status_code == 401


def test_an_avatar_is_set_replaced_and_removed(api, session):
    # GIVEN an uploaded avatar, WHEN it is set THEN the profile shows a link to it
    first = _upload_avatar(api, session.access_token)
    me = body_of(api.patch("/me", {"avatar_upload_key": first}, token=session.access_token))
    assert me["avatar_url"] and first.split("/")[-2] in me["avatar_url"]
    # WHEN another avatar replaces it THEN the first file is deleted
    second = _upload_avatar(api, session.access_token)
    api.patch("/me", {"avatar_upload_key": second}, token=session.access_token)
    assert not _exists(first) and _exists(second)
    # WHEN the avatar is removed THEN the profile has none and the file is gone
    me = body_of(api.patch("/me", {"remove_avatar": True}, token=session.access_token))
    assert me["avatar_url"] is None
    assert not _exists(second)


def test_an_avatar_must_be_an_image(api, session):
    key = _upload_avatar(api, session.access_token, b"not an image at all")
    response = api.patch("/me", {"avatar_upload_key": key}, token=session.access_token)
    assert response.status_code == 422
    assert body_of(response)["errors"][0]["code"] == "not_an_image"


def test_someone_elses_upload_cannot_become_my_avatar(api, session):
    register("eve@example.org")
    eve = session_of(sign_in(api, "eve@example.org"))
    key = _upload_avatar(api, eve.access_token)
    response = api.patch("/me", {"avatar_upload_key": key}, token=session.access_token)
    assert response.status_code == 422
    assert body_of(response)["errors"][0]["code"] == "invalid_upload"
