"""Fixtures for the input manager: two published projects with ideation phases and ideas.

Tokens: ``admin-a``; ``pm-<p1>`` manages p1 only; ``mod-p1`` moderates p1;
``resident-a`` posts ideas. ``Manager`` builds ideas and calls the manager's routes.
"""

from __future__ import annotations

from typing import Any

import pytest

from shared.ideation.repository import IdeaRepository
from shared.permissions import Principal, Role, RoleGrant
from shared.tenancy import TenantContext
from tests.api.projects import conftest as projects_fixtures
from tests.api.projects.conftest import Admin, Tokens
from tests.conftest import HOST_A, body_of

tokens = projects_fixtures.tokens
admin = projects_fixtures.admin

OPEN_START = "2020-01-01"


class Manager:
    """Two projects (p1 with phases ``phase`` and ``phase2``, p2 with ``p2_phase``)."""

    def __init__(self, api: Any, admin: Admin, tokens: Tokens) -> None:
        self.api = api
        self.admin = admin
        self.tokens = tokens
        self.p1 = admin.project("Town park", publish=True)["id"]
        self.p2 = admin.project("Harbour", publish=True)["id"]
        self.phase = self.new_phase(self.p1, "2020-01-01", "2020-12-31")
        self.phase2 = self.new_phase(self.p1, "2021-01-01", None)
        self.p2_phase = self.new_phase(self.p2, OPEN_START, None)
        self.pm1 = tokens.project_manager(self.p1)
        grant = RoleGrant(Role.MODERATOR, frozenset({self.p1}))
        self.mod1 = tokens.add("mod-p1", Principal("mod-p1", "alpha", frozenset({grant}), True))

    def new_phase(self, project_id: str, start: str, end: str | None) -> str:
        body = {
            "title": {"en": f"Ideas from {start}"},
            "start_date": start,
            "end_date": end,
            "method": "ideation",
            "method_config": {"max_likes_per_resident": None},
        }
        return str(self.admin.call("POST", f"/projects/{project_id}/phases", body, 201)["id"])

    def idea(
        self, project_id: str | None = None, phase_id: str | None = None, **fields: Any
    ) -> str:
        """Post an idea (in p1's open phase by default) as ``resident-a``; return its id."""
        project_id = project_id or self.p1
        phase_id = phase_id or (self.phase2 if project_id == self.p1 else self.p2_phase)
        body = {"title": {"en": "More benches"}, "body": {"en": "<p>Near the pond.</p>"}}
        body.update(fields)
        path = f"/projects/{project_id}/phases/{phase_id}/ideas"
        response = self.api.post(path, body, token="resident-a", host=HOST_A)
        assert response.status_code == 201, body_of(response)
        return str(body_of(response)["id"])

    def counts(self, idea_id: str, likes: int = 0, dislikes: int = 0, comments: int = 0) -> None:
        repo = IdeaRepository(TenantContext("alpha", HOST_A))
        assert repo.apply_counts(idea_id, likes, dislikes, comments)

    def list(self, token: str = "admin-a", expect: int = 200, **query: Any) -> Any:
        params = "&".join(f"{k}={v}" for k, v in query.items())
        response = self.api.get(f"/manage/inputs?{params}", token=token, host=HOST_A)
        assert response.status_code == expect, body_of(response)
        return body_of(response)

    def ids(self, token: str = "admin-a", **query: Any) -> list[str]:
        return [row["id"] for row in self.list(token, **query)["items"]]

    def every_id(self, token: str = "admin-a", **query: Any) -> tuple[list[str], int]:
        """Follow the cursor to the end; return the ids and the number of pages."""
        ids: list[str] = []
        pages = 0
        cursor: str | None = None
        while True:
            extra = {"cursor": cursor} if cursor else {}
            page = self.list(token, **query, **extra)
            pages += 1
            ids += [row["id"] for row in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                return ids, pages

    def call(self, method: str, path: str, body: Any, token: str = "admin-a") -> Any:
        return self.api.request(method, path, json_body=body, token=token, host=HOST_A)


@pytest.fixture
def manager(api: Any, admin: Admin, tokens: Tokens) -> Manager:
    return Manager(api, admin, tokens)


class Team:
    """Real team members (stored users, so the directory knows their roles), by token."""

    def __init__(self, tokens: Tokens) -> None:
        self.tokens = tokens
        self.ids: dict[str, str] = {}

    def member(self, token: str, *grants: RoleGrant) -> str:
        """Register a user holding ``grants`` and a token acting as them; return the id."""
        from tests.api.identity.helpers import register

        user = register(f"{token}@example.org", grants=frozenset(grants))
        principal = Principal(user.user_id, "alpha", frozenset(grants), True)
        self.tokens.add(token, principal)
        self.ids[token] = user.user_id
        return str(user.user_id)


@pytest.fixture
def team(manager: Manager, tokens: Tokens) -> Team:
    return Team(tokens)


def resident(tokens: Tokens, name: str) -> str:
    return tokens.add(name, Principal(name, "alpha", frozenset(), True))


def react(api: Any, token: str, idea_id: str, kind: str = "like") -> None:
    response = api.put(f"/ideas/{idea_id}/reaction", {"kind": kind}, token=token, host=HOST_A)
    assert response.status_code == 200, body_of(response)


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch, manager: Manager) -> Any:
    """Every event the input manager's services publish, kept in memory."""
    from chalicelib.inputs import wiring
    from shared.events import RecordingPublisher

    recording = RecordingPublisher()
    for service in (wiring.assignments(), wiring.notes(), wiring.moves()):
        monkeypatch.setattr(service, "_publisher", recording)
    return recording
