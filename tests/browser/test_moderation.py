"""Moderation and the input manager in a real browser, with axe-core on every page visited.

A resident reports a neighbour's comment and is stopped by the profanity
filter; the project's moderator finds the report in the activity queue, hides
the comment and blocks its author; the author is told why, and until when;
the admin reads both actions in the audit trail, filters a new word, lifts
the block and restores the comment. Then the admin assigns an idea, changes
its status in bulk, writes an internal note, exports the list (waiting for
the file with its progress) and copies an idea to a later phase.

A resident reports an idea; the moderator narrows the queue to the project's
reported ideas, marks it reviewed, then deletes it; the admin allows a built-in
word (a resident's comment with it is then posted) and switches the filter off
and on. In the input manager the admin posts an official update alone on an
idea, moves it to the shortlist with its votes reset, and exports to XLSX.

The stories share one runner (module scope) and use different demo ideas, so
their order does not matter. The runner's workers are asynchronous: every wait
is for something on the page, never a fixed sleep.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
import requests

from infra.local.demo_content import LINDENFELD
from infra.local.demo_ideation import IDEATION
from tests.browser.accessibility import assert_accessible
from tests.browser.steps import sign_in, until, visit, wait_for_text

pytestmark = pytest.mark.browser
PROJECT = "A greener Lindenfeld"
IDEA = "Shade trees along Mühlenweg"
REPORTER, AUTHOR = LINDENFELD.residents[3], LINDENFELD.residents[4]  # Samuel, Mei
MODERATOR = LINDENFELD.moderator
COMMENT = "Yes! My children walk there every morning."
SEEDED_ASSIGNMENT = IDEATION[LINDENFELD.id].ideas[-1].title  # the demo assigns it to the admin
SLOW = 30_000  # ms: the runner's event pump fills the queue and prepares exports


def _open_idea(page: Any, base: str) -> str:
    visit(page, base + "/")
    page.get_by_role("link", name=PROJECT).first.click()
    page.get_by_role("link", name=IDEA).first.click()
    page.get_by_role("heading", name=IDEA).wait_for()
    page.wait_for_load_state("networkidle")
    assert_accessible(page)
    return str(page.url)


def _report_and_swear(page: Any, base: str) -> str:
    idea_url = _open_idea(page, base)
    page.get_by_role("button", name="Report the comment by Mei C.").click()
    dialog = page.get_by_role("dialog", name="Report the comment by Mei C.")
    dialog.get_by_role("radio", name="Spam or advertising").check()
    assert_accessible(page)
    dialog.get_by_role("button", name="Send report").click()
    page.get_by_text("Thank you. A moderator will look at it.").wait_for()
    # The profanity filter names the word, and the comment is not posted.
    page.get_by_role("textbox", name="Add a comment").fill("What a load of sh1iit, honestly.")
    page.get_by_role("button", name="Post comment").click()
    page.get_by_text(re.compile(r"Please remove “sh1iit”")).wait_for()
    assert_accessible(page)
    return idea_url


def _hide_and_block(page: Any, base: str) -> None:
    row = f"Select Comment by Mei C.: {COMMENT}"

    def queued() -> bool:  # the moderation worker adds the report to the queue
        # The filter comes from the address: choosing it in the select instead would
        # leave the unfiltered rows on screen until the filtered list arrived, and
        # "networkidle", reached once already, would not wait for that request.
        visit(page, base + "/admin/moderation?reported=true")
        assert page.get_by_label("Reports").input_value() == "true"
        return bool(page.get_by_role("checkbox", name=row).count())

    until(page, queued, "the reported comment in the queue")
    page.get_by_role("checkbox", name=row).check()
    page.get_by_role("button", name="Block the author").click()
    dialog = page.get_by_role("dialog", name="Block Mei C.")
    dialog.get_by_role("radio", name="7 days").check()
    dialog.get_by_role("textbox", name="Reason").fill("Repeated advertising")
    assert_accessible(page)
    dialog.get_by_role("button", name="Block this person").click()
    page.get_by_role("status").filter(has_text="1 done, 0 not done.").wait_for()
    page.get_by_role("checkbox", name=row).check()
    page.get_by_role("button", name="Hide", exact=True).click()
    dialog = page.get_by_role("dialog", name="Hide the selected item")
    dialog.get_by_role("textbox", name="Reason").fill("Off-topic advertising")
    assert_accessible(page)
    dialog.get_by_role("button", name="Hide", exact=True).click()
    page.get_by_role("status").filter(has_text="1 done, 0 not done.").wait_for()
    # Hidden means reviewed: the row leaves the "not reviewed" queue.
    page.get_by_role("checkbox", name=row).wait_for(state="detached")
    visit(page, base + "/admin/moderation/blocks")
    page.get_by_role("cell", name="Repeated advertising").wait_for()


def _sees_why(page: Any, idea_url: str) -> None:
    visit(page, idea_url)
    page.get_by_text("A moderator hid this comment.").wait_for()
    page.get_by_text("Reason: Off-topic advertising").wait_for()
    page.get_by_text(re.compile(r"You cannot post, react or comment until")).first.wait_for()
    page.get_by_text("Reason: Repeated advertising").first.wait_for()
    assert page.get_by_role("button", name="Post comment").count() == 0


def _audit(page: Any, base: str) -> None:
    visit(page, base + "/admin/moderation/audit")
    table = page.get_by_role("table", name="Audit trail, newest first")
    table.get_by_role("cell", name="Blocked a person").wait_for()
    table.get_by_role("cell", name="Hid", exact=True).wait_for()
    assert table.get_by_role("cell", name="Off-topic advertising").count() == 1
    assert table.get_by_text("Theo B.").count() >= 2


def _add_word_and_unblock(page: Any, base: str) -> None:
    visit(page, base + "/admin/moderation/profanity")
    english = page.get_by_role("region", name="English")
    english.get_by_role("textbox", name="Words to filter in English").fill("flimflam")
    english.get_by_role("button", name="Add to the filter").click()
    english.get_by_role("list", name="Words added in English").get_by_text("flimflam").wait_for()
    assert_accessible(page)
    visit(page, base + "/admin/moderation/blocks")
    page.get_by_role("button", name="Unblock Mei C.").click()
    page.get_by_role("button", name="Yes, unblock").click()
    page.get_by_text("Mei C. can take part again.").wait_for()
    assert_accessible(page)


def _restore(page: Any, base: str) -> None:
    visit(page, base + "/admin/moderation")
    page.get_by_label("Review").select_option(label="Any")
    page.get_by_label("State").select_option(label="Hidden")
    page.get_by_role("checkbox", name=f"Select Comment by Mei C.: {COMMENT}").check()
    page.get_by_role("button", name="Restore").click()
    page.get_by_role("status").filter(has_text="1 done, 0 not done.").wait_for()
    assert_accessible(page)


def _refused_new_word(page: Any, idea_url: str) -> None:
    visit(page, idea_url)
    page.get_by_text(COMMENT).wait_for()  # restored for everyone
    page.get_by_role("textbox", name="Add a comment").fill("Pure flimflam.")
    page.get_by_role("button", name="Post comment").click()
    page.get_by_text(re.compile(r"Please remove “flimflam”")).wait_for()


def test_report_filter_hide_block_and_audit(runner: Any, browser: Any, screenshots: Path) -> None:
    assert MODERATOR is not None
    base = runner.base
    reporter = browser.new_context().new_page()
    moderator = browser.new_context().new_page()
    author = browser.new_context().new_page()
    admin = browser.new_context().new_page()
    pages = {"reporter": reporter, "moderator": moderator, "author": author, "admin": admin}
    try:
        # GIVEN a resident who reports a neighbour's comment (and whose swearing is refused)
        sign_in(reporter, base, REPORTER.email, REPORTER.password)
        idea_url = _report_and_swear(reporter, base)
        # WHEN the project's moderator, told of the report, hides the comment and blocks its author
        sign_in(moderator, base, MODERATOR.email, MODERATOR.password)
        wait_for_text(moderator, base + "/notifications", "was reported and awaits moderation")
        _hide_and_block(moderator, base)
        # THEN the author sees why the comment is hidden, and until when they are blocked
        sign_in(author, base, AUTHOR.email, AUTHOR.password)
        _sees_why(author, idea_url)
        # AND the admin reads both actions, who took them and why, in the audit trail
        sign_in(admin, base, LINDENFELD.admin.email, LINDENFELD.admin.password)
        _audit(admin, base)
        # WHEN the admin filters a new word, lifts the block and restores the comment
        _add_word_and_unblock(admin, base)
        _restore(admin, base)
        # THEN the comment is back, and the new word is refused like the built-in ones
        _refused_new_word(reporter, idea_url)
    except Exception:
        for name, page in pages.items():
            page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
        raise


def _assign_and_accept(page: Any, base: str) -> None:
    visit(page, base + "/admin/inputs")
    page.get_by_role("checkbox", name=f"Select “{IDEA}”").check()
    page.get_by_role("button", name="Assign", exact=True).click()
    page.get_by_label("Assign to").select_option(label="Ada V.")
    page.get_by_role("button", name="Assign 1 input").click()
    page.get_by_text("1 input assigned").wait_for()
    page.get_by_role("button", name="Assigned to me").click()
    page.get_by_role("link", name=IDEA).wait_for()
    page.get_by_role("checkbox", name=f"Select “{IDEA}”").check()
    page.get_by_role("button", name="Status or official update").click()
    page.get_by_label("New status").select_option(label="Accepted")
    assert_accessible(page)
    page.get_by_role("button", name="Apply to 1 input").click()
    page.get_by_text("1 input has the new status").wait_for()
    page.get_by_role("row", name=re.compile(IDEA)).get_by_text("Accepted").wait_for()


def _note(page: Any) -> None:
    page.get_by_role("button", name=re.compile(r"^Details\W+" + re.escape(IDEA))).click()
    page.get_by_role("heading", name="Internal notes").wait_for()
    page.get_by_role("textbox", name="New note").fill("Checked with the parks team: feasible.")
    page.get_by_role("button", name="Add note").click()
    page.get_by_text("Checked with the parks team: feasible.").wait_for()
    assert_accessible(page)


def _export(page: Any) -> list[dict[str, str]]:
    page.get_by_label("File format").select_option(label="Comma-separated values (.csv)")
    page.get_by_role("button", name="Export", exact=True).click()
    link = page.get_by_role("link", name=re.compile(r"^Download the export \(CSV"))
    link.wait_for(timeout=SLOW)
    assert_accessible(page)
    href = link.get_attribute("href")
    assert href
    response = requests.get(href, timeout=30)
    response.raise_for_status()
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


LIKES = 6  # the input table's cells: selection, project, phase, author, status, assignee, likes…


def _likes(row: Any) -> int:
    return int(row.get_by_role("cell").nth(LIKES).inner_text())


def _copy_keeping_votes(page: Any, base: str) -> None:
    rows = page.get_by_role("row", name=re.compile(re.escape(SEEDED_ASSIGNMENT)))

    def counted() -> bool:  # the ideation worker counts the demo's likes
        visit(page, base + "/admin/inputs")
        return _likes(rows.first) > 0

    until(page, counted, f"likes counted on {SEEDED_ASSIGNMENT!r}")
    liked = _likes(rows.first)
    rows.first.get_by_role("checkbox").check()
    page.get_by_role("button", name="Move or copy").click()
    page.get_by_label("To phase").select_option(label="Refine the shortlist")
    page.get_by_role("radio", name=re.compile(r"^Copy the inputs")).check()
    page.get_by_role("radio", name="Keep the votes").check()
    page.get_by_role("button", name="Continue").click()
    assert_accessible(page)
    page.get_by_role("button", name="Yes, copy").click()
    page.get_by_text("1 copy was made: it starts a new input in the chosen phase.").wait_for()
    copy = rows.filter(has_text="Refine the shortlist")
    copy.wait_for()
    assert liked > 0 and _likes(copy) == liked


def test_input_manager_assign_status_note_and_export(
    runner: Any, browser: Any, screenshots: Path
) -> None:
    base = runner.base
    admin = browser.new_context().new_page()
    try:
        # GIVEN the admin in the input manager
        sign_in(admin, base, LINDENFELD.admin.email, LINDENFELD.admin.password)
        # WHEN they assign an idea to themselves and accept it in bulk, and note why
        _assign_and_accept(admin, base)
        _note(admin)
        # THEN the export of the current view ("assigned to me") holds exactly that idea
        rows = {row["Title"]: row for row in _export(admin)}
        assert set(rows) == {IDEA, SEEDED_ASSIGNMENT}
        assert rows[IDEA]["Status"] == "Accepted"
        assert {row["Assignee"] for row in rows.values()} == {"Ada V."}
        # AND an idea copied to the shortlist phase keeps its votes there
        _copy_keeping_votes(admin, base)
    except Exception:
        admin.screenshot(path=str(screenshots / "admin.png"), full_page=True)
        raise


REPORTED_IDEA = "Trinkbrunnen am Marktplatz"  # by Jonas B.; reported, reviewed, then deleted
MOVED_IDEA = "Un jardin partagé derrière la bibliothèque"  # updated, then moved with votes reset
ALLOWED_WORD = "bollocks"  # a built-in English word the admin allows


def _report_idea(page: Any, base: str) -> str:
    visit(page, base + "/")
    page.get_by_role("link", name=PROJECT).first.click()
    page.get_by_role("link", name=REPORTED_IDEA).first.click()
    page.get_by_role("heading", name=REPORTED_IDEA).wait_for()
    page.wait_for_load_state("networkidle")
    idea_url = str(page.url)
    page.get_by_role("button", name=f"Report the idea {REPORTED_IDEA}").click()
    dialog = page.get_by_role("dialog", name=f"Report the idea “{REPORTED_IDEA}”")
    dialog.get_by_role("radio", name="Inappropriate or offensive").check()
    assert_accessible(page)
    dialog.get_by_role("button", name="Send report").click()
    page.get_by_text("Thank you. A moderator will look at it.").wait_for()
    return idea_url


def _queue_row(page: Any) -> Any:
    return page.get_by_role("checkbox", name=f"Select Idea by Jonas B.: {REPORTED_IDEA}")


def _filter_queue(page: Any, base: str) -> None:
    """The project's reported ideas, not reviewed yet, reloaded until the worker queued it."""
    visit(page, base + "/admin/moderation")
    page.get_by_label("Project").select_option(label=PROJECT)
    page.get_by_label("Type").select_option(label="Idea")
    page.get_by_label("Reports").select_option(label="Reported")
    page.wait_for_url(re.compile(r"reported=true"))
    filtered = str(page.url)  # the filters are in the address

    def queued() -> bool:
        # A fresh load lists the filtered rows only; right after choosing the
        # filters, the unfiltered rows stay on screen until the new list arrives.
        visit(page, filtered)
        return bool(_queue_row(page).count())

    until(page, queued, "the reported idea in the filtered queue")
    assert_accessible(page)
    # Only ideas of the chosen project are listed: no comment, no other project.
    assert page.get_by_role("checkbox", name=re.compile(r"^Select Comment by")).count() == 0
    table = page.get_by_role("table", name="Ideas and comments to moderate, newest first")
    for row in table.get_by_role("row").all()[1:]:
        assert PROJECT in row.inner_text()


