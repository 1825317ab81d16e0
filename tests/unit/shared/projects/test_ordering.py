"""The reorder rule."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from shared.errors import ValidationError
from shared.projects.models import FolderRecord
from shared.projects.ordering import reorder


def _folders(*ids: str) -> list[FolderRecord]:
    now = datetime.now(UTC)
    return [
        FolderRecord(
            f"T#alpha#FOLDER#{i}",
            "FOLDER",
            folder_id=i,
            slug=i,
            title={"en": i},
            description={},
            status="draft",
            position=n,
            created_at=now,
            updated_at=now,
        )
        for n, i in enumerate(ids)
    ]


def test_listed_ids_come_first_and_the_rest_keep_their_order():
    records = _folders("a", "b", "c", "d")
    changed = reorder(records, ["c", "a"], lambda r: r.folder_id)
    order = sorted(records, key=lambda r: r.position)
    assert [r.folder_id for r in order] == ["c", "a", "b", "d"]
    assert {r.folder_id for r in changed} == {"c", "a", "b"}


def test_unknown_or_repeated_ids_change_nothing():
    records = _folders("a", "b")
    with pytest.raises(ValidationError) as caught:
        reorder(records, ["b", "zz"], lambda r: r.folder_id)
    assert caught.value.extra == {"unknown_ids": ["zz"]}
    with pytest.raises(ValidationError):
        reorder(records, ["b", "b"], lambda r: r.folder_id)
    assert [r.position for r in records] == [0, 1]
