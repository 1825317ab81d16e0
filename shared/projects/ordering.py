"""The reorder rule shared by projects and folders."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from shared.errors import FieldIssue, ValidationError
from shared.projects.models import Publishable

R = TypeVar("R", bound=Publishable)


def reorder(records: list[R], ids: list[str], id_of: Callable[[R], str]) -> list[R]:
    """Give ``ids`` positions 0..k-1 in order and the rest k.. in their current order.

    Returns only the records whose position changed. Unknown or repeated ids
    are refused: a reorder is applied whole or not at all.
    """
    by_id = {id_of(r): r for r in records}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise ValidationError(
            "Some items are not in this list.",
            code="unknown_ids",
            issues=[FieldIssue("ids", "unknown_id", f"Unknown id: {i}") for i in unknown],
            extra={"unknown_ids": unknown},
        )
    if len(set(ids)) != len(ids):
        raise ValidationError(
            issues=[FieldIssue("ids", "duplicate_id", "Each item may appear only once.")]
        )
    chosen = set(ids)
    rest = sorted((r for r in records if id_of(r) not in chosen), key=lambda r: int(r.position))
    changed = []
    for position, record in enumerate([by_id[i] for i in ids] + rest):
        if int(record.position) != position:
            record.position = position
            changed.append(record)
    return changed
