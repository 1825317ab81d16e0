"""Roles and user groups in a real browser, with axe-core on every page visited.

The demo admin makes a resident project manager of one project, creates a
manual group and adds two residents to it from a pasted list of emails, and
creates a smart group of everyone with an example.org address (the groups
worker then evaluates it). The new project manager signs in and finds only
their project in the back-office, and can open it for editing.

The runner's workers are asynchronous: every wait is for something on the
page, never a fixed sleep.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from infra.local.demo_content import LINDENFELD
from tests.browser.accessibility import assert_accessible
from tests.browser.steps import sign_in, visit, wait_for_text

pytestmark = pytest.mark.browser
MANAGED = LINDENFELD.folders[0].projects[0].title["en"]  # A new park on the old rail yard
NOT_MANAGED = LINDENFELD.folders[0].projects[1].title["en"]  # 1,000 trees for our streets
MANAGER = LINDENFELD.residents[3]  # Samuel Okafor
NEIGHBOURS = LINDENFELD.residents[:2]  # Sophie Martin, Jonas Becker


def _name(person: Any) -> str:
    return f"{person.first_name} {person.last_name}"


def _grant_project_manager(page: Any, base: str) -> None:
    visit(page, base + "/admin/users")
    search = page.get_by_role("search", name="Search users")
    search.get_by_role("searchbox", name="Name or email").fill(MANAGER.last_name)
    search.get_by_role("button", name="Search").click()
    page.get_by_role("button", name=f"Change roles of {_name(MANAGER)}").click()
    form = page.get_by_role("form", name=f"Roles of {_name(MANAGER)}")
    managed = form.get_by_role("group", name="Project manager of")
    managed.get_by_role("checkbox", name=MANAGED, exact=True).check()
    assert_accessible(page)
    form.get_by_role("button", name="Save roles").click()
    page.get_by_role("status").filter(
        has_text=f"The roles of {_name(MANAGER)} are saved."
    ).wait_for()
    page.get_by_text(f"Project manager of {MANAGED}").wait_for()
    assert_accessible(page)


def _manual_group(page: Any, base: str) -> None:
    visit(page, base + "/admin/groups/new")
    form = page.get_by_role("form", name="New group")
    form.get_by_role("textbox", name="Group name (English, required)").fill("Park neighbours")
    form.get_by_role("button", name="Create group").click()
    page.get_by_role("heading", name="Park neighbours", level=1).wait_for()
    emails = page.get_by_role("form", name="Add people by email")
    emails.get_by_role("textbox", name="Email addresses").fill(
        "\n".join(person.email for person in NEIGHBOURS)
    )
    emails.get_by_role("button", name="Add these people").click()
    page.get_by_role("status").filter(has_text="2 people added.").wait_for()
    members = page.get_by_role("list", name="Members")
    for person in NEIGHBOURS:
        members.get_by_text(_name(person), exact=True).wait_for()
    assert_accessible(page)
    visit(page, base + "/admin/groups")
    page.get_by_role("link", name="Park neighbours").wait_for()


def _smart_group(page: Any, base: str) -> None:
    visit(page, base + "/admin/groups/new")
    form = page.get_by_role("form", name="New group")
    form.get_by_role("textbox", name="Group name (English, required)").fill("example.org residents")
    form.get_by_role("radio", name="Smart").check()
    rule = form.get_by_role("group", name="Rule 1")
    rule.get_by_role("combobox", name="Looks at").select_option(label="Email domain")
    rule.get_by_role("textbox", name="Domain").fill("example.org")
    assert_accessible(page)
    form.get_by_role("button", name="Create group").click()
    page.get_by_text("Email address ends in @example.org").wait_for()
    page.get_by_text("Membership follows the rules", exact=False).wait_for()
    # The groups worker evaluates every user of the platform against the new rules.
    wait_for_text(page, page.url, _name(MANAGER))


def _manager_sees_only_their_project(page: Any, base: str) -> None:
    visit(page, base + "/admin")
    nav = page.get_by_role("navigation", name="Back-office")
    nav.get_by_role("link", name="Projects").click()
    page.get_by_role("link", name=MANAGED).wait_for()
    page.wait_for_load_state("networkidle")
    assert_accessible(page)
    assert page.get_by_role("link", name=NOT_MANAGED).count() == 0
    assert page.get_by_role("main").get_by_role("heading", level=2).count() == 1
    assert page.get_by_role("link", name="New project").count() == 0
    assert nav.get_by_role("link", name="Users", exact=True).count() == 0
    page.get_by_role("link", name=MANAGED).click()
    page.get_by_role("heading", name="Edit project", level=1).wait_for()
    page.get_by_role("form", name="Project details").wait_for()
    page.wait_for_load_state("networkidle")
    assert_accessible(page)


def test_admin_grants_a_role_builds_groups_and_the_manager_sees_only_their_project(
    runner: Any, browser: Any, screenshots: Path
) -> None:
    base = runner.base
    admin = browser.new_context().new_page()
    manager = browser.new_context().new_page()
    try:
        # GIVEN the demo admin
        sign_in(admin, base, LINDENFELD.admin.email, LINDENFELD.admin.password)
        # WHEN they make Samuel manager of one project and build a manual and a smart group
        _grant_project_manager(admin, base)
        _manual_group(admin, base)
        _smart_group(admin, base)
        # THEN Samuel's back-office offers that project and no other
        sign_in(manager, base, MANAGER.email, MANAGER.password)
        _manager_sees_only_their_project(manager, base)
    except Exception:
        admin.screenshot(path=str(screenshots / "admin.png"), full_page=True)
        manager.screenshot(path=str(screenshots / "manager.png"), full_page=True)
        raise
