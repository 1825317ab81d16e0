"""GET /manage/inputs: the cross-project table, its filters, orders and pagination."""

from __future__ import annotations

from typing import Any

from tests.api.inputs.conftest import Manager
from tests.conftest import HOST_A, body_of


def test_admin_sees_inputs_of_every_project_newest_first(manager: Manager) -> None:
    # GIVEN ideas in two projects
    first = manager.idea(manager.p1)
    second = manager.idea(manager.p2)
    third = manager.idea(manager.p1)
    # WHEN the admin lists the inputs
    page = manager.list()
    # THEN every idea is there, newest first, with its project, phase and author
    assert [r["id"] for r in page["items"]] == [third, second, first]
    row = page["items"][1]
    assert row["project"]["id"] == manager.p2
    assert row["phase"] == {"id": manager.p2_phase, "title": {"en": "Ideas from 2020-01-01"}}
    assert row["author"]["id"] == "resident-a"
    assert row["path"] == f"/ideas/{second}"
    assert (row["kind"], row["assignee"], row["hidden"], row["reports"]) == ("idea", None, False, 0)


def test_oldest_reverses_newest(manager: Manager) -> None:
    ids = [manager.idea() for _ in range(3)]
    assert manager.ids(sort="oldest") == ids


def test_manager_of_p1_sees_only_p1_and_cannot_ask_for_p2(manager: Manager) -> None:
    # GIVEN ideas in p1 and p2
    mine = manager.idea(manager.p1)
    manager.idea(manager.p2)
    # WHEN p1's manager and moderator list the inputs
    # THEN they see p1's idea only
    assert manager.ids(manager.pm1) == [mine]
    assert manager.ids(manager.mod1) == [mine]
    # AND asking for p2 is refused
    refused = manager.list(manager.pm1, expect=403, project=manager.p2)
    assert refused["code"] == "moderator_only"


def test_residents_and_visitors_are_refused(manager: Manager, api: Any) -> None:
    manager.idea()
    assert manager.list("resident-a", expect=403)["code"] == "team_only"
    assert api.get("/manage/inputs", host=HOST_A).status_code == 401


def test_project_and_phase_filters(manager: Manager) -> None:
    in_p1 = manager.idea(manager.p1)
    in_p2 = manager.idea(manager.p2)
    assert manager.ids(project=manager.p1) == [in_p1]
    assert manager.ids(phase=manager.p2_phase) == [in_p2]
    assert manager.ids(project=manager.p1, phase=manager.phase2, sort="most_commented") == [in_p1]
    wrong = manager.list(expect=422, project=manager.p1, phase=manager.p2_phase)
    assert wrong["errors"][0]["code"] == "unknown_phase"


def test_most_liked_and_most_commented(manager: Manager) -> None:
    # GIVEN three ideas with different counts
    a, b, c = manager.idea(), manager.idea(manager.p2), manager.idea()
    manager.counts(a, likes=5, comments=1)
    manager.counts(b, likes=9, comments=0)
    manager.counts(c, likes=1, comments=7)
    # THEN each order follows its count, across projects and within one
    assert manager.ids(sort="most_liked") == [b, a, c]
    assert manager.ids(sort="most_commented") == [c, a, b]
    assert manager.ids(sort="most_liked", project=manager.p1) == [a, c]
    assert manager.ids(sort="most_liked", phase=manager.phase2) == [a, c]
    row = manager.list(sort="most_liked")["items"][0]
    assert (row["likes"], row["comments"]) == (9, 0)


def test_status_topic_and_date_filters(manager: Manager) -> None:
    topic = manager.admin.call("POST", "/topics", {"title": {"en": "Trees"}}, 201)["id"]
    manager.admin.call("PUT", f"/projects/{manager.p1}/input-form", {"topic_ids": [topic]})
    tagged = manager.idea(topic_ids=[topic])
    plain = manager.idea()
    response = manager.call("PUT", f"/ideas/{plain}/status", {"status_id": "accepted"})
    assert response.status_code == 200, body_of(response)
    assert manager.ids(topic=topic) == [tagged]
    assert manager.ids(status="accepted") == [plain]
    assert manager.list(status="accepted")["items"][0]["status"]["color"] == "#2f855a"
    assert manager.ids(**{"from": "2020-01-01"}) == [plain, tagged]
    assert manager.ids(to="2020-01-01") == []
    assert manager.ids(sort="most_liked", to="2020-01-01") == []
    assert manager.ids(sort="most_liked", **{"from": "2020-01-01"}) == [plain, tagged]
    bad = manager.list(expect=422, **{"from": "2021-02-01", "to": "2021-01-01"})
    assert bad["code"] == "validation_failed"


