"""Steps every browser story takes: visit with axe-core, sign in, wait for the workers."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.accessibility import assert_accessible


def visit(page: Any, url: str) -> None:
    """Open ``url``, let it settle, and check it with axe-core."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert_accessible(page)


def sign_in(page: Any, base: str, email: str, password: str) -> None:
    visit(page, base + "/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.get_by_role("link", name=re.compile(r"^Notifications")).wait_for()


def wait_for_text(page: Any, url: str, text: str | re.Pattern[str], tries: int = 15) -> None:
    """Reload ``url`` until ``text`` shows (the runner's workers are asynchronous)."""
    for _ in range(tries):
        visit(page, url)
        if page.get_by_text(text).count():
            return
        page.wait_for_timeout(2_000)
    raise AssertionError(f"{text!r} never appeared on {url}")
