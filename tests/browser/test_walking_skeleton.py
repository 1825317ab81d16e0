"""The walking skeleton in a real browser, with axe-core on every page visited.

A resident signs up; the admin reads the confirmation email in the local
mail viewer; the resident confirms; the admin creates a project with a phase
and publishes it; the resident finds it on the home page and opens it.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest

from infra.local.demo_content import LINDENFELD
from tests.browser.accessibility import assert_accessible
from tests.browser.steps import until

pytestmark = pytest.mark.browser
CONFIRM_LINK = re.compile(r"https?://[^\s\"'<>]+/confirm-email\?token=[A-Za-z0-9_-]+")


def _visit(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert_accessible(page)


def _sign_up(page: Any, base: str, email: str) -> None:
    _visit(page, base + "/")
    page.get_by_role("link", name="Create an account").first.click()
    page.wait_for_load_state("networkidle")
    assert_accessible(page)
    # A failed submit shows an error summary that takes focus.
    page.get_by_role("button", name="Create account").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    summary.wait_for()
    assert_accessible(page)
    page.get_by_label("First name").fill("Noor")
    page.get_by_label("Last name").fill("Haddad")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill("a long and private passphrase")
    page.get_by_role("button", name="Create account").click()
    page.get_by_role("heading", name="Check your email").wait_for()
    assert_accessible(page)


def _sign_in(page: Any, base: str, email: str, password: str) -> None:
    _visit(page, base + "/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.get_by_role("link", name="Back-office").wait_for()


def _confirmation_link(page: Any, base: str, email: str) -> str:
    _visit(page, base + "/admin/mail")
    # On a first start the mailer is still sending the demo's notification emails.

    def arrived() -> bool:
        if page.get_by_text(email).count():
            return True
        page.get_by_role("button", name="Check for new emails").click()
        return False

    until(page, arrived, f"an email to {email} in the mail viewer")
    match = CONFIRM_LINK.search(page.content())
    assert match, "no confirmation link in the mail viewer"
    return match.group(0).replace("&amp;", "&")


def _create_published_project(page: Any, base: str, title: str, phase: str) -> None:
    _visit(page, base + "/admin/projects")
    page.get_by_role("link", name="New project").click()
    page.get_by_role("heading", name="New project").wait_for()
    assert_accessible(page)
    page.get_by_label(re.compile(r"^Title \(English")).fill(title)
    page.get_by_role("textbox", name=re.compile(r"^Description \(English")).fill(
        "Slower traffic and more room to play in the residential streets."
    )
    page.get_by_role("button", name="Create project").click()
    page.get_by_role("heading", name="Edit project").wait_for()
    page.get_by_role("button", name="Add a phase").click()
    page.get_by_label(re.compile(r"^Phase title \(English")).fill(phase)
    page.get_by_role("textbox", name=re.compile(r"^Phase description \(English")).fill(
        "Mark the streets where cars drive too fast."
    )
    page.get_by_label("Start date").fill("2026-01-01")
    page.get_by_label("Participation method").select_option("information")
    page.get_by_role("button", name="Add phase").click()
    page.get_by_text(phase).first.wait_for()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile(r"^Publish")).click()
    page.get_by_text("Published").first.wait_for()
    assert_accessible(page)


def test_sign_up_confirm_create_publish_and_see_it(
    runner: Any, browser: Any, screenshots: Any
) -> None:
    base = runner.base
    email = f"noor.{uuid.uuid4().hex[:8]}@example.org"
    title = f"Quiet streets {uuid.uuid4().hex[:6]}"
    phase = "Tell us where"
    resident = browser.new_context().new_page()
    admin = browser.new_context().new_page()
    try:
        # GIVEN a resident who signs up
        _sign_up(resident, base, email)
        # WHEN the admin finds the confirmation email and the resident opens its link
        _sign_in(admin, base, LINDENFELD.admin.email, LINDENFELD.admin.password)
        link = _confirmation_link(admin, base, email)
        _visit(resident, link.replace(link.split("/confirm-email")[0], base))
        resident.get_by_text("Your email address is confirmed").wait_for()
        assert_accessible(resident)
        # AND the admin creates and publishes a project with a phase
        _create_published_project(admin, base, title, phase)
        # THEN the resident sees it on the home page and on its own page
        _visit(resident, base + "/")
        resident.get_by_role("link", name=title).click()
        resident.get_by_role("heading", name=title).wait_for()
        resident.get_by_text(phase).first.wait_for()
        assert_accessible(resident)
    except Exception:
        resident.screenshot(path=str(screenshots / "resident.png"), full_page=True)
        admin.screenshot(path=str(screenshots / "admin.png"), full_page=True)
        raise