def test_search_across_projects(manager: Manager, pump: Any) -> None:
    # GIVEN ideas with different words in two projects, indexed by the worker
    trees = manager.idea(manager.p1, title={"en": "Plant trees"})
    harbour_trees = manager.idea(manager.p2, title={"en": "Trees on the quay"})
    manager.idea(manager.p1, title={"en": "Benches"})
    pump.drain()
    # WHEN searching
    # THEN matches come from every reachable project, or from the chosen one
    assert manager.ids(q="tree") == [harbour_trees, trees]
    assert manager.ids(q="tree", project=manager.p1) == [trees]
    assert manager.ids(manager.pm1, q="tree") == [trees]
    first = manager.list(q="tree", limit=1)
    assert [r["id"] for r in first["items"]] == [harbour_trees]
    second = manager.list(q="tree", limit=1, cursor=first["next_cursor"])
    assert [r["id"] for r in second["items"]] == [trees]
    assert second["next_cursor"] is None


def test_pages_never_skip_or_repeat(manager: Manager) -> None:
    # GIVEN seven ideas
    ids = [manager.idea(manager.p1 if i % 2 else manager.p2) for i in range(7)]
    # WHEN paging two at a time, in every order
    for sort in ("newest", "oldest", "most_liked", "most_commented"):
        seen, pages = manager.every_id(limit=2, sort=sort)
        # THEN every idea appears exactly once
        assert sorted(seen) == sorted(ids), sort
        assert pages == 4


def test_a_cursor_of_another_view_is_refused(manager: Manager) -> None:
    for _ in range(3):
        manager.idea()
    cursor = manager.list(limit=1)["next_cursor"]
    refused = manager.list(expect=422, limit=1, sort="most_liked", cursor=cursor)
    assert refused["errors"][0]["code"] == "invalid_cursor"


def test_reported_filter_and_hidden_flag(manager: Manager) -> None:
    from shared.ideation.models import IdeaRecord
    from shared.ideation.repository import IdeaRepository
    from shared.tenancy import TenantContext

    # GIVEN one idea reported twice and hidden by moderation, one untouched
    reported, quiet = manager.idea(), manager.idea()
    record = IdeaRepository(TenantContext("alpha", HOST_A)).get(reported)
    assert record is not None
    record.update(actions=[IdeaRecord.reports.set(2), IdeaRecord.hidden_reason.set("Spam")])
    # THEN the reported filter finds it in every order, and the team still sees both
    for sort in ("newest", "most_liked"):
        assert manager.ids(reported="true", sort=sort) == [reported]
    rows = {r["id"]: r for r in manager.list()["items"]}
    assert (rows[reported]["reports"], rows[reported]["hidden"]) == (2, True)
    assert (rows[quiet]["reports"], rows[quiet]["hidden"]) == (0, False)


def test_reached_filter_finds_proposals_that_reached_their_goal(
    manager: Manager, pump: Any
) -> None:
    from datetime import UTC, datetime

    from shared.ideation.repository import IdeaRepository
    from shared.tenancy import TenantContext

    # GIVEN one input marked reached (as the worker does for a proposal), one not
    reached, other = manager.idea(), manager.idea()
    assert IdeaRepository(TenantContext("alpha", HOST_A)).mark_reached(reached, datetime.now(UTC))
    pump.drain()  # the search index
    # THEN the filter finds it in every order, with a search too, and rows say so
    for sort in ("newest", "most_liked", "oldest"):
        assert manager.ids(reached="true", sort=sort) == [reached]
    assert manager.ids(reached="true", q="benches") == [reached]
    rows = {r["id"]: r for r in manager.list()["items"]}
    assert (rows[reached]["reached"], rows[other]["reached"]) == (True, False)


def test_a_team_member_without_projects_gets_an_empty_last_page(manager: Manager) -> None:
    from shared.permissions import Principal, Role, RoleGrant

    manager.idea()
    grant = RoleGrant(Role.MODERATOR, frozenset({"gone-project"}))
    manager.tokens.add("stale", Principal("stale", "alpha", frozenset({grant}), True))
    assert manager.list("stale") == {"items": [], "next_cursor": None}
