"""Proposals: a phase method whose inputs collect signatures up to a threshold by a deadline.

A signature is a like; the idea API answers with the proposal's progress. The
platform's rule on who may comment on proposals applies in every proposals
phase, on top of the phase's own commenting rule, and nowhere else.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from shared.ideation.models import IdeaRecord
from tests.api.groups import conftest as groups_fixtures
from tests.api.groups.conftest import TENANT, People

people = groups_fixtures.people

SETTINGS = {
    "signature_threshold": 2,
    "signing_days": 30,
    "commitment": {"en": "The council debates it."},
}


def _phase(people: People, method: str, **config: Any) -> tuple[str, str]:
    project = people.call("admin", "POST", "/projects", {"title": {"en": "Initiatives"}}, 201)
    body = {
        "title": {"en": "Citizen proposals"},
        "start_date": "2020-01-01",
        "method": method,
        "method_config": config,
    }
    phase = people.call("admin", "POST", f"/projects/{project['id']}/phases", body, 201)
    people.call("admin", "POST", f"/projects/{project['id']}/publish")
    return str(project["id"]), str(phase["id"])


def _post(people: People, where: tuple[str, str], who: str = "ada") -> dict[str, Any]:
    project_id, phase_id = where
    return dict(
        people.call(
            who,
            "POST",
            f"/projects/{project_id}/phases/{phase_id}/ideas",
            {"title": {"en": "Night buses on weekends"}, "body": {"en": "<p>Until 2 am.</p>"}},
            201,
        )
    )


def _age(idea_id: str, days: int) -> None:
    """Make a proposal look published ``days`` ago (as if time had passed)."""
    record = IdeaRecord.get(TENANT.key("IDEA", idea_id), "IDEA")
    record.update(actions=[IdeaRecord.created_at.set(datetime.now(UTC) - timedelta(days=days))])


def test_a_proposal_collects_signatures_until_it_reaches_its_threshold(
    people: People, pump: Any
) -> None:
    people.add("cem")
    proposal = _post(people, _phase(people, "proposals", **SETTINGS))
    today = date.today()
    assert proposal["proposal"] == {
        "signatures": 0,
        "threshold": 2,
        "deadline": (today + timedelta(days=29)).isoformat(),
        "state": "collecting",
    }
    path = f"/ideas/{proposal['id']}"
    # WHEN two residents sign (a signature is a like; proposals take no dislikes)
    refused = people.call("bob", "PUT", f"{path}/reaction", {"kind": "dislike"}, 403)
    assert refused["code"] == "dislikes_disabled"
    people.call("bob", "PUT", f"{path}/reaction", {"kind": "like"})
    pump.drain()
    assert people.call("bob", "GET", path)["proposal"]["state"] == "collecting"
    people.call("cem", "PUT", f"{path}/reaction", {"kind": "like"})
    pump.drain()
    # THEN it has reached its goal, on its page and on its card
    signed = people.call("cem", "GET", path)
    assert signed["proposal"]["signatures"] == 2
    assert signed["proposal"]["state"] == "reached"
    assert signed["likes_left"] is None
    project_id, phase_id = signed["project_id"], signed["phase_id"]
    cards = people.call("bob", "GET", f"/projects/{project_id}/phases/{phase_id}/ideas")
    assert [card["proposal"]["state"] for card in cards["items"]] == ["reached"]
    # AND its author and the team hear of it once, quoting what the city commits to
    for who in ("ada", "admin"):
        reached = [
            n
            for n in people.call(who, "GET", "/me/notifications")["items"]
            if n["type"] == "proposal_reached"
        ]
        assert len(reached) == 1, who
        assert reached[0]["excerpt"] == "The council debates it."
        assert reached[0]["target"]["path"] == f"/ideas/{proposal['id']}"
    # AND a withdrawn signature does not take the goal back, nor announce it again
    people.call("cem", "DELETE", f"{path}/reaction")
    pump.drain()
    people.call("cem", "PUT", f"{path}/reaction", {"kind": "like"})
    people.call("cem", "DELETE", f"{path}/reaction")
    pump.drain()
    after = people.call("bob", "GET", path)["proposal"]
    assert (after["signatures"], after["state"]) == (1, "reached")
    mine = people.call("ada", "GET", "/me/notifications")["items"]
    assert [n["type"] for n in mine].count("proposal_reached") == 1


def test_a_proposal_past_its_deadline_takes_no_more_signatures(people: People) -> None:
    where = _phase(people, "proposals", **SETTINGS)
    expired = _post(people, where)
    reached = _post(people, where)
    _age(expired["id"], days=30)
    _age(reached["id"], days=29)  # its last day: still open
    page = people.call("bob", "GET", f"/ideas/{expired['id']}")
    assert page["proposal"]["state"] == "expired"
    assert page["permissions"]["react"] == {
        "allowed": False,
        "reason": "deadline_passed",
        "fields": [],
    }
    assert page["permissions"]["comment"]["allowed"] is True  # the discussion goes on
    refused = people.call("bob", "PUT", f"/ideas/{expired['id']}/reaction", {"kind": "like"}, 403)
    assert refused["code"] == "deadline_passed"
    people.call("bob", "PUT", f"/ideas/{reached['id']}/reaction", {"kind": "like"})


def test_a_proposal_that_reached_its_goal_stays_reached_but_closes_at_its_deadline(
    people: People, pump: Any
) -> None:
    where = _phase(people, "proposals", **{**SETTINGS, "signature_threshold": 1})
    proposal = _post(people, where)
    people.call("bob", "PUT", f"/ideas/{proposal['id']}/reaction", {"kind": "like"})
    pump.drain()
    _age(proposal["id"], days=30)
    page = people.call("ada", "GET", f"/ideas/{proposal['id']}")
    assert page["proposal"]["state"] == "reached"
    assert page["permissions"]["react"]["reason"] == "deadline_passed"
    people.call("ada", "PUT", f"/ideas/{proposal['id']}/reaction", {"kind": "like"}, 403)


def test_the_platform_decides_who_may_comment_on_proposals_everywhere(people: People) -> None:
    proposal = _post(people, _phase(people, "proposals", **SETTINGS))
    idea = _post(people, _phase(people, "ideation"))
    comment = {"body": "I agree."}
    # WHEN the admin keeps commenting on proposals for verified residents
    people.call("admin", "PATCH", "/platform", {"access": {"comment_proposals": "verified"}})
    assert people.call("admin", "GET", "/platform")["access"]["comment_proposals"] == "verified"
    # THEN an unverified resident is told to verify, on the page and when posting
    page = people.call("bob", "GET", f"/ideas/{proposal['id']}")
    assert page["permissions"]["comment"] == {
        "allowed": False,
        "reason": "not_verified",
        "fields": [],
    }
    refused = people.call("bob", "POST", f"/ideas/{proposal['id']}/comments", comment, 403)
    assert refused["code"] == "not_verified"
    # AND ideas keep their own phase's rule
    people.call("bob", "POST", f"/ideas/{idea['id']}/comments", comment, 201)
    # AND once verified the resident comments on the proposal; admins always may
    people.verify("bob")
    people.call("bob", "POST", f"/ideas/{proposal['id']}/comments", comment, 201)
    people.call("admin", "POST", f"/ideas/{proposal['id']}/comments", comment, 201)


@pytest.mark.parametrize(
    ("config", "field"),
    [
        ({"signature_threshold": 0}, "method_config.signature_threshold"),
        ({"signing_days": 731}, "method_config.signing_days"),
        ({"commitment": {"en": "<b>Debate</b>"}}, "method_config.commitment.en"),
        ({"dislikes_enabled": True}, "method_config.dislikes_enabled"),
    ],
)
def test_proposal_settings_are_checked_and_named(
    people: People, config: dict[str, Any], field: str
) -> None:
    project = people.call("admin", "POST", "/projects", {"title": {"en": "Initiatives"}}, 201)
    body = {
        "title": {"en": "Proposals"},
        "start_date": "2020-01-01",
        "method": "proposals",
        "method_config": config,
    }
    refused = people.call("admin", "POST", f"/projects/{project['id']}/phases", body, 422)
    assert field in [issue["field"] for issue in refused["errors"]]
    # AND nothing was half-written
    assert people.call("admin", "GET", f"/projects/{project['id']}")["phases"] == []


def test_ideas_carry_no_proposal_progress(people: People) -> None:
    assert _post(people, _phase(people, "ideation"))["proposal"] is None


class _Down:
    """A bus that is down: every publish fails."""

    def publish(self, event: Any) -> None:
        raise ConnectionError("the event bus is unreachable")


class _Bus:
    def __init__(self) -> None:
        self.events: list[Any] = []

    def publish(self, event: Any) -> None:
        self.events.append(event)


def test_a_goal_that_could_not_be_announced_is_announced_on_the_retry(people: People) -> None:
    from shared.ideation.proposal_goals import ProposalGoals
    from shared.ideation.repository import IdeaRepository

    proposal = _post(people, _phase(people, "proposals", signature_threshold=1))
    IdeaRepository(TENANT).apply_counts(proposal["id"], 1, 0, 0)  # as the worker's recount
    # WHEN the bus is down, the check fails and leaves no marker behind
    with pytest.raises(ConnectionError):
        ProposalGoals(_Down()).check(TENANT, proposal["id"])
    assert IdeaRecord.get(TENANT.key("IDEA", proposal["id"]), "IDEA").reached_at is None
    # THEN the redelivery announces it, once
    bus = _Bus()
    assert ProposalGoals(bus).check(TENANT, proposal["id"]) is True
    assert ProposalGoals(bus).check(TENANT, proposal["id"]) is False
    assert [event.type for event in bus.events] == ["ideation.proposal.reached"]
    assert bus.events[0].data["signatures"] == 1
