"""Roles and user groups in a real browser, with axe-core on every page visited.

The demo admin makes a resident project manager of one project, creates a
manual group and adds two residents to it from a pasted list of emails, and
creates a smart group of everyone with an example.org address (the groups
worker then evaluates it). The new project manager signs in and finds only
their project in the back-office, and can open it for editing.

In a second story the admin reads the registration questions and makes the
demo ideation phase ask one of them before residents react; a resident who
never answered it is asked in place when they like an idea, answers, and the
like goes through.

In a third story the admin closes the platform to visitors: a visitor is
shown the way in on the home page and on a project's page, signs in, and
sees the project.

In a fourth story the admin keeps commenting on proposals for verified
residents: a resident signs a citizen proposal, is told why they cannot
comment and how to qualify, verifies with a printed code and comments; a
second signature brings the proposal to its goal.

The runner's workers are asynchronous: every wait is for something on the
page, never a fixed sleep.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from infra.local.demo_content import LINDENFELD
from infra.local.demo_ideation import LINDENFELD_IDEATION
from infra.local.demo_registration import LINDENFELD as LINDENFELD_REGISTRATION
from infra.local.demo_verification import DEMO_CODES
from infra.local.seed_proposals import PROJECT_TITLE, PROPOSALS, THRESHOLD
from tests.browser.accessibility import assert_accessible
from tests.browser.steps import sign_in, until, visit, wait_for_text

pytestmark = pytest.mark.browser
MANAGED = LINDENFELD.folders[0].projects[0].title["en"]  # A new park on the old rail yard
NOT_MANAGED = LINDENFELD.folders[0].projects[1].title["en"]  # 1,000 trees for our streets
MANAGER = LINDENFELD.residents[3]  # Samuel Okafor
NEIGHBOURS = LINDENFELD.residents[:2]  # Sophie Martin, Jonas Becker
IDEATION = LINDENFELD_IDEATION.project_title["en"]  # A greener Lindenfeld
IDEATION_PHASE = LINDENFELD_IDEATION.phase_title["en"]  # Share your ideas
TRAVEL = LINDENFELD_REGISTRATION.questions[0].body["label"]["en"]  # How do you get around town?
NEWCOMER = LINDENFELD.residents[4]  # Mei Chen, who answered no registration question
LIKED = LINDENFELD_IDEATION.ideas[1]  # the shared garden, which Mei has not liked
CITIZEN_PROPOSALS = PROJECT_TITLE["en"]
REPAIR_CAFE = PROPOSALS[1]  # signed by Lotte and Mei: 2 of 4, collecting
SIGNER = LINDENFELD.residents[3]  # Samuel Okafor, not verified
# Theo moderates the ideation project only: here he signs as any resident (in English).
LAST_SIGNER = LINDENFELD.moderator
CODE = DEMO_CODES[LINDENFELD.id][0]


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


def _read_registration_questions(page: Any, base: str) -> None:
    visit(page, base + "/admin/registration")
    page.get_by_role("heading", name="Registration questions", level=1).wait_for()
    questions = page.get_by_role("region", name="Questions")
    questions.get_by_role("heading", name=TRAVEL, level=3).wait_for()
    page.get_by_role("region", name="Areas").get_by_role("heading", name="Old Town").wait_for()
    questions.get_by_role("button", name=f"Edit question {TRAVEL}").click()
    form = page.get_by_role("form", name="Edit question")
    form.get_by_text("Question type: Single choice.", exact=False).wait_for()
    assert_accessible(page)
    form.get_by_role("button", name="Cancel").click()
    form.wait_for(state="detached")


def _require_question_for_reacting(page: Any, base: str) -> None:
    visit(page, base + "/admin/projects")
    page.get_by_role("link", name=IDEATION).click()
    page.get_by_role("heading", name="Edit project", level=1).wait_for()
    page.get_by_role("button", name=f"Edit phase {IDEATION_PHASE}").click()
    form = page.get_by_role("form", name="Edit phase")
    reacting = form.get_by_role("group", name="React to ideas")
    reacting.get_by_role("combobox", name="Who can do this").wait_for()
    assert reacting.get_by_role("combobox", name="Who can do this").input_value() == "signed_in"
    reacting.get_by_role("group", name="Questions to answer first").get_by_role(
        "checkbox", name=TRAVEL
    ).check()
    assert_accessible(page)
    form.get_by_role("button", name="Save phase").click()
    form.wait_for(state="detached")
    # The saved rule is what the form shows when opened again.
    page.get_by_role("button", name=f"Edit phase {IDEATION_PHASE}").click()
    reacting = page.get_by_role("form", name="Edit phase").get_by_role(
        "group", name="React to ideas"
    )
    travel = reacting.get_by_role("checkbox", name=TRAVEL)
    travel.wait_for()
    assert travel.is_checked()


def _answer_in_place_then_like(page: Any, base: str) -> None:
    visit(page, base + "/")
    page.get_by_role("link", name=IDEATION).first.click()
    page.get_by_role("heading", name=IDEATION).wait_for()
    page.get_by_role("link", name=LIKED.title).first.click()
    page.get_by_role("heading", name=LIKED.title, level=1).wait_for()
    page.wait_for_load_state("networkidle")
    page.get_by_text("To react, answer a few questions about yourself first.").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Like", exact=True).click()
    # The question opens where the resident tried, its heading taking focus.
    heading = page.get_by_role("heading", name="A few questions first")
    heading.wait_for()
    assert heading.evaluate("element => element === document.activeElement")
    form = page.get_by_role("form", name="A few questions first")
    assert_accessible(page)
    form.get_by_label(TRAVEL).select_option(label="By bike")
    form.get_by_role("button", name="Save and continue").click()
    page.get_by_text("You like this idea.").wait_for()
    page.get_by_role("button", name="Like", exact=True).and_(
        page.locator("[aria-pressed=true]")
    ).wait_for()
    assert_accessible(page)


def test_admin_requires_a_question_for_reacting_and_a_resident_answers_it_in_place(
    runner: Any, browser: Any, screenshots: Path
) -> None:
    base = runner.base
    admin = browser.new_context().new_page()
    resident = browser.new_context().new_page()
    try:
        # GIVEN the demo admin, who reads the platform's registration questions
        sign_in(admin, base, LINDENFELD.admin.email, LINDENFELD.admin.password)
        _read_registration_questions(admin, base)
        # WHEN they make the ideation phase ask how residents get around before they react
        _require_question_for_reacting(admin, base)
        # THEN a resident who never answered it is asked in place, answers, and likes the idea
        sign_in(resident, base, NEWCOMER.email, NEWCOMER.password)
        _answer_in_place_then_like(resident, base)
    except Exception:
        admin.screenshot(path=str(screenshots / "admin.png"), full_page=True)
        resident.screenshot(path=str(screenshots / "resident.png"), full_page=True)
        raise


def _platform_visit(page: Any, base: str, audience: str) -> None:
    visit(page, base + "/admin/settings")
    form = page.get_by_role("form", name="Who can use the platform")
    form.get_by_label("Who can see the platform's content").select_option(label=audience)
    form.get_by_role("button", name="Save access").click()
    form.get_by_role("status").filter(has_text="Your changes have been saved.").wait_for()


def test_a_members_only_platform_shows_visitors_the_way_in_and_residents_everything(
    runner: Any, browser: Any, screenshots: Path
) -> None:
    base = runner.base
    admin = browser.new_context().new_page()
    visitor = browser.new_context().new_page()
    try:
        # GIVEN a project page a visitor can open, and an admin who closes the platform to visitors
        visit(visitor, base + "/")
        visitor.get_by_role("link", name=MANAGED).first.click()
        visitor.get_by_role("heading", name=MANAGED, level=1).wait_for()
        project_url = str(visitor.url)
        sign_in(admin, base, LINDENFELD.admin.email, LINDENFELD.admin.password)
        _platform_visit(admin, base, "Signed-in residents only")
        assert_accessible(admin)
        # WHEN the visitor opens the home page and the project again
        for url in (base + "/", project_url):
            visit(visitor, url)
            # THEN they are told the platform is for residents, with the way in, and no content
            visitor.get_by_role(
                "heading", name="City of Lindenfeld is for its residents"
            ).wait_for()
            assert visitor.get_by_role("link", name=MANAGED).count() == 0
        visitor.get_by_role("link", name="Sign in").last.click()
        visitor.get_by_label("Email address").fill(NEWCOMER.email)
        visitor.get_by_label("Password", exact=True).fill(NEWCOMER.password)
        visitor.get_by_role("button", name="Sign in", exact=True).click()
        visitor.get_by_role("link", name="Your profile").wait_for()
        # AND once signed in, the resident sees the projects
        visit(visitor, project_url)
        visitor.get_by_role("heading", name=MANAGED, level=1).wait_for()
    except Exception:
        admin.screenshot(path=str(screenshots / "admin.png"), full_page=True)
        visitor.screenshot(path=str(screenshots / "visitor.png"), full_page=True)
        raise
    finally:
        # The module's other stories expect an open platform.
        _platform_visit(admin, base, "Everyone, also visitors who are not signed in")


def _comment_proposals(page: Any, base: str, audience: str) -> None:
    visit(page, base + "/admin/settings")
    form = page.get_by_role("form", name="Who can use the platform")
    form.get_by_label("Who can comment on proposals").select_option(label=audience)
    form.get_by_role("button", name="Save access").click()
    form.get_by_role("status").filter(has_text="Your changes have been saved.").wait_for()


def _open_repair_cafe(page: Any, base: str) -> str:
    visit(page, base + "/")
    page.get_by_role("link", name=CITIZEN_PROPOSALS).first.click()
    page.get_by_role("heading", name=CITIZEN_PROPOSALS, level=1).wait_for()
    page.get_by_role("link", name=REPAIR_CAFE.title["en"]).first.click()
    page.get_by_role("heading", name=REPAIR_CAFE.title["en"], level=1).wait_for()
    page.wait_for_load_state("networkidle")
    return str(page.url)


def _sign(page: Any, url: str, before: int) -> None:
    # The seeded signatures are counted by the worker: wait for them, then sign.
    wait_for_text(page, url, f"{before} of {THRESHOLD} signatures")
    page.get_by_role("button", name="Sign this proposal").click()
    page.get_by_role("button", name="Withdraw my signature").wait_for()
    page.get_by_role("progressbar", name=f"{before + 1} of {THRESHOLD} signatures").wait_for()
    assert_accessible(page)


def test_commenting_on_proposals_kept_for_verified_residents_who_sign_and_verify(
    runner: Any, browser: Any, screenshots: Path
) -> None:
    base = runner.base
    admin = browser.new_context().new_page()
    resident = browser.new_context().new_page()
    other = browser.new_context().new_page()
    try:
        # GIVEN an admin who keeps commenting on proposals for verified residents
        sign_in(admin, base, LINDENFELD.admin.email, LINDENFELD.admin.password)
        _comment_proposals(admin, base, "Residents who verified their identity")
        assert_accessible(admin)
        # WHEN a resident who has not verified opens a proposal and signs it
        sign_in(resident, base, SIGNER.email, SIGNER.password)
        url = _open_repair_cafe(resident, base)
        resident.get_by_text("The town council debates it", exact=False).first.wait_for()
        _sign(resident, url, before=len(REPAIR_CAFE.signed_by))
        # THEN they are told why they cannot comment, and the way to qualify
        resident.get_by_text(
            "Commenting here is open to residents who verified their identity."
        ).wait_for()
        assert resident.get_by_role("button", name="Post comment").count() == 0
        resident.get_by_role("link", name="Verify your identity").first.click()
        resident.get_by_role("heading", name="Enter a code").wait_for()
        resident.get_by_label("Your verification code").fill(CODE)
        resident.get_by_role("button", name="Verify", exact=True).click()
        resident.get_by_text("Thank you: your identity is verified with your code.").wait_for()
        resident.get_by_role("link", name="Continue where you were").click()
        resident.get_by_role("heading", name=REPAIR_CAFE.title["en"], level=1).wait_for()
        # AND once verified they comment
        resident.get_by_label("Add a comment").fill("I can bring my soldering iron.")
        resident.get_by_role("button", name="Post comment").click()
        resident.get_by_text("I can bring my soldering iron.").wait_for()
        assert_accessible(resident)
        # AND a last signature brings the proposal to its goal, once the worker counted it
        assert LAST_SIGNER is not None
        sign_in(other, base, LAST_SIGNER.email, LAST_SIGNER.password)
        _sign(other, url, before=len(REPAIR_CAFE.signed_by) + 1)

        def reached() -> bool:
            visit(other, url)
            return bool(other.get_by_text("Reached its goal").count())

        until(other, reached, "the proposal reaching its goal")
    except Exception:
        for name, page in (("admin", admin), ("resident", resident), ("other", other)):
            page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
        raise
    finally:
        # The module's other stories expect the default.
        _comment_proposals(admin, base, "Signed-in residents")
