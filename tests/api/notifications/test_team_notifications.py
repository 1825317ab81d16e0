"""Notifications for the back-office team: new inputs, reports, assignments, note mentions.

Events are built here to the contract's data shapes (the moderation and
input-manager teams emit them); the notifier finds the team through the
identity directory and asks the policy, per recipient, whether they may
hear of the idea.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.header import decode_header, make_header
from typing import Any

import pytest

from tests.api.identity.helpers import PASSWORD, sent_messages, session_of, sign_in
from tests.api.notifications.conftest import Board, event, publish
from tests.conftest import HOST_A, body_of

TITLE = {"en": "More benches", "fr": "Plus de bancs"}


@dataclass
class Member:
    user_id: str
    email: str
    token: str


def member(api: Any, name: str, *grants: tuple[str, str | None], locale: str = "en") -> Member:
    """A user with role grants (``("moderator", "p1")``, ``("admin", None)``), signed in."""
    from chalicelib.identity import wiring
    from shared.permissions import Role, RoleGrant
    from shared.tenancy import TenantContext

    email = f"{name.lower()}@example.org"
    user = wiring.accounts().register_user(
        TenantContext("alpha", HOST_A),
        email,
        PASSWORD,
        name,
        "Example",
        locale,
        confirmed=True,
        grants=frozenset(
            RoleGrant(Role(role), frozenset({scope} if scope else ())) for role, scope in grants
        ),
    )
    token = session_of(sign_in(api, email)).access_token
    return Member(str(user.user_id), email, token)


@dataclass
class Team:
    admin: Member
    moderator: Member  # moderates p1
    manager: Member  # manages p1
    folder_manager: Member  # manages folder f1, which holds p1
    elsewhere: Member  # moderates and manages p2 only
    resident: Member
    author: Member


@pytest.fixture
def team(api: Any, board: Board) -> Team:
    return Team(
        admin=member(api, "Ada", ("admin", None)),
        moderator=member(api, "Mona", ("moderator", "p1"), locale="fr"),
        manager=member(api, "Pia", ("project_manager", "p1")),
        folder_manager=member(api, "Fred", ("folder_manager", "f1")),
        elsewhere=member(api, "Otto", ("moderator", "p2"), ("project_manager", "p2")),
        resident=member(api, "Rita"),
        author=member(api, "Carl"),
    )


def idea_in_folder(board: Board, idea_id: str, owner_id: str, published: bool = True) -> Any:
    """An idea of project p1 in folder f1 (the board's ideas have no folder)."""
    from shared.participation.targets import TargetInfo
    from shared.permissions import Resource

    resource = Resource(
        "alpha",
        id=idea_id,
        owner_id=owner_id,
        project_id="p1",
        folder_id="f1",
        published=published,
    )
    info = TargetInfo("idea", idea_id, resource, TITLE, f"/ideas/{idea_id}")
    board.ideas[("alpha", idea_id)] = info
    return info


def inbox(api: Any, who: Member) -> list[dict[str, Any]]:
    response = api.get("/me/notifications", token=who.token)
    assert response.status_code == 200, response.body
    return list(body_of(response)["items"])


def kinds(api: Any, team: Team) -> dict[str, list[str]]:
    """Each team member's notification types, by attribute name."""
    return {
        name: [n["type"] for n in inbox(api, getattr(team, name))]
        for name in team.__dataclass_fields__
    }


def published(idea: Any, author_id: str) -> Any:
    return event(
        "ideation.idea.published",
        author_id,
        idea_id=idea.id,
        project_id="p1",
        phase_id="ph1",
        author_id=author_id,
    )


def report_filed(target_kind: str, target_id: str, reporter_id: str) -> Any:
    return event(
        "moderation.report.filed",
        reporter_id,
        report_id="r1",
        target_kind=target_kind,
        target_id=target_id,
        project_id="p1",
        reporter_id=reporter_id,
        reason="spam",
    )


def test_a_new_idea_reaches_everyone_who_moderates_its_project_and_nobody_else(
    api, board, pump, team
):
    idea = idea_in_folder(board, "i1", team.author.user_id)
    # WHEN a resident's idea is published (and the event is delivered twice)
    publish(pump, published(idea, team.author.user_id))
    publish(pump, published(idea, team.author.user_id).model_copy(update={"event_id": "x"}))
    # THEN the admin, the project's moderator and manager and the folder's manager get
    # new_input (once per event), and neither the other project's team, nor residents
    assert kinds(api, team) == {
        "admin": ["new_input", "new_input"],
        "moderator": ["new_input", "new_input"],
        "manager": ["new_input", "new_input"],
        "folder_manager": ["new_input", "new_input"],
        "elsewhere": [],
        "resident": [],
        "author": [],
    }
    [item, _] = inbox(api, team.moderator)
    assert item["actor"]["id"] == team.author.user_id
    assert item["target"] == {"kind": "idea", "id": "i1", "title": TITLE, "path": "/ideas/i1"}


def test_redelivery_of_one_event_notifies_once(api, board, pump, team):
    idea = idea_in_folder(board, "i1", team.author.user_id)
    once = published(idea, team.author.user_id)
    publish(pump, once)
    publish(pump, once)
    assert [n["type"] for n in inbox(api, team.admin)] == ["new_input"]


def test_a_team_member_posting_an_idea_is_not_told_of_it(api, board, pump, team):
    idea = idea_in_folder(board, "i2", team.moderator.user_id)
    publish(pump, published(idea, team.moderator.user_id))
    assert inbox(api, team.moderator) == []
    assert [n["type"] for n in inbox(api, team.manager)] == ["new_input"]


def test_a_report_reaches_the_team_without_naming_the_reporter(api, board, pump, team):
    idea = idea_in_folder(board, "i1", team.author.user_id)
    # WHEN the project's manager (who may report like anyone) reports the idea
    publish(pump, report_filed("idea", idea.id, team.manager.user_id))
    # THEN the rest of the project's team hears of it, the reporter does not
    got = kinds(api, team)
    assert got["admin"] == got["moderator"] == got["folder_manager"] == ["new_report"]
    assert got["manager"] == got["elsewhere"] == got["resident"] == got["author"] == []
    # AND the notification leads to the activity overview, with nobody named
    [item] = inbox(api, team.admin)
    assert item["actor"] is None
    assert item["target"]["path"] == "/admin/moderation"
    assert item["target"]["title"] == TITLE


def test_a_reported_comment_points_at_the_idea_it_is_on(api, board, pump, team):
    from shared.discussion.models import CommentRecord
    from shared.discussion.repository import DiscussionRepository
    from shared.tenancy import TenantContext

    idea = idea_in_folder(board, "i1", team.author.user_id)
    repository = DiscussionRepository(TenantContext("alpha", HOST_A))
    comment = CommentRecord(
        repository.comment_pk("c7"),
        "COMMENT",
        comment_id="c7",
        target_kind="idea",
        target_id=idea.id,
        project_id="p1",
        root_id="c7",
        author_id=team.author.user_id,
        body="Buy my stuff",
        created_at=datetime.now(UTC),
    )
    repository.add_comment(comment)
    # WHEN a resident reports the comment
    publish(pump, report_filed("comment", "c7", team.resident.user_id))
    # THEN the moderators are told about the idea the comment is on
    [item] = inbox(api, team.moderator)
    assert (item["type"], item["target"]["id"]) == ("new_report", "i1")
    # AND a report on a comment that no longer exists tells nobody anything
    publish(pump, report_filed("comment", "c404", team.resident.user_id))
    assert len(inbox(api, team.moderator)) == 1


def assigned(idea: Any, actor: str, assignee: str | None) -> Any:
    return event(
        "ideation.idea.assigned",
        actor,
        idea_id=idea.id,
        project_id="p1",
        assignee_id=assignee,
        previous_assignee_id=None,
    )


def test_an_assignment_notifies_the_assignee_only(api, board, pump, team):
    idea = idea_in_folder(board, "i1", team.author.user_id)
    # WHEN the admin assigns the idea to the project's manager
    publish(pump, assigned(idea, team.admin.user_id, team.manager.user_id))
    # THEN the manager hears of it, from the admin; nobody else does
    got = kinds(api, team)
    assert got.pop("manager") == ["input_assigned"]
    assert all(types == [] for types in got.values()), got
    [item] = inbox(api, team.manager)
    assert item["actor"]["id"] == team.admin.user_id
    assert item["target"]["path"] == "/ideas/i1"
    # AND unassigning, assigning oneself, or naming someone outside the team tells nobody
    publish(
        pump,
        assigned(idea, team.admin.user_id, None),
        assigned(idea, team.manager.user_id, team.manager.user_id),
        assigned(idea, team.admin.user_id, team.resident.user_id),
        assigned(idea, team.admin.user_id, team.elsewhere.user_id),
    )
    assert len(inbox(api, team.manager)) == 1
    assert inbox(api, team.resident) == inbox(api, team.elsewhere) == []


def test_note_mentions_reach_colleagues_of_the_project_only(api, board, pump, team):
    idea = idea_in_folder(board, "i1", team.author.user_id)
    mentioned = [
        team.manager.user_id,
        team.elsewhere.user_id,
        team.resident.user_id,
        team.moderator.user_id,  # the note's author
    ]
    # WHEN the moderator's internal note mentions colleagues, an outsider and themself
    note = event(
        "ideation.note.posted",
        team.moderator.user_id,
        note_id="n1",
        idea_id=idea.id,
        project_id="p1",
        author_id=team.moderator.user_id,
        mentioned_ids=mentioned,
    )
    publish(pump, note)
    # THEN only the colleague who may read the project's notes is told
    got = kinds(api, team)
    assert got.pop("manager") == ["note_mention"]
    assert all(types == [] for types in got.values()), got


def _subject(message: Any) -> str:
    return str(make_header(decode_header(message["Subject"])))


def test_team_emails_speak_the_recipients_language_and_follow_preferences(api, board, pump, team):
    idea = idea_in_folder(board, "i1", team.author.user_id)
    # GIVEN the manager turned off new_input emails
    prefs = body_of(api.get("/me/notification-preferences", token=team.manager.token))
    assert {"new_input", "new_report", "input_assigned", "note_mention"} <= set(prefs["email"])
    prefs["email"]["new_input"] = False
    response = api.put("/me/notification-preferences", prefs, token=team.manager.token)
    assert response.status_code == 200, response.body
    # WHEN a new idea is published
    publish(pump, published(idea, team.author.user_id))
    # THEN the French-speaking moderator gets a French email; the manager only the in-app item
    by_address = {m["To"]: m for m in sent_messages()}
    assert team.manager.email not in by_address
    assert [n["type"] for n in inbox(api, team.manager)] == ["new_input"]
    message = by_address[team.moderator.email]
    assert _subject(message) == "Nouveau dans un projet que vous modérez : « Plus de bancs »"
    assert "http://alpha.test/ideas/i1" in str(message)
    assert set(by_address) == {team.admin.email, team.moderator.email, team.folder_manager.email}
    # AND a report's email names no reporter and links to the activity overview
    publish(pump, report_filed("idea", idea.id, team.resident.user_id))
    reports = [m for m in sent_messages() if m["To"] == team.admin.email][1:]
    [report] = reports
    assert _subject(report) == "New report: “More benches”"
    assert "Rita" not in str(report)
    assert "http://alpha.test/admin/moderation" in str(report)
