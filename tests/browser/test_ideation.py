"""Ideation end to end in a real browser, with axe-core on every page visited.

A resident posts an idea with an image and a pin on the map, and finds it in the
project's list (searched) and on its map (the search kept); another resident
likes it and comments with a mention of its author; the admin changes its
status and posts an official update; the author finds the notifications in
the app, and the admin finds the emails in the local mail viewer.
"""

from __future__ import annotations

import io
import re
import uuid
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from infra.local.demo_content import LINDENFELD
from tests.browser.accessibility import assert_accessible
from tests.browser.steps import sign_in, until, visit, wait_for_text

pytestmark = pytest.mark.browser
PROJECT = "A greener Lindenfeld"
AUTHOR, NEIGHBOUR = LINDENFELD.residents[3], LINDENFELD.residents[4]  # Samuel, Mei
SLOW = 30_000  # ms: the runner's event pump derives counts and notifications


def _photo(folder: Path) -> Path:
    path = folder / "bench.jpg"
    image = Image.new("RGB", (1600, 1200), (40, 120, 60))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    path.write_bytes(buffer.getvalue())
    return path


def _post_idea(page: Any, base: str, title: str, photo: Path) -> str:
    visit(page, base + "/")
    page.get_by_role("link", name=PROJECT).first.click()
    page.get_by_role("heading", name=PROJECT).wait_for()
    page.get_by_role("link", name="Post your idea").click()
    page.get_by_role("heading", name="Post your idea").wait_for()
    assert_accessible(page)
    # A failed submit shows the error summary first.
    page.get_by_role("button", name="Publish idea").click()
    page.get_by_role("alert").filter(has_text="There is a problem").wait_for()
    page.get_by_label("Title").fill(title)
    page.get_by_role("textbox", name=re.compile(r"^Description")).fill(
        "A bench under the chestnut tree, so that older neighbours can rest on the way."
    )
    page.get_by_role("checkbox", name="Trees and parks").check()
    page.get_by_label(re.compile(r"^How often are you there")).select_option(label="Every day")
    page.get_by_label(re.compile(r"^Add images")).set_input_files(str(photo))
    page.get_by_role("img", name=re.compile(r"^Image 1")).wait_for(timeout=SLOW)
    page.get_by_label("Map to place your idea").click(position={"x": 200, "y": 120})
    assert page.get_by_label("Latitude").input_value() != ""
    assert_accessible(page)
    page.get_by_role("button", name="Publish idea").click()
    page.get_by_role("heading", name=title).wait_for()
    page.wait_for_load_state("networkidle")
    assert_accessible(page)
    return str(page.url)


def _find_in_list_and_on_map(page: Any, base: str, title: str) -> None:
    """The project page lists the new idea (by a search for its unique word) and maps its pin.

    The search index is written by the runner's asynchronous worker: the project page is
    opened again until the search finds the idea.
    """
    word = title.rsplit(" ", 1)[1]
    visit(page, base + "/")
    page.get_by_role("link", name=PROJECT).first.click()
    page.get_by_role("heading", name=PROJECT).wait_for()
    project_url = str(page.url)
    shown, no_match = (
        page.get_by_text("1 idea shown", exact=True),
        page.get_by_text("No ideas match your search or filters."),
    )

    def found() -> bool:
        visit(page, project_url)  # axe-core on the project page with its list of ideas
        search = page.get_by_role("searchbox", name="Search ideas")
        search.fill(word)
        search.press("Enter")
        shown.or_(no_match).first.wait_for(timeout=SLOW)
        return bool(shown.count())

    until(page, found, f"the search for {word!r} finding the new idea")
    page.get_by_role("link", name=title).wait_for()
    assert_accessible(page)
    # The map keeps the search: the new idea's pin alone, named by its title.
    page.get_by_role("button", name="Map", exact=True).click()
    page.get_by_text("1 idea on the map. The cards view lists every idea.").wait_for(timeout=SLOW)
    page.get_by_role("region", name="Map of ideas").get_by_role("button", name=title).wait_for()
    assert_accessible(page)


def _like_and_mention(page: Any, idea_url: str) -> None:
    visit(page, idea_url)
    page.get_by_role("button", name="Like", exact=True).click()
    page.get_by_text("You like this idea.").wait_for()
    box = page.get_by_role("textbox", name="Add a comment")
    box.fill("Lovely idea ")
    box.press_sequentially("@Samu")
    page.get_by_role("listbox", name="People to mention").get_by_role(
        "option", name=re.compile(r"^Samuel O\.")
    ).click()
    box.press_sequentially(" I would sit there every day.")
    page.get_by_role("button", name="Post comment").click()
    page.get_by_role("article", name=re.compile(r"^Comment by Mei C\.")).wait_for()
    page.get_by_text("@Samuel O.").first.wait_for()
    assert_accessible(page)


def _give_feedback(page: Any, idea_url: str) -> None:
    visit(page, idea_url)
    page.get_by_role("combobox", name="Status").select_option(label="Accepted")
    page.get_by_role("button", name="Save status").click()
    page.get_by_text("The status has been saved.").wait_for()
    page.get_by_role("textbox", name=re.compile(r"^Official update \(English")).fill(
        "The parks team will place the bench in the spring."
    )
    page.get_by_role("button", name="Publish update").click()
    page.get_by_role("article", name=re.compile(r"^Official update from")).wait_for()
    assert_accessible(page)


def test_post_react_comment_feedback_and_notifications(
    runner: Any, browser: Any, screenshots: Path
) -> None:
    base = runner.base
    title = f"A bench under the chestnut {uuid.uuid4().hex[:6]}"
    author = browser.new_context().new_page()
    neighbour = browser.new_context().new_page()
    admin = browser.new_context().new_page()
    try:
        # GIVEN a resident who posts an idea with an image and a pin
        sign_in(author, base, AUTHOR.email, AUTHOR.password)
        idea_url = _post_idea(author, base, title, _photo(screenshots))
        # AND finds it in the project's list and on its map
        _find_in_list_and_on_map(author, base, title)
        # WHEN a neighbour likes it and mentions the author in a comment
        sign_in(neighbour, base, NEIGHBOUR.email, NEIGHBOUR.password)
        _like_and_mention(neighbour, idea_url)
        # AND the admin accepts it and posts an official update
        sign_in(admin, base, LINDENFELD.admin.email, LINDENFELD.admin.password)
        _give_feedback(admin, idea_url)
        # THEN the author's notification centre has the mention, the status and the update
        for text in (
            "Mei C. mentioned you in a comment on",
            "The status of",
            "has an official update",
        ):
            wait_for_text(author, base + "/notifications", text)
        author.get_by_role("link", name=title).first.wait_for()
        # AND the idea shows the like and the comment in its counts
        visit(author, idea_url)
        author.get_by_text("1 like").first.wait_for()
        # AND the mention, status and official-update emails reached the mail viewer
        # (the mailer is asynchronous: wait for each subject, not just the first mail)
        for subject in (
            re.compile("mentioned you on"),
            re.compile(f"The status of “{re.escape(title)}” has changed"),
            re.compile(f"Official update on “{re.escape(title)}”"),
        ):
            wait_for_text(admin, base + "/admin/mail", subject)
        assert admin.get_by_text(AUTHOR.email).count()
    except Exception:
        for name, page in (("author", author), ("neighbour", neighbour), ("admin", admin)):
            page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
        raise
