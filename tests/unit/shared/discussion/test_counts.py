"""Derived counts recomputed from the discussion table's source items (on mock_aws)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from shared.discussion import count_visible_comments, recount_comment_likes
from shared.discussion.models import CommentRecord
from shared.discussion.repository import DiscussionRepository
from shared.tenancy import TenantContext

ALPHA = TenantContext("alpha", "alpha.test")
BETA = TenantContext("beta", "beta.test")
NOW = datetime(2026, 5, 1, 12, tzinfo=UTC)


def _comment(
    tenant: TenantContext,
    comment_id: str,
    target: str = "i1",
    root: str | None = None,
    **extra: Any,
) -> CommentRecord:
    repo = DiscussionRepository(tenant)
    record = CommentRecord(
        repo.comment_pk(comment_id),
        "COMMENT",
        comment_id=comment_id,
        target_kind="idea",
        target_id=target,
        root_id=root or comment_id,
        parent_id=root,
        author_id="u1",
        body="text",
        created_at=NOW,
        **extra,
    )
    repo.add_comment(record)
    return record


@pytest.fixture
def tables(aws: dict[str, str]) -> None:
    from chalicelib import runtime

    runtime.settings()


def test_visible_comments_leave_out_deleted_and_hidden_ones(tables: None) -> None:
    # GIVEN on idea i1: a thread with two replies, one deleted, a hidden thread;
    # a comment on another idea and one on another platform's i1
    _comment(ALPHA, "c1")
    _comment(ALPHA, "c2", root="c1")
    _comment(ALPHA, "c3", root="c1", deleted=True)
    _comment(ALPHA, "c4", hidden=True)
    _comment(ALPHA, "c5", target="i2")
    _comment(BETA, "c6")
    # THEN two comments of i1 count, and each platform counts its own
    assert count_visible_comments(ALPHA, "idea", "i1") == 2
    assert count_visible_comments(ALPHA, "idea", "i2") == 1
    assert count_visible_comments(BETA, "idea", "i1") == 1
    assert count_visible_comments(ALPHA, "idea", "nothing") == 0


def test_a_recount_stores_the_number_of_like_items_whatever_was_stored(tables: None) -> None:
    # GIVEN a comment whose stored count drifted, with three likes
    _comment(ALPHA, "c1", likes=7)
    repo = DiscussionRepository(ALPHA)
    for user in ("u1", "u2", "u3"):
        assert repo.add_like("c1", user, NOW)
    assert not repo.add_like("c1", "u1", NOW)
    # WHEN recounted (twice) THEN the stored count is three and the thread sorts by it
    assert recount_comment_likes(ALPHA, "c1") == 3
    assert recount_comment_likes(ALPHA, "c1") == 3
    stored = repo.get_comment("c1")
    assert stored is not None and stored.likes == 3
    assert stored.gsi2sk is not None and stored.gsi2sk.startswith("0000000003#")


def test_a_reply_recount_touches_no_thread_sort_key(tables: None) -> None:
    _comment(ALPHA, "c1")
    _comment(ALPHA, "c2", root="c1")
    DiscussionRepository(ALPHA).add_like("c2", "u9", NOW)
    assert recount_comment_likes(ALPHA, "c2") == 1
    reply = DiscussionRepository(ALPHA).get_comment("c2")
    assert reply is not None and reply.likes == 1 and reply.gsi2sk is None


def test_a_recount_of_an_unknown_comment_does_nothing(tables: None) -> None:
    assert recount_comment_likes(ALPHA, "missing") is None
    assert DiscussionRepository(ALPHA).get_comment("missing") is None