def _review_then_delete(page: Any) -> None:
    row = page.get_by_role("row").filter(has=_queue_row(page))
    _queue_row(page).check()
    page.get_by_role("button", name="Mark reviewed").click()
    page.get_by_role("status").filter(has_text="1 done, 0 not done.").wait_for()
    # Reviewed leaves the "not reviewed" queue; "Any" shows it again, marked reviewed.
    _queue_row(page).wait_for(state="detached")
    page.get_by_label("Review").select_option(label="Any")
    row.get_by_text("Visible · reviewed").wait_for()
    _queue_row(page).check()
    page.get_by_role("button", name="Delete", exact=True).click()
    dialog = page.get_by_role("alertdialog", name="Delete the selected item?")
    dialog.get_by_role("textbox", name="Reason").fill("Reported as offensive; confirmed")
    assert_accessible(page)
    dialog.get_by_role("button", name="Delete for good").click()
    # The summary reads as before; the row leaving the queue says the delete is done.
    _queue_row(page).wait_for(state="detached")


def _allow_word_and_switch(page: Any, base: str) -> None:
    visit(page, base + "/admin/moderation/profanity")
    english = page.get_by_role("region", name="English")
    english.get_by_role("textbox", name="Words to allow in English").fill(ALLOWED_WORD)
    english.get_by_role("button", name="Allow these words").click()
    allowed = english.get_by_role("list", name="Words allowed in English")
    allowed.get_by_text(ALLOWED_WORD).wait_for()
    switch = page.get_by_role("switch", name="Refuse ideas and comments with profanity")
    assert switch.is_checked()
    # The switch shows the saved state: it flips once the server has answered.
    switch.click()
    page.get_by_role("status").filter(has_text="The filter is off.").wait_for()
    assert not switch.is_checked()
    assert_accessible(page)
    switch.click()
    page.get_by_role("status").filter(has_text="The filter is on.").wait_for()
    assert switch.is_checked()
    # Both changes were saved: a fresh visit shows the filter on and the word allowed.
    visit(page, base + "/admin/moderation/profanity")
    assert page.get_by_role("switch", name="Refuse ideas and comments with profanity").is_checked()
    page.get_by_role("list", name="Words allowed in English").get_by_text(ALLOWED_WORD).wait_for()


