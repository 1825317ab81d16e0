"""A sample of the permission matrix in a real browser: the idea page shows what the policy decides.

The API's matrix test (tests/api/groups/test_permission_matrix.py) proves that
the API answers as ``shared.permissions.can`` does for every combination. Here
a sample of the same combinations (who reacts: a visitor, a resident, a member
of a group, the project's moderator, an admin; the phase's rule for reacting
and whether reacting is on) is set through the API, and each person's idea
page is read: the Like button is enabled exactly when the policy allows, and
the sentence beside it names the policy's reason. axe-core runs on every page.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import requests

from infra.local.demo_content import LINDENFELD
from infra.local.demo_ideation import LINDENFELD_IDEATION
from shared.participation import ParticipationAction as PA
from shared.participation.methods.ideation import IdeationConfig
from shared.permissions import (
    AccessRule,
    Action,
    Audience,
    PhaseFacts,
    Principal,
    Resource,
    Role,
    RoleGrant,
    can,
)
from shared.permissions.policy import Reason
from tests.browser.accessibility import assert_accessible
from tests.browser.steps import sign_in
from tests.support.user_facts import GroupMember

pytestmark = pytest.mark.browser
TENANT = "policy-view"  # the policy compares principal and resource tenants only
PROJECT = LINDENFELD_IDEATION.project_title["en"]
PHASE = LINDENFELD_IDEATION.phase_title["en"]
IDEA = LINDENFELD_IDEATION.ideas[2].title  # by Jonas, who is not in the sample
RESIDENT, MEMBER = LINDENFELD.residents[3], LINDENFELD.residents[4]  # English pages
# (audience, reacting switched on): every answer a visitor or resident can get, with few reloads
CASES = (
    (Audience.SIGNED_IN, True),
    (Audience.VERIFIED, True),
    (Audience.GROUPS, True),
    (Audience.TEAM, True),
    (Audience.SIGNED_IN, False),
)
# What the page says beside the reaction buttons, per reason (English).
SENTENCES = {
    Reason.NOT_SIGNED_IN: "to react to this idea.",
    Reason.NOT_VERIFIED: "Reacting here is open to residents who verified their identity.",
    Reason.NOT_IN_GROUP: "Reacting here is open to certain groups of residents, and you are not",
    Reason.NOT_MANAGER: "Only the project's team can react here.",
    Reason.ACTION_DISABLED: "Reactions are turned off in this phase.",
}


class Api:
    """The runner's API as one signed-in person (or a visitor) calls it."""

    def __init__(self, base: str, email: str | None = None, password: str | None = None) -> None:
        self.root, self.headers = base + "/api/v1", {}
        if email is not None:
            token = self.call("POST", "/auth/sign-in", {"email": email, "password": password})
            self.headers = {"Authorization": f"Bearer {token['access_token']}"}

    def call(self, method: str, path: str, body: Any = None) -> Any:
        response = requests.request(
            method, self.root + path, json=body, headers=self.headers, timeout=30
        )
        assert response.ok, f"{method} {path}: {response.status_code} {response.text}"
        return response.json() if response.content else None


def _principal(api: Api, groups: frozenset[str]) -> Principal:
    """The policy's principal for the person ``api`` signs in as, from their account."""
    me = api.call("GET", "/me")
    grants = frozenset(
        RoleGrant(Role(grant["role"]), frozenset(grant["scope"])) for grant in me["roles"]
    )
    return Principal(
        me["id"],
        TENANT,
        grants,
        email_confirmed=me["email_confirmed"],
        verified=me["verified"],
        facts=GroupMember(groups),
    )


def _ideation(admin: Api) -> tuple[str, dict[str, Any]]:
    projects = admin.call("GET", "/projects")["items"]
    project_id = next(p["id"] for p in projects if p["title"]["en"] == PROJECT)
    phases = admin.call("GET", f"/projects/{project_id}")["phases"]
    phase = next(p for p in phases if p["title"]["en"] == PHASE)
    today = date.today().isoformat()
    assert phase["start_date"] <= today <= (phase["end_date"] or today), "the demo phase runs"
    return project_id, phase


