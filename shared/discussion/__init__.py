"""Discussion: comments (threads, likes, mentions) and official updates on any target.

Targets (ideas now; proposals and others later) are resolved through the
target registry, never read from their owner's tables.
"""

from shared.discussion.comments import CommentDeletedError, CommentService
from shared.discussion.counts import count_visible_comments, recount_comment_likes
from shared.discussion.official_updates import OfficialUpdateService

__all__ = [
    "CommentDeletedError",
    "CommentService",
    "OfficialUpdateService",
    "count_visible_comments",
    "recount_comment_likes",
]