def _post_allowed_word(page: Any, base: str) -> None:
    _open_idea(page, base)
    text = "Bollocks, this should have happened years ago."
    page.get_by_role("textbox", name="Add a comment").fill(text)
    page.get_by_role("button", name="Post comment").click()
    page.get_by_text(text).wait_for()


def test_queue_filters_review_delete_and_the_word_list(
    runner: Any, browser: Any, screenshots: Path
) -> None:
    assert MODERATOR is not None
    base = runner.base
    reporter = browser.new_context().new_page()
    moderator = browser.new_context().new_page()
    admin = browser.new_context().new_page()
    pages = {"reporter": reporter, "moderator": moderator, "admin": admin}
    try:
        # GIVEN a resident who reports an idea
        sign_in(reporter, base, REPORTER.email, REPORTER.password)
        idea_url = _report_idea(reporter, base)
        # WHEN the moderator narrows the queue to the project's reported ideas
        sign_in(moderator, base, MODERATOR.email, MODERATOR.password)
        _filter_queue(moderator, base)
        # AND marks the idea reviewed, then deletes it
        _review_then_delete(moderator)
        # THEN it is gone for everyone
        visit(reporter, idea_url)
        reporter.get_by_role("heading", name="Page not found").wait_for()
        # WHEN the admin allows a built-in word and switches the filter off and on again
        sign_in(admin, base, LINDENFELD.admin.email, LINDENFELD.admin.password)
        _allow_word_and_switch(admin, base)
        # THEN a comment with the allowed word is posted while the filter is on
        _post_allowed_word(reporter, base)
    except Exception:
        for name, page in pages.items():
            page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
        raise


