"""Derived discussion counts, recomputed from the source items (never incremented).

Recounting is idempotent and order-independent: any number of deliveries of
any like events, in any order, leave the stored count equal to the number of
like items.
"""

from __future__ import annotations

from shared.discussion.repository import DiscussionRepository
from shared.tenancy.context import TenantContext

MAX_RECOUNTS = 5


def count_visible_comments(tenant: TenantContext, target_kind: str, target_id: str) -> int:
    """Comments on a target that are neither deleted nor hidden (for the ideation worker)."""
    return DiscussionRepository(tenant).count_visible(target_kind, target_id)


def recount_comment_likes(tenant: TenantContext, comment_id: str) -> int | None:
    """Store a comment's like count as counted from its like items; None if it is gone.

    Two workers recounting at once could store their counts in the wrong order,
    so the count is read again after each write until it stands still.
    """
    repo = DiscussionRepository(tenant)
    record = repo.get_comment(comment_id, consistent=True)
    if record is None:
        return None
    stored = int(record.likes)
    for _ in range(MAX_RECOUNTS):
        counted = repo.count_likes(comment_id)
        if counted == stored:
            return counted
        if not repo.store_likes(record, counted):
            return None
        stored = counted
    return stored
