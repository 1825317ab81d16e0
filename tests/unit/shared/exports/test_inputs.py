"""The input manager's rows as export rows, and the export's filters as the listing's."""

from __future__ import annotations

from datetime import UTC, datetime

from shared.exports.inputs import export_row, input_query
from shared.exports.schemas import ExportQuery
from shared.identity.directory import PublicProfile, former_profile
from shared.inputs.schemas import InputQuery, InputRow, RowPhase, RowProject, RowStatus


def test_an_export_takes_exactly_the_input_managers_filters() -> None:
    # GIVEN the listing's query parameters, less the paging ones
    listing = {f.alias or name for name, f in InputQuery.model_fields.items()}
    # THEN the export's filters are the same, so the file holds the table the person saw
    exported = {f.alias or name for name, f in ExportQuery.model_fields.items()}
    assert exported == listing - {"cursor", "limit"}


def test_filters_become_the_listing_query() -> None:
    query = ExportQuery.model_validate(
        {"project": "p1", "assignee": "me", "reported": True, "from": "2026-01-02", "q": "tree"}
    )
    listed = input_query(query, limit=1)
    assert (listed.project, listed.assignee, listed.reported, listed.q) == (
        "p1",
        "me",
        True,
        "tree",
    )
    assert listed.from_ is not None and listed.from_.isoformat() == "2026-01-02"
    assert listed.limit == 1 and listed.cursor is None


def test_a_row_is_written_in_the_platform_language_with_an_absolute_link() -> None:
    # GIVEN a manager row with texts in two languages, topics and an assignee
    row = InputRow(
        id="i1",
        title={"en": "Benches", "nl": "Banken"},
        project=RowProject(id="p1", slug="park", title={"en": "Park", "nl": "Park NL"}),
        phase=RowPhase(id="f1", title={"en": "Ideas"}),
        author=PublicProfile(id="u1", display_name="Ada L."),
        status=RowStatus(id="s1", name={"nl": "In behandeling"}, color="#000000"),
        topic_ids=["t2", "t1", "gone"],
        assignee=PublicProfile(id="u2", display_name="Bo K."),
        likes=3,
        dislikes=1,
        comments=2,
        reports=4,
        hidden=True,
        created_at=datetime(2026, 5, 1, tzinfo=UTC),
        path="/ideas/i1",
    )
    topics = {"t1": {"nl": "Natuur"}, "t2": {"en": "Mobility"}}
    # WHEN it becomes an export row in Dutch
    exported = export_row(row, "nl", topics, "https://stad.example")
    # THEN texts are Dutch where they exist, others fall back, unknown topics are left out
    assert (exported.title, exported.project, exported.phase) == ("Banken", "Park NL", "Ideas")
    assert exported.status == "In behandeling" and exported.topics == "Mobility; Natuur"
    assert (exported.author, exported.assignee) == ("Ada L.", "Bo K.")
    assert (exported.likes, exported.dislikes, exported.comments, exported.reports) == (3, 1, 2, 4)
    assert exported.hidden is True and exported.url == "https://stad.example/ideas/i1"


def test_people_who_deleted_their_account_are_named_in_the_files_language() -> None:
    row = InputRow(
        id="i1",
        title={"en": "Benches"},
        project=RowProject(id="p1", slug="park", title={"en": "Park"}),
        phase=RowPhase(id="f1", title={"en": "Ideas"}),
        author=former_profile("u1"),
        status=None,
        topic_ids=[],
        assignee=former_profile("u2"),
        likes=0,
        dislikes=0,
        comments=0,
        reports=0,
        hidden=False,
        created_at=datetime(2026, 5, 1, tzinfo=UTC),
        path="/ideas/i1",
    )
    for locale, name in (("de", "Ehemaliges Mitglied"), ("en", "Former resident")):
        exported = export_row(row, locale, {}, "https://stad.example")
        assert (exported.author, exported.assignee) == (name, name)