def _official_update_alone(page: Any) -> None:
    page.get_by_role("checkbox", name=f"Select “{MOVED_IDEA}”").check()
    page.get_by_role("button", name="Status or official update").click()
    form = page.get_by_role(
        "form", name="Give the selected inputs a status, an official update or both"
    )
    assert form.get_by_label("New status").input_value() == ""  # each keeps its status
    form.get_by_role("checkbox", name="Publish an official update on each input").check()
    form.get_by_role("textbox", name="Official update (English, required)").click()
    page.keyboard.type("The library agrees: planting starts in April.")
    assert_accessible(page)
    form.get_by_role("button", name="Apply to 1 input").click()
    page.get_by_role("heading", name="1 input has the official update").wait_for()


def _moved_rows(page: Any) -> Any:
    return page.get_by_role("row", name=re.compile(re.escape(MOVED_IDEA)))


def _wait_for_likes(page: Any, base: str) -> None:
    """The input manager once the ideation worker has counted the demo idea's likes."""

    def counted() -> bool:
        visit(page, base + "/admin/inputs")
        return _likes(_moved_rows(page).first) > 0

    until(page, counted, f"likes counted on {MOVED_IDEA!r}")


def _move_resetting_votes(page: Any) -> None:
    rows = _moved_rows(page)
    rows.first.get_by_role("checkbox").check()
    page.get_by_role("button", name="Move or copy").click()
    page.get_by_label("To phase").select_option(label="Refine the shortlist")
    page.get_by_role("radio", name="Move the inputs").check()
    page.get_by_role("radio", name="Reset the votes to zero").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role(
        "group", name="Move 1 input to “Refine the shortlist” and reset their votes to zero?"
    ).wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Yes, move").click()
    page.get_by_role("heading", name="1 input moved or copied").wait_for()
    moved = rows.filter(has_text="Refine the shortlist")
    moved.wait_for()
    assert rows.count() == 1 and _likes(moved) == 0