def _open_idea(page: Any, base: str) -> str:
    page.goto(base + "/")
    page.get_by_role("link", name=PROJECT).first.click()
    page.get_by_role("link", name=IDEA).first.click()
    page.get_by_role("heading", name=IDEA, level=1).wait_for()
    return str(page.url)


def _shows(page: Any, url: str, expected: Any, label: str) -> None:
    """The idea page at ``url`` offers the Like button and the reason as ``expected`` says."""
    page.goto(url)
    page.get_by_role("heading", name=IDEA, level=1).wait_for()
    page.wait_for_load_state("networkidle")
    like = page.get_by_role("button", name="Like", exact=True)
    assert like.is_enabled() == expected.allowed, label
    if not expected.allowed:
        page.get_by_text(SENTENCES[expected.reason]).first.wait_for()
    assert_accessible(page)


def test_the_idea_page_shows_what_the_policy_decides(
    runner: Any, browser: Any, screenshots: Path
) -> None:
    base = runner.base
    admin = Api(base, LINDENFELD.admin.email, LINDENFELD.admin.password)
    project_id, phase = _ideation(admin)
    group = admin.call("POST", "/groups", {"title": {"en": "Street panel"}})
    member = Api(base, MEMBER.email, MEMBER.password)
    admin.call(
        "POST", f"/groups/{group['id']}/members", {"user_ids": [member.call("GET", "/me")["id"]]}
    )
    people: dict[str, tuple[Principal, Any]] = {}
    pages: dict[str, Any] = {}
    reasons: set[Reason] = set()
    try:
        for name, person in (
            ("resident", RESIDENT),
            ("member", MEMBER),
            ("moderator", LINDENFELD.moderator),
            ("admin", LINDENFELD.admin),
        ):
            assert person is not None
            page = pages[name] = browser.new_context().new_page()
            sign_in(page, base, person.email, person.password)
            api = Api(base, person.email, person.password)
            groups = frozenset({group["id"]}) if name == "member" else frozenset()
            people[name] = (_principal(api, groups), page)
        pages["visitor"] = browser.new_context().new_page()
        people["visitor"] = (Principal(None, TENANT), pages["visitor"])
        idea_url = _open_idea(people["visitor"][1], base)
        idea_id = idea_url.rstrip("/").rsplit("/", 1)[1]
        for audience, reacting in CASES:
            # GIVEN the phase's rule for reacting and whether reacting is on
            rule: dict[str, Any] = {"audience": audience.value}
            if audience is Audience.GROUPS:
                rule["group_ids"] = [group["id"]]
            config = {**phase["method_config"], "reacting_enabled": reacting}
            changed = admin.call(
                "PATCH",
                f"/projects/{project_id}/phases/{phase['id']}",
                {"permissions": {"react": rule}, "method_config": config},
            )
            facts = PhaseFacts.of(
                True,
                IdeationConfig.model_validate(changed["method_config"]).enabled_actions(),
                {PA.REACT: AccessRule(audience, frozenset(rule.get("group_ids", [])))},
            )
            resource = Resource(TENANT, id=idea_id, project_id=project_id, phase=facts)
            for name, (principal, page) in people.items():
                # WHEN each person opens the idea, THEN the page shows the policy's answer
                expected = can(principal, Action.INPUT_REACT, resource)
                label = f"{name} / {audience.value} / reacting={reacting}: {expected.reason}"
                _shows(page, idea_url, expected, label)
                reasons.add(expected.reason)
    except Exception:
        for name, page in pages.items():
            page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
        raise
    # The sample reaches every refusal the page explains, and the allowed case.
    assert reasons == {Reason.OK, *SENTENCES}
