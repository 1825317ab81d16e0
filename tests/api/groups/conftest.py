"""Fixtures for the groups API: real accounts on platform A and their signed-in tokens.

Group membership is checked against the user's stored data, so these tests
use identity's real tokens (the principal then carries the real facts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from shared.identity.users import UserRepository
from shared.permissions import Role, RoleGrant
from shared.tenancy import TenantContext
from tests.conftest import HOST_A, body_of

PASSWORD = "correct horse battery staple"
TENANT = TenantContext("alpha", HOST_A)


@dataclass
class People:
    """Accounts by name: ``ids`` and signed-in ``tokens``."""

    api: Any
    ids: dict[str, str] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, email: str | None = None, admin: bool = False) -> str:
        from chalicelib.identity import wiring

        grants = frozenset({RoleGrant(Role.ADMIN)}) if admin else frozenset()
        user = wiring.accounts().register_user(
            TENANT,
            email or f"{name}@alpha.example",
            PASSWORD,
            name.title(),
            "Tester",
            "en",
            confirmed=True,
            grants=grants,
        )
        self.ids[name] = user.user_id
        response = self.api.post(
            "/auth/sign-in", {"email": user.email, "password": PASSWORD}, host=HOST_A
        )
        assert response.status_code == 200, response.body
        self.tokens[name] = body_of(response)["access_token"]
        return str(user.user_id)

    def call(self, name: str, method: str, path: str, body: Any = None, expect: int = 200) -> Any:
        response = self.api.request(method, path, json_body=body, token=self.tokens[name])
        assert response.status_code == expect, (response.status_code, body_of(response))
        return body_of(response)

    def verify(self, name: str) -> None:
        """Mark the user verified in storage (as a verification method would)."""
        UserRepository(TENANT).set_verified(self.ids[name], "test", datetime.now(UTC))

    def answer(self, name: str, **answers: Any) -> None:
        UserRepository(TENANT).update_profile(
            self.ids[name], {"profile": answers}, datetime.now(UTC)
        )


@pytest.fixture
def people(api: Any) -> People:
    crowd = People(api)
    crowd.add("admin", admin=True)
    crowd.add("ada")
    crowd.add("bob", email="bob@lindenfeld.example")
    return crowd
