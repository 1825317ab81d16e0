"""Fixtures for the ideation API: a published project with an open ideation phase.

Reuses the projects API's test tokens (``admin-a``, ``resident-a``, scoped
managers) and adds a second resident; ``Ideas`` builds phases, forms and
ideas in one line each.
"""

from __future__ import annotations

from typing import Any

import pytest

from shared.permissions import Principal
from tests.api.projects import conftest as projects_fixtures
from tests.api.projects.conftest import Admin, Tokens, png_bytes, put_upload
from tests.conftest import HOST_A, body_of

# The projects API's fixtures, offered to these tests too.
tokens = projects_fixtures.tokens
admin = projects_fixtures.admin

RESIDENT_2 = Principal("resident-b", "alpha", frozenset(), True)
OPEN_START = "2020-01-01"


class Ideas:
    """Builders for ideation tests on platform A."""

    def __init__(self, api: Any, admin: Admin, tokens: Tokens) -> None:
        self.api = api
        self.admin = admin
        self.tokens = tokens
        tokens.add("resident-b", RESIDENT_2)
        self.project = admin.project("Town park", publish=True)
        self.project_id = self.project["id"]
        self.phase_id = self.phase()["id"]

    def phase(
        self, start: str = OPEN_START, end: str | None = None, **config: Any
    ) -> dict[str, Any]:
        body = {
            "title": {"en": "Ideas for the park"},
            "start_date": start,
            "end_date": end,
            "method": "ideation",
            "method_config": config,
        }
        return dict(self.admin.call("POST", f"/projects/{self.project_id}/phases", body, 201))

    def configure(self, **config: Any) -> None:
        self.admin.call(
            "PATCH",
            f"/projects/{self.project_id}/phases/{self.phase_id}",
            {"method_config": config},
        )

    def form(self, **form: Any) -> dict[str, Any]:
        return dict(self.admin.call("PUT", f"/projects/{self.project_id}/input-form", form))

    def topic(self, title: str) -> str:
        return str(self.admin.call("POST", "/topics", {"title": {"en": title}}, 201)["id"])

    def path(self, phase_id: str | None = None) -> str:
        return f"/projects/{self.project_id}/phases/{phase_id or self.phase_id}/ideas"

    def post(self, token: str = "resident-a", phase_id: str | None = None, **fields: Any) -> Any:
        body = {"title": {"en": "More benches"}, "body": {"en": "<p>Near the pond.</p>"}}
        body.update(fields)
        return self.api.post(self.path(phase_id), body, token=token, host=HOST_A)

    def idea(self, token: str = "resident-a", **fields: Any) -> dict[str, Any]:
        response = self.post(token, **fields)
        assert response.status_code == 201, body_of(response)
        return dict(body_of(response))

    def list(self, token: str | None = None, **query: Any) -> dict[str, Any]:
        params = "&".join(f"{k}={v}" for k, v in query.items())
        response = self.api.get(f"{self.path()}?{params}", token=token, host=HOST_A)
        assert response.status_code == 200, body_of(response)
        return dict(body_of(response))


@pytest.fixture
def ideas(api: Any, admin: Admin, tokens: Tokens) -> Ideas:
    return Ideas(api, admin, tokens)


def image_key(user: str = "resident-a", purpose: str = "idea_image") -> str:
    return put_upload(purpose, "photo.png", png_bytes(), "image/png", user=user)


def problem_fields(response: Any) -> dict[str, str]:
    """``{field: code}`` of a problem+json response's field errors."""
    return {e["field"]: e["code"] for e in body_of(response).get("errors", [])}
