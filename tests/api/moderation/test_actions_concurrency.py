"""Moderators acting on one idea at once: every action applied once, audited, consistent."""

from __future__ import annotations

import threading
from typing import Any

from shared.ideation.repository import IdeaRepository
from shared.moderation.activity import ActivityRepository
from shared.moderation.audit import AuditTrail
from shared.moderation.schemas import ActionRequest
from shared.permissions import Principal, Role, RoleGrant
from shared.tenancy import TenantContext
from tests.api.moderation.conftest import World
from tests.conftest import HOST_A

TENANT = TenantContext("alpha", HOST_A)


def _moderator(name: str, project_id: str) -> Principal:
    return Principal(name, "alpha", frozenset({RoleGrant(Role.MODERATOR, frozenset({project_id}))}))


def test_racing_hides_restores_and_reviews_end_in_one_consistent_audited_state(
    world: World,
) -> None:
    # GIVEN an idea in the queue and two moderators of its project
    from chalicelib.moderation.wiring import moderation

    idea = world.idea()
    world.pump()
    service = moderation()
    people = [_moderator(f"mod-{n}", world.p1.project_id) for n in ("x", "y")]
    plan = ["hide", "restore", "review", "hide", "unreview", "restore"]
    results: list[Any] = []
    lock = threading.Lock()
    start = threading.Barrier(len(people))

    def act(principal: Principal) -> None:
        start.wait()
        for step, action in enumerate(plan):
            body = ActionRequest.model_validate(
                {
                    "action": action,
                    "reason": f"{principal.user_id} {step}" if action == "hide" else None,
                    "targets": [{"target_kind": "idea", "target_id": idea}],
                }
            )
            [result] = service.apply(TENANT, principal, body).results
            with lock:
                results.append((principal.user_id, action, result))

    # WHEN both moderators run their plans at the same time
    threads = [threading.Thread(target=act, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # THEN every applied action wrote exactly one version and one audit entry
    applied = [r for _, _, r in results if r.ok]
    refused = {r.code for _, _, r in results if not r.ok}
    assert len(results) == 2 * len(plan)
    assert refused <= {"not_hidden"}
    record = ActivityRepository(TENANT).get("idea", idea, consistent=True)
    assert record is not None
    assert int(record.version) == len(applied)
    entries, _ = AuditTrail(TENANT).page(target_kind="idea", target_id=idea, limit=100)
    assert len(entries) == len(applied)
    assert sorted(e.details["version"] for e in entries) == list(range(1, len(applied) + 1))
    assert {e.actor_id for e in entries} == {"mod-x", "mod-y"}
    # AND the last version's entry states the final state, which the idea mirrors
    last = max(entries, key=lambda e: e.details["version"])
    assert last.details["after"] == {"reviewed": bool(record.reviewed), "state": record.state}
    stored = IdeaRepository(TENANT).get(idea, consistent=True)
    assert stored is not None
    assert stored.hidden_reason == record.hidden_reason
    assert (record.state == "hidden") == (record.hidden_reason is not None)
