"""Fixtures for notification tests: a target registry of ideas, residents and event helpers.

The notifier resolves targets only through the target registry; these tests
give it a registry whose ``idea`` resolver answers from a small in-memory
board (the real ideas resolver is tested by the ideas team), so every
notification rule is tested on its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

import app  # noqa: F401 - registers every table model before ``aws`` creates the tables
from tests.api.identity.helpers import PASSWORD, session_of, sign_in
from tests.conftest import HOST_A


@dataclass
class Board:
    """Ideas the fake resolver knows, by tenant and id."""

    ideas: dict[tuple[str, str], Any] = field(default_factory=dict)

    def add(
        self,
        idea_id: str,
        owner_id: str,
        title: dict[str, str] | None = None,
        tenant_id: str = "alpha",
        published: bool = True,
    ) -> Any:
        from shared.participation.targets import TargetInfo
        from shared.permissions import Resource

        resource = Resource(
            tenant_id, id=idea_id, owner_id=owner_id, project_id="p1", published=published
        )
        info = TargetInfo(
            "idea", idea_id, resource, title or {"en": "More benches"}, f"/ideas/{idea_id}"
        )
        self.ideas[(tenant_id, idea_id)] = info
        return info

    def resolve(self, tenant: Any, idea_id: str) -> Any:
        return self.ideas.get((tenant.tenant_id, idea_id))


@pytest.fixture
def board(aws: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Iterator[Board]:
    from chalicelib import runtime
    from chalicelib.notifications import wiring
    from shared.participation.targets import Targets

    board = Board()
    registry = Targets()
    registry.register("idea", board.resolve)
    monkeypatch.setattr(wiring, "targets", lambda: registry)
    runtime.reset()
    yield board
    runtime.reset()


@dataclass
class Person:
    user_id: str
    email: str
    token: str


def person(
    api: Any,
    name: str,
    locale: str = "en",
    *,
    host: str = HOST_A,
    tenant_id: str = "alpha",
    confirmed: bool = True,
) -> Person:
    """A resident with an account and a signed-in session."""
    from chalicelib.identity import wiring
    from shared.tenancy import TenantContext

    email = f"{name.lower()}@example.org"
    user = wiring.accounts().register_user(
        TenantContext(tenant_id, host),
        email,
        PASSWORD,
        name,
        "Example",
        locale,
        confirmed=confirmed,
    )
    token = session_of(sign_in(api, email, host=host)).access_token
    return Person(str(user.user_id), email, token)


def event(type_: str, actor: str | None, tenant_id: str = "alpha", **data: Any) -> Any:
    from shared.events import DomainEvent

    return DomainEvent(type=type_, tenant_id=tenant_id, actor_id=actor, data=data)


def comment_posted(idea: Any, author: str, **extra: Any) -> Any:
    data = {
        "comment_id": "c1",
        "target_kind": "idea",
        "target_id": idea.id,
        "project_id": idea.project_id,
        "author_id": author,
        "parent_id": None,
        "parent_author_id": None,
        "target_owner_id": idea.owner_id,
        "mentioned_ids": [],
        **extra,
    }
    return event("discussion.comment.posted", author, **data)


def publish(pump: Any, *events: Any) -> None:
    """Put events on the bus and let every consumer (notifier, then mailer) run."""
    from chalicelib import runtime

    runtime.publisher().publish(*events)
    pump.drain()
