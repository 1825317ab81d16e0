"""Steps every browser story takes: visit with axe-core, sign in, wait for the workers."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
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


WORKER_SECONDS = 120.0  # the runner's asynchronous workers, on a busy two-core machine


def until(
    page: Any, attempt: Callable[[], bool], what: str, seconds: float = WORKER_SECONDS
) -> None:
    """Repeat ``attempt`` (which reloads and looks) until it is true, failing after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not attempt():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {seconds:.0f} s")
        page.wait_for_timeout(1_000)


def wait_for_text(page: Any, url: str, text: str | re.Pattern[str]) -> None:
    """Reload ``url`` until ``text`` shows (the runner's workers are asynchronous)."""

    def shows() -> bool:
        visit(page, url)
        return bool(page.get_by_text(text).count())

    until(page, shows, f"{text!r} on {url}")