def _export_xlsx(page: Any) -> None:
    page.get_by_label("File format").select_option(label="Excel workbook (.xlsx)")
    page.get_by_role("button", name="Export", exact=True).click()
    link = page.get_by_role("link", name=re.compile(r"^Download the export \(XLSX"))
    link.wait_for(timeout=SLOW)
    assert_accessible(page)
    href = link.get_attribute("href")
    assert href
    response = requests.get(href, timeout=30)
    response.raise_for_status()
    assert response.content.startswith(b"PK")  # a zip: the workbook
    assert MOVED_IDEA.encode() in _sheet(response.content)


def _sheet(workbook: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(workbook)) as book:
        return book.read("xl/worksheets/sheet1.xml")


def test_input_manager_official_update_move_and_xlsx_export(
    runner: Any, browser: Any, screenshots: Path
) -> None:
    base = runner.base
    admin = browser.new_context().new_page()
    try:
        # GIVEN the admin in the input manager
        sign_in(admin, base, LINDENFELD.admin.email, LINDENFELD.admin.password)
        _wait_for_likes(admin, base)
        # WHEN they post an official update alone on a liked idea
        _official_update_alone(admin)
        # AND move it to the shortlist with its votes reset
        _move_resetting_votes(admin)
        # THEN the list exports to XLSX with the moved idea in it
        _export_xlsx(admin)
        # AND the idea's page shows the update
        admin.get_by_role("link", name=MOVED_IDEA).first.click()
        admin.get_by_role("heading", name=MOVED_IDEA).wait_for()
        admin.wait_for_load_state("networkidle")
        admin.get_by_text("The library agrees: planting starts in April.").wait_for()
        assert_accessible(admin)
    except Exception:
        admin.screenshot(path=str(screenshots / "admin.png"), full_page=True)
        raise
