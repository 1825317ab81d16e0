"""Voting restricted to verified residents, in a real browser, with axe-core on every page.

The demo admin creates a smart group of residents who verified their
identity and lets only its members react in the demo ideation phase. A
resident who is not verified is told why they cannot like an idea and how to
qualify, verifies with one of the city's printed codes, joins the group
through its rule at once, and likes the idea; the admin then finds them
among the group's members once the groups worker has evaluated it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from infra.local.demo_content import LINDENFELD
from infra.local.demo_ideation import LINDENFELD_IDEATION
from infra.local.demo_verification import DEMO_CODES
from tests.browser.accessibility import assert_accessible
from tests.browser.steps import sign_in, visit, wait_for_text

pytestmark = pytest.mark.browser
GROUP = "Verified residents"
IDEATION = LINDENFELD_IDEATION.project_title["en"]  # A greener Lindenfeld
IDEATION_PHASE = LINDENFELD_IDEATION.phase_title["en"]  # Share your ideas
IDEA = LINDENFELD_IDEATION.ideas[1]  # the shared garden
RESIDENT = LINDENFELD.residents[
    4
]  # Mei Chen, who has not liked the garden (this module has its own runner)
CODE = DEMO_CODES[LINDENFELD.id][1]


def _verified_group(page: Any, base: str) -> None:
    visit(page, base + "/admin/groups/new")
    form = page.get_by_role("form", name="New group")
    form.get_by_role("textbox", name="Group name (English, required)").fill(GROUP)
    form.get_by_role("radio", name="Smart").check()
    rule = form.get_by_role("group", name="Rule 1")
    rule.get_by_role("combobox", name="Looks at").select_option(label="Identity verification")
    rule.get_by_role("combobox", name="Identity").select_option(label="verified")
    assert_accessible(page)
    form.get_by_role("button", name="Create group").click()
    page.get_by_role("heading", name=GROUP, level=1).wait_for()
    page.get_by_text("Identity verified").wait_for()
    assert_accessible(page)


def _only_the_group_may_react(page: Any, base: str) -> None:
    visit(page, base + "/admin/projects")
    page.get_by_role("link", name=IDEATION).click()
    page.get_by_role("heading", name="Edit project", level=1).wait_for()
    page.get_by_role("button", name=f"Edit phase {IDEATION_PHASE}").click()
    form = page.get_by_role("form", name="Edit phase")
    reacting = form.get_by_role("group", name="React to ideas")
    reacting.get_by_role("combobox", name="Who can do this").select_option(
        label="Members of chosen user groups"
    )
    reacting.get_by_role("checkbox", name=GROUP).check()
    assert_accessible(page)
    form.get_by_role("button", name="Save phase").click()
    form.wait_for(state="detached")


def _told_why_then_verifies_and_likes(page: Any, base: str) -> None:
    visit(page, base + "/")
    page.get_by_role("link", name=IDEATION).first.click()
    page.get_by_role("heading", name=IDEATION).wait_for()
    page.get_by_role("link", name=IDEA.title).first.click()
    page.get_by_role("heading", name=IDEA.title, level=1).wait_for()
    page.wait_for_load_state("networkidle")
    # The resident reads why they cannot react and the way to qualify.
    page.get_by_text("Reacting here is open to residents who verified their identity.").wait_for()
    assert page.get_by_role("button", name="Like", exact=True).is_disabled()
    assert_accessible(page)
    page.get_by_role("link", name="Verify your identity").first.click()
    page.get_by_role("heading", name="Enter a code").wait_for()
    page.wait_for_load_state("networkidle")
    assert_accessible(page)
    page.get_by_label("Your verification code").fill(CODE.lower().replace("-", " "))
    page.get_by_role("button", name="Verify", exact=True).click()
    page.get_by_text("Thank you: your identity is verified with your code.").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Continue where you were").click()
    page.get_by_role("heading", name=IDEA.title, level=1).wait_for()
    page.wait_for_load_state("networkidle")
    # Membership follows the rule at once: no worker has to run first.
    like = page.get_by_role("button", name="Like", exact=True)
    like.click()
    page.get_by_text("You like this idea.").wait_for()
    assert_accessible(page)


def test_a_resident_verifies_with_a_code_and_votes_in_a_verified_only_phase(
    runner: Any, browser: Any, screenshots: Path
) -> None:
    base = runner.base
    admin = browser.new_context().new_page()
    resident = browser.new_context().new_page()
    try:
        # GIVEN reacting restricted to a smart group of verified residents
        sign_in(admin, base, LINDENFELD.admin.email, LINDENFELD.admin.password)
        _verified_group(admin, base)
        group_url = admin.url
        _only_the_group_may_react(admin, base)
        # WHEN a resident who is not verified tries, verifies with a code and tries again
        sign_in(resident, base, RESIDENT.email, RESIDENT.password)
        _told_why_then_verifies_and_likes(resident, base)
        # THEN the group lists them once the worker has evaluated the rule
        wait_for_text(admin, group_url, f"{RESIDENT.first_name} {RESIDENT.last_name}")
    except Exception:
        admin.screenshot(path=str(screenshots / "admin.png"), full_page=True)
        resident.screenshot(path=str(screenshots / "resident.png"), full_page=True)
        raise
