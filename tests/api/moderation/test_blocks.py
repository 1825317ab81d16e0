"""Blocking over the API: real sessions, so the block reaches the principal at sign-in's token.

The residents and team members here are real accounts with real access
tokens (the authenticator reads the user record on every request); the
project builders keep their fixed test tokens (``admin-a``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from shared.identity.users import UserRepository
from shared.moderation.audit import AuditTrail
from shared.moderation.blocks import BlockRepository
from shared.permissions import Principal, Role, RoleGrant
from shared.tenancy import TenantContext
from tests.api.ideation.conftest import Ideas
from tests.api.identity.helpers import register, session_of, sign_in
from tests.api.projects.conftest import Admin, Tokens
from tests.conftest import HOST_A, HOST_B, body_of

TENANT = TenantContext("alpha", HOST_A)


@pytest.fixture
def tokens(api: Any) -> Iterator[Tokens]:
    """Fixed test tokens first, real access tokens for everything else."""
    from chalicelib.api import auth

    registry = Tokens()
    real = auth._current[0]

    def authenticator(tenant: TenantContext, token: str) -> Principal:
        principal = registry.principals.get(token)
        if principal is not None:
            return principal if principal.tenant_id == tenant.tenant_id else auth.ANONYMOUS
        return real(tenant, token)

    auth.register_authenticator(authenticator)
    yield registry
    auth.register_authenticator(real)


@dataclass
class Person:
    id: str
    token: str


def person(api: Any, email: str, *grants: RoleGrant, host: str = HOST_A) -> Person:
    tenant_id = "alpha" if host == HOST_A else "beta"
    user = register(email, tenant_id, host, grants=frozenset(grants))
    return Person(user.user_id, session_of(sign_in(api, email, host=host)).access_token)


@dataclass
class Scene:
    api: Any
    ideas: Ideas
    ada: Person  # the resident who gets blocked
    mod: Person  # moderator of the project

    def call(self, method: str, path: str, who: Person | str | None, body: Any = None) -> Any:
        token = who.token if isinstance(who, Person) else who
        return self.api.request(method, path, json_body=body, token=token, host=HOST_A)

    def block(self, who: Person, user_id: str, days: float = 7, reason: str = "Insults") -> Any:
        until = (datetime.now(UTC) + timedelta(days=days)).isoformat()
        body = {"user_id": user_id, "until": until, "reason": reason}
        return self.call("POST", "/moderation/blocks", who, body)

    def post_idea(self, who: Person) -> Any:
        return self.call(
            "POST",
            self.ideas.path(),
            who,
            {"title": {"en": "A bench"}, "body": {"en": "<p>Here</p>"}},
        )


@pytest.fixture
def scene(api: Any, tokens: Tokens) -> Scene:
    ideas = Ideas(api, Admin(api), tokens)
    grant = RoleGrant(Role.MODERATOR, frozenset({ideas.project_id}))
    return Scene(api, ideas, person(api, "ada@example.org"), person(api, "mod@example.org", grant))


def _problem(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, (response.status_code, body_of(response))
    body = dict(body_of(response))
    assert body["code"] == code, body
    return body


def test_a_blocked_resident_is_told_why_and_until_when_everywhere_she_would_take_part(
    scene: Scene,
) -> None:
    # GIVEN Ada's idea and a comment on it, written before any block
    idea = body_of(scene.post_idea(scene.ada))
    comment = body_of(
        scene.call("POST", f"/ideas/{idea['id']}/comments", scene.ada, {"body": "First!"})
    )
    # WHEN the project's moderator blocks her for a week
    blocked = scene.block(scene.mod, scene.ada.id)
    assert blocked.status_code == 201, body_of(blocked)
    block = body_of(blocked)
    assert block["user"]["id"] == scene.ada.id and block["blocked_by"]["id"] == scene.mod.id
    assert block["reason"] == "Insults"
    # THEN every way of taking part answers 403 "blocked" with until and reason
    attempts = [
        scene.post_idea(scene.ada),
        scene.call("POST", f"/ideas/{idea['id']}/comments", scene.ada, {"body": "Again"}),
        scene.call("PUT", f"/ideas/{idea['id']}/reaction", scene.ada, {"kind": "like"}),
        scene.call("PATCH", f"/ideas/{idea['id']}", scene.ada, {"title": {"en": "Edited"}}),
        scene.call("PATCH", f"/comments/{comment['id']}", scene.ada, {"body": "Edited"}),
    ]
    for response in attempts:
        problem = _problem(response, 403, "blocked")
        assert problem["block_reason"] == "Insults"
        assert datetime.fromisoformat(problem["blocked_until"]) == datetime.fromisoformat(
            block["until"]
        )
    # AND her profile says so, the team's list shows her, the audit trail has the entry
    me = body_of(scene.call("GET", "/me", scene.ada))
    assert me["blocked"]["reason"] == "Insults"
    listed = body_of(scene.call("GET", "/moderation/blocks", scene.mod))["items"]
    assert [b["user"]["id"] for b in listed] == [scene.ada.id]
    [entry], _ = AuditTrail(TENANT).page(actor_id=scene.mod.id)
    assert (entry.action, entry.subject_user_id, entry.reason) == ("block", scene.ada.id, "Insults")
    # AND other residents still take part
    other = person(scene.api, "bob@example.org")
    assert scene.post_idea(other).status_code == 201


def test_unblocking_lets_her_take_part_again_at_once(scene: Scene) -> None:
    assert scene.block(scene.mod, scene.ada.id).status_code == 201
    _problem(scene.post_idea(scene.ada), 403, "blocked")
    # WHEN the moderator lifts the block
    response = scene.call("DELETE", f"/moderation/blocks/{scene.ada.id}", scene.mod)
    assert response.status_code == 204, body_of(response)
    # THEN her very next request may post, her profile and the list are clear
    assert scene.post_idea(scene.ada).status_code == 201
    assert body_of(scene.call("GET", "/me", scene.ada))["blocked"] is None
    assert body_of(scene.call("GET", "/moderation/blocks", scene.mod))["items"] == []
    actions = [e.action for e in AuditTrail(TENANT).page(actor_id=scene.mod.id)[0]]
    assert sorted(actions) == ["block", "unblock"]
    # AND admins read both in the audit trail, naming who was blocked and by whom
    trail = body_of(scene.call("GET", f"/moderation/audit?actor={scene.mod.id}", "admin-a"))
    assert sorted(e["action"] for e in trail["items"]) == ["block", "unblock"]
    assert {e["subject_user_id"] for e in trail["items"]} == {scene.ada.id}
    assert {e["actor"]["id"] for e in trail["items"]} == {scene.mod.id}
    # AND lifting it twice says there is no block
    again = scene.call("DELETE", f"/moderation/blocks/{scene.ada.id}", scene.mod)
    _problem(again, 404, "not_blocked")


def test_a_block_that_ran_out_no_longer_bites(scene: Scene) -> None:
    # GIVEN a block whose end has passed (stored exactly as a block that ran out)
    past = datetime.now(UTC) - timedelta(minutes=1)
    now = datetime.now(UTC)
    UserRepository(TENANT).set_block(scene.ada.id, past, "Old", now)
    blocks = BlockRepository(TENANT)
    blocks.put(blocks.new(scene.ada.id, past, "Old", scene.mod.id, now - timedelta(days=1)))
    # THEN she posts, her profile shows no block, the list is empty, nothing to lift
    assert scene.post_idea(scene.ada).status_code == 201
    assert body_of(scene.call("GET", "/me", scene.ada))["blocked"] is None
    assert body_of(scene.call("GET", "/moderation/blocks", scene.mod))["items"] == []
    _problem(
        scene.call("DELETE", f"/moderation/blocks/{scene.ada.id}", scene.mod), 404, "not_blocked"
    )


def test_admins_team_members_and_oneself_cannot_be_blocked(scene: Scene) -> None:
    admin = person(scene.api, "boss@example.org", RoleGrant(Role.ADMIN))
    _problem(scene.block(scene.mod, admin.id), 409, "cannot_block_team")
    other_mod = person(
        scene.api,
        "mod2@example.org",
        RoleGrant(Role.MODERATOR, frozenset({scene.ideas.project_id})),
    )
    _problem(scene.block(scene.mod, other_mod.id), 409, "cannot_block_team")
    _problem(scene.block(scene.mod, scene.mod.id), 409, "cannot_block_self")
    # an admin blocks a resident too
    assert scene.block(admin, scene.ada.id).status_code == 201


def test_residents_and_visitors_cannot_block_or_see_blocks(scene: Scene) -> None:
    bob = person(scene.api, "bob@example.org")
    _problem(scene.block(bob, scene.ada.id), 403, "team_only")
    _problem(scene.call("GET", "/moderation/blocks", bob), 403, "team_only")
    _problem(scene.call("DELETE", f"/moderation/blocks/{scene.ada.id}", bob), 403, "team_only")
    anonymous = scene.call("GET", "/moderation/blocks", None)
    assert anonymous.status_code == 401


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"until": "2001-01-01T00:00:00Z", "reason": "x"}, "until"),
        ({"until": "2099-01-01T00:00:00Z", "reason": "x"}, "until"),
        ({"until": "2030-01-01T00:00:00Z", "reason": ""}, "reason"),
        ({"until": "2030-01-01T00:00:00Z", "reason": "<b>bold</b>"}, "reason"),
        ({"until": "soon", "reason": "x"}, "until"),
    ],
)
def test_the_period_and_reason_are_checked(scene: Scene, body: dict[str, Any], field: str) -> None:
    response = scene.call(
        "POST", "/moderation/blocks", scene.mod, {"user_id": scene.ada.id, **body}
    )
    assert response.status_code == 422, body_of(response)
    assert field in [e["field"] for e in body_of(response)["errors"]]


def test_users_of_other_platforms_and_unknown_users_are_not_found(scene: Scene) -> None:
    stranger = person(scene.api, "beta@example.org", host=HOST_B)
    _problem(scene.block(scene.mod, stranger.id), 404, "user_not_found")
    _problem(scene.block(scene.mod, "nobody"), 404, "user_not_found")
