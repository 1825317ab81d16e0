"""Fixtures for the projects API: fixed test tokens, uploaded files, quick builders.

Until identity's real tokens are used here, a test authenticator maps fixed
tokens to principals (bound to their platform like real tokens) and the
previous authenticator is restored after each test.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from PIL import Image

import shared.projects.models  # noqa: F401 - registers the table before `aws` creates tables
from shared.permissions import Principal, Role, RoleGrant
from shared.tenancy import TenantContext
from tests.conftest import HOST_A, body_of

ADMIN_A = Principal("admin-a", "alpha", frozenset({RoleGrant(Role.ADMIN)}), True)
ADMIN_B = Principal("admin-b", "beta", frozenset({RoleGrant(Role.ADMIN)}), True)
RESIDENT_A = Principal("resident-a", "alpha", frozenset(), True)


class Tokens:
    """Test tokens by name; tests add scoped managers once they know the ids."""

    def __init__(self) -> None:
        self.principals: dict[str, Principal] = {
            "admin-a": ADMIN_A,
            "admin-b": ADMIN_B,
            "resident-a": RESIDENT_A,
        }

    def add(self, token: str, principal: Principal) -> str:
        self.principals[token] = principal
        return token

    def project_manager(self, project_id: str) -> str:
        grant = RoleGrant(Role.PROJECT_MANAGER, frozenset({project_id}))
        return self.add(
            f"pm-{project_id}", Principal(f"pm-{project_id}", "alpha", frozenset({grant}))
        )

    def folder_manager(self, folder_id: str) -> str:
        grant = RoleGrant(Role.FOLDER_MANAGER, frozenset({folder_id}))
        return self.add(
            f"fm-{folder_id}", Principal(f"fm-{folder_id}", "alpha", frozenset({grant}))
        )


@pytest.fixture
def tokens(api: Any) -> Iterator[Tokens]:
    from chalicelib.api import auth

    registry = Tokens()
    previous = auth._current[0]

    def authenticator(tenant: TenantContext, token: str) -> Principal:
        principal = registry.principals.get(token)
        if principal and principal.tenant_id == tenant.tenant_id:
            return principal
        return auth.ANONYMOUS

    auth.register_authenticator(authenticator)
    yield registry
    auth.register_authenticator(previous)


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


def put_upload(
    purpose: str,
    filename: str,
    body: bytes,
    content_type: str,
    tenant: str = "alpha",
    user: str = "admin-a",
) -> str:
    """Put a file where a presigned POST for ``purpose`` would have put it; return its key."""
    from chalicelib import runtime

    key = f"{tenant}/{purpose}/{user}/{uuid.uuid4().hex}/{filename}"
    runtime.client("s3").put_object(
        Bucket=runtime.settings().names.bucket("uploads"),
        Key=key,
        Body=body,
        ContentType=content_type,
    )
    return key


class Admin:
    """Shortcuts for building projects, folders and phases as alpha's admin."""

    def __init__(self, api: Any, token: str = "admin-a", host: str = HOST_A) -> None:
        self.api = api
        self.token = token
        self.host = host

    def call(self, method: str, path: str, body: Any = None, expect: int = 200) -> Any:
        response = self.api.request(method, path, json_body=body, token=self.token, host=self.host)
        assert response.status_code == expect, (response.status_code, body_of(response))
        return body_of(response)

    def project(self, title: str = "Town park", publish: bool = False, **fields: Any) -> Any:
        project = self.call("POST", "/projects", {"title": {"en": title}, **fields}, 201)
        if publish:
            project = self.call("POST", f"/projects/{project['id']}/publish")
        return project

    def folder(self, title: str = "Mobility", publish: bool = False, **fields: Any) -> Any:
        folder = self.call("POST", "/folders", {"title": {"en": title}, **fields}, 201)
        if publish:
            folder = self.call("POST", f"/folders/{folder['id']}/publish")
        return folder

    def phase(self, project_id: str, start: str, end: str | None, expect: int = 201) -> Any:
        body = {
            "title": {"en": f"Phase from {start}"},
            "start_date": start,
            "end_date": end,
            "method": "information",
        }
        return self.call("POST", f"/projects/{project_id}/phases", body, expect)


@pytest.fixture
def admin(api: Any, tokens: Tokens) -> Admin:
    return Admin(api)


@pytest.fixture
def admin_b(api: Any, tokens: Tokens) -> Admin:
    from tests.conftest import HOST_B

    return Admin(api, "admin-b", HOST_B)
