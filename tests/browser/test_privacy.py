"""A resident's own data in a real browser, with axe-core on every page visited.

A first visit asks about cookies; the choice (functional only) is remembered
across visits. Samuel asks for his data on his profile and the download link
appears once the workflow made the archive; then he deletes his account and
is signed out, and his password no longer signs in.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from infra.local.demo_content import LINDENFELD
from tests.browser.accessibility import assert_accessible
from tests.browser.steps import sign_in, visit

pytestmark = pytest.mark.browser
RESIDENT = LINDENFELD.residents[3]  # Samuel: this module has its own runner
SLOW = 60_000  # ms: the archive's workflow runs on the local stack


def _banner(page: Any) -> Any:
    return page.get_by_role("region", name="Cookies on this site")


def test_cookie_choice_is_remembered(runner: Any, browser: Any) -> None:
    page = browser.new_context().new_page()
    base = runner.base  # localhost: Lindenfeld
    # GIVEN a first visit: the banner asks, analytics and marketing off
    visit(page, base + "/")
    banner = _banner(page)
    banner.wait_for()
    assert not banner.get_by_role("checkbox", name="Analytics cookies").is_checked()
    assert not banner.get_by_role("checkbox", name="Marketing cookies").is_checked()
    # WHEN the visitor keeps functional cookies only
    banner.get_by_role("button", name="Only functional cookies").click()
    banner.wait_for(state="detached")
    # THEN the choice is in a cookie and the banner does not come back on the next visit
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert cookies["th_consent"] == "v1.a0.m0"
    visit(page, base + "/projects")
    assert _banner(page).count() == 0
    # AND it can be changed at any time from the footer
    page.get_by_role("button", name="Cookie settings").click()
    _banner(page).wait_for()
    assert_accessible(page)
    page.keyboard.press("Escape")
    _banner(page).wait_for(state="detached")
    page.context.close()


def test_download_my_data_then_delete_the_account(runner: Any, browser: Any) -> None:
    context = browser.new_context()
    context.add_cookies([{"name": "th_consent", "value": "v1.a0.m0", "url": runner.base}])
    page = context.new_page()
    base = runner.base  # localhost: Lindenfeld
    sign_in(page, base, RESIDENT.email, RESIDENT.password)
    # WHEN Samuel asks for his data
    visit(page, base + "/profile")
    section = page.get_by_role("region", name="Your data")
    section.get_by_role("button", name="Download my data").click()
    # THEN the link appears once the archive is made
    link = section.get_by_role("link", name=re.compile(r"^Download my data \(archive of"))
    link.wait_for(timeout=SLOW)
    assert "/exports/" in (link.get_attribute("href") or "")
    assert_accessible(page)
    # WHEN he deletes his account with his password
    danger = page.get_by_role("region", name="Delete my account")
    danger.get_by_role("checkbox", name=re.compile("cannot be restored")).check()
    danger.get_by_label("Your password").fill(RESIDENT.password)
    danger.get_by_role("button", name="Delete my account").click()
    # THEN he is signed out, on the home page, told so
    page.get_by_text("Your account has been deleted.").wait_for()
    page.get_by_role("link", name="Sign in", exact=True).wait_for()
    assert_accessible(page)
    # AND his password signs in no more
    visit(page, base + "/sign-in")
    page.get_by_label("Email address").fill(RESIDENT.email)
    page.get_by_label("Password", exact=True).fill(RESIDENT.password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.get_by_role("alert").wait_for()
    assert "/sign-in" in page.url
    context.close()
