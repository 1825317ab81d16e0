"""Managers assigning one idea at once: every event tells a true previous assignee."""

from __future__ import annotations

import threading
from collections import Counter

from shared.events import RecordingPublisher
from shared.ideation.repository import IdeaRepository
from shared.inputs.assignment import AssignmentService
from shared.inputs.schemas import AssignRequest
from shared.permissions import Principal, Role, RoleGrant
from shared.tenancy import TenantContext
from tests.api.inputs.conftest import Manager, Team
from tests.conftest import HOST_A

TENANT = TenantContext("alpha", HOST_A)
ADMIN = Principal("admin-a", "alpha", frozenset({RoleGrant(Role.ADMIN)}), True)


def test_racing_assignments_form_one_chain(manager: Manager, team: Team) -> None:
    from chalicelib.identity.wiring import directory

    # GIVEN two collaborators and an idea nobody has
    people = [team.member(f"lead{n}", RoleGrant(Role.ADMIN)) for n in range(2)]
    idea = manager.idea()
    recorder = RecordingPublisher()
    service = AssignmentService(directory(), recorder)
    codes: list[str | None] = []

    def assign(n: int) -> None:
        body = AssignRequest(idea_ids=[idea], assignee_id=people[n % 2])
        codes.append(service.assign(TENANT, ADMIN, body).results[0].code)

    # WHEN eight threads assign it back and forth at once
    threads = [threading.Thread(target=assign, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # THEN every call succeeded, and the events chain from nobody to the stored assignee:
    # each person was handed the idea exactly as often as it was taken from them
    assert codes == [None] * 8
    record = IdeaRepository(TENANT).get(idea, consistent=True)
    assert record is not None and record.assignee_id in people
    given = Counter(e.data["assignee_id"] for e in recorder.events)
    taken = Counter(e.data["previous_assignee_id"] for e in recorder.events)
    assert taken[None] == 1
    for person in people:
        assert given[person] == taken[person] + (person == record.assignee_id)
