"""Upload tickets: a presigned POST bounded in size and type, refused early when the
file is too large or of a type its purpose does not take."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from shared.uploads.policies import MB
from tests.api.projects.conftest import Tokens
from tests.conftest import HOST_A, body_of


def _ticket(api: Any, token: str | None = "resident-a", **fields: Any) -> Any:
    request = {
        "purpose": "idea_image",
        "filename": "bench.png",
        "content_type": "image/png",
        "size": 2048,
    }
    request.update(fields)
    return api.post("/uploads", request, token=token, host=HOST_A)


def _issues(response: Any) -> dict[str, str]:
    return {e["field"]: e["code"] for e in body_of(response).get("errors", [])}


def test_a_ticket_bounds_the_post_to_the_purposes_size_and_type(api: Any, tokens: Tokens) -> None:
    # WHEN a resident asks to upload an image for an idea
    response = _ticket(api)
    # THEN the ticket names a key of theirs and S3's POST policy enforces size and type
    assert response.status_code == 201, body_of(response)
    ticket = body_of(response)
    assert ticket["key"].startswith("alpha/idea_image/resident-a/")
    assert ticket["key"].endswith("/bench.png")
    assert ticket["max_bytes"] == 10 * MB
    policy = json.loads(base64.b64decode(ticket["fields"]["policy"]))
    assert ["content-length-range", 1, 10 * MB] in policy["conditions"]
    assert {"Content-Type": "image/png"} in policy["conditions"]


def test_a_file_of_exactly_the_limit_is_accepted(api: Any, tokens: Tokens) -> None:
    assert _ticket(api, size=10 * MB).status_code == 201


@pytest.mark.parametrize(
    ("purpose", "limit"),
    [("idea_image", 10 * MB), ("idea_attachment", 25 * MB), ("avatar", 5 * MB)],
)
def test_an_oversized_file_is_refused_before_any_upload(
    api: Any, tokens: Tokens, purpose: str, limit: int
) -> None:
    response = _ticket(api, purpose=purpose, size=limit + 1)
    assert response.status_code == 422
    assert _issues(response) == {"size": "file_too_large"}
    assert f"{limit // MB} MB" in body_of(response)["errors"][0]["message"]


@pytest.mark.parametrize(
    ("purpose", "content_type", "filename"),
    [
        ("idea_image", "image/gif", "dance.gif"),
        ("idea_image", "application/pdf", "plan.pdf"),
        ("idea_attachment", "application/x-msdownload", "setup.exe"),
        ("idea_attachment", "text/html", "page.html"),
    ],
)
def test_a_type_the_purpose_does_not_take_is_refused(
    api: Any, tokens: Tokens, purpose: str, content_type: str, filename: str
) -> None:
    response = _ticket(api, purpose=purpose, content_type=content_type, filename=filename)
    assert response.status_code == 422
    assert _issues(response) == {"content_type": "unsupported_file_type"}
    assert "image/png" in body_of(response)["errors"][0]["message"]  # lists what is allowed


def test_an_empty_file_and_an_unknown_purpose_are_refused(api: Any, tokens: Tokens) -> None:
    assert _issues(_ticket(api, size=0)) == {"size": "greater_than"}
    assert "purpose" in _issues(_ticket(api, purpose="anything"))


def test_only_signed_in_people_get_tickets(api: Any, tokens: Tokens) -> None:
    response = _ticket(api, token=None)
    assert response.status_code == 401
