"""Fixtures for the moderation API: two projects with open ideation phases, real ideas.

Principals come from fixed test tokens (the projects API's authenticator):
``admin-a``, residents ``resident-a`` (author) and ``resident-b`` (reporter),
``mod-p1`` moderating project 1 only and ``mod-p2`` project 2 only. Events
travel the real bus; ``world.pump()`` delivers them to the workers, and the
moderation services' events are also recorded (``world.events``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from shared.events import DomainEvent
from shared.permissions import Principal, Role, RoleGrant
from tests.api.ideation.conftest import RESIDENT_2, Ideas
from tests.api.projects import conftest as projects_fixtures
from tests.api.projects.conftest import Admin, Tokens
from tests.conftest import HOST_A, body_of

tokens = projects_fixtures.tokens
admin = projects_fixtures.admin


def moderator(name: str, project_id: str) -> Principal:
    grant = RoleGrant(Role.MODERATOR, frozenset({project_id}))
    return Principal(name, "alpha", frozenset({grant}), True)


class Recorder:
    """Records every published event and forwards it to the real bus."""

    def __init__(self, forward: Any) -> None:
        self.events: list[DomainEvent] = []
        self._forward = forward

    def publish(self, *events: DomainEvent) -> None:
        self.events.extend(events)
        self._forward.publish(*events)


@dataclass
class World:
    api: Any
    p1: Ideas
    p2: Ideas
    event_pump: Any
    recorder: Recorder

    @property
    def events(self) -> list[DomainEvent]:
        return self.recorder.events

    def call(self, method: str, path: str, token: str | None, body: Any = None) -> Any:
        return self.api.request(method, path, json_body=body, token=token, host=HOST_A)

    def ok(self, method: str, path: str, token: str | None, body: Any = None, expect=200) -> Any:
        response = self.call(method, path, token, body)
        assert response.status_code == expect, (response.status_code, body_of(response))
        return body_of(response)

    def pump(self) -> None:
        self.event_pump.drain()

    def idea(self, where: Ideas | None = None, **fields: Any) -> str:
        return str((where or self.p1).idea("resident-a", **fields)["id"])

    def comment(self, idea_id: str, text: str = "Nice idea", token: str = "resident-a") -> str:
        body = self.ok("POST", f"/ideas/{idea_id}/comments", token, {"body": text}, 201)
        return str(body["id"])

    def report(self, kind: str, target_id: str, token: str = "resident-b", **extra: Any) -> Any:
        body = {"target_kind": kind, "target_id": target_id, "reason": "spam", **extra}
        return self.call("POST", "/reports", token, body)

    def act(self, action: str, targets: list[tuple[str, str]], token: str, **extra: Any) -> Any:
        body = {
            "action": action,
            "targets": [{"target_kind": k, "target_id": i} for k, i in targets],
            **extra,
        }
        return self.ok("POST", "/moderation/actions", token, body)["results"]

    def queue(self, token: str = "admin-a", query: str = "") -> list[dict[str, Any]]:
        return list(self.ok("GET", f"/moderation/activity{query}", token)["items"])


@pytest.fixture
def world(
    api: Any, admin: Admin, tokens: Tokens, pump: Any, monkeypatch: pytest.MonkeyPatch
) -> World:
    """Projects 1 and 2 with open ideation phases, their moderators and two residents."""
    from chalicelib import runtime
    from chalicelib.moderation import wiring

    recorder = Recorder(runtime.publisher())
    monkeypatch.setattr(wiring, "publisher", lambda: recorder)
    tokens.add("resident-b", RESIDENT_2)
    p1 = Ideas(api, admin, tokens)
    p2 = Ideas.__new__(Ideas)
    p2.api, p2.admin, p2.tokens = api, admin, tokens
    p2.project = admin.project("Harbour", publish=True)
    p2.project_id = p2.project["id"]
    p2.phase_id = p2.phase()["id"]
    tokens.add("mod-p1", moderator("mod-p1", p1.project_id))
    tokens.add("mod-p2", moderator("mod-p2", p2.project_id))
    return World(api, p1, p2, pump, recorder)
