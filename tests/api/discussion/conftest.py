"""Fixtures for the discussion API: targets from a test resolver, real accounts, events.

Discussion resolves targets only through the target registry. Here the
registry the discussion services use holds kind ``idea`` served by
:class:`FakeIdeas`: real :class:`TargetInfo` objects whose phase facts a
test sets, so every policy rule can be reached without the ideas domain.
Published events are recorded and forwarded to the real bus, so the event
pump still feeds the discussion worker.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from shared.events import DomainEvent
from shared.participation.actions import ParticipationAction
from shared.participation.targets import TargetInfo, Targets
from shared.permissions import PhaseFacts, Resource, Role, RoleGrant
from shared.tenancy import TenantContext
from tests.api.identity.helpers import PASSWORD, sign_in
from tests.conftest import HOST_A, body_of

TENANT = TenantContext("alpha", HOST_A)
PROJECT = "p-town-park"
COMMENTING = frozenset({ParticipationAction.COMMENT.value, ParticipationAction.REACT.value})


class FakeIdeas:
    """Ideas as the target registry would describe them, set up per test."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], TargetInfo] = {}

    def add(
        self,
        idea_id: str,
        owner_id: str | None = None,
        *,
        tenant: str = "alpha",
        open_: bool = True,
        enabled: frozenset[str] = COMMENTING,
        published: bool = True,
        project_id: str = PROJECT,
    ) -> TargetInfo:
        resource = Resource(
            tenant_id=tenant,
            id=idea_id,
            owner_id=owner_id,
            project_id=project_id,
            published=published,
            phase=PhaseFacts(open=open_, enabled=enabled),
        )
        info = TargetInfo("idea", idea_id, resource, {"en": f"Idea {idea_id}"}, f"/ideas/{idea_id}")
        self.items[(tenant, idea_id)] = info
        return info

    def change(self, idea_id: str, **phase: Any) -> None:
        """Change the phase facts of an idea (e.g. close its phase)."""
        info = self.items[("alpha", idea_id)]
        facts = dataclasses.replace(info.resource.phase or PhaseFacts(open=True), **phase)
        self.items[("alpha", idea_id)] = dataclasses.replace(
            info, resource=dataclasses.replace(info.resource, phase=facts)
        )

    def __call__(self, tenant: TenantContext, idea_id: str) -> TargetInfo | None:
        return self.items.get((tenant.tenant_id, idea_id))


class TeePublisher:
    """Records every event and forwards it to the real publisher."""

    def __init__(self, forward: Any) -> None:
        self.events: list[DomainEvent] = []
        self._forward = forward

    def publish(self, *events: DomainEvent) -> None:
        self.events.extend(events)
        self._forward().publish(*events)

    def of(self, type_: str) -> list[DomainEvent]:
        return [e for e in self.events if e.type == type_]


@dataclass
class Person:
    user_id: str
    token: str
    email: str


@dataclass
class People:
    api: Any
    made: dict[str, Person] = field(default_factory=dict)

    def add(
        self,
        name: str,
        first: str | None = None,
        last: str = "Tester",
        grants: frozenset[RoleGrant] = frozenset(),
        host: str = HOST_A,
        tenant_id: str = "alpha",
    ) -> Person:
        from chalicelib.identity import wiring

        email = f"{name}@{tenant_id}.example"
        user = wiring.accounts().register_user(
            TenantContext(tenant_id, host),
            email,
            PASSWORD,
            first or name.capitalize(),
            last,
            "en",
            confirmed=True,
            grants=grants,
        )
        response = sign_in(self.api, email, host=host)
        assert response.status_code == 200, response.body
        person = Person(str(user.user_id), body_of(response)["access_token"], email)
        self.made[name] = person
        return person


@dataclass
class World:
    api: Any
    ideas: FakeIdeas
    events: TeePublisher
    people: People
    ada: Person
    bob: Person
    mod: Person

    def call(self, method: str, path: str, who: Person | None, body: Any = None) -> Any:
        token = who.token if who else None
        return self.api.request(method, path, json_body=body, token=token)

    def ok(self, method: str, path: str, who: Person | None, body: Any = None, expect=200) -> Any:
        response = self.call(method, path, who, body)
        assert response.status_code == expect, (response.status_code, body_of(response))
        return body_of(response)

    def comment(self, idea: str, who: Person, text: str, parent: str | None = None) -> Any:
        payload: dict[str, Any] = {"body": text}
        if parent:
            payload["parent_id"] = parent
        return self.ok("POST", f"/ideas/{idea}/comments", who, payload, 201)

    def threads(self, idea: str, who: Person | None = None, query: str = "") -> Any:
        return self.ok("GET", f"/ideas/{idea}/comments{query}", who)


@pytest.fixture
def world(api: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    """An idea ``i1`` owned by Ada in an open phase; Ada, Bob and a moderator of its project."""
    from chalicelib import runtime
    from chalicelib.discussion import wiring

    ideas = FakeIdeas()
    registry = Targets()
    registry.register("idea", ideas)
    events = TeePublisher(runtime.publisher)
    monkeypatch.setattr(wiring, "targets", lambda: registry)
    monkeypatch.setattr(wiring, "publisher", lambda: events)
    people = People(api)
    ada = people.add("ada", last="Lovelace")
    bob = people.add("bob", last="Builder")
    moderator = frozenset({RoleGrant(Role.MODERATOR, frozenset({PROJECT}))})
    mod = people.add("mod", first="Morgan", last="Moderator", grants=moderator)
    ideas.add("i1", ada.user_id)
    yield World(api, ideas, events, people, ada, bob, mod)
