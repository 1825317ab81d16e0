"""Which worker consumes which domain events: one queue (+DLQ) per consumer.

The CDK app creates, for each consumer, an SQS queue with a dead-letter
queue, an EventBridge rule on the platform bus matching ``detail_types``
that targets the queue, and an event source mapping to the Chalice
``lambda_function`` named ``function``. The dev runner creates the same
queues and rules on moto and its event pump invokes the same functions.
"""

from __future__ import annotations

from dataclasses import dataclass

from shared.events.envelope import EVENT_SOURCE
from shared.events.schedules import IDEATION_RECONCILE, MODERATION_DIGEST, USER_WORDS


@dataclass(frozen=True)
class Consumer:
    name: str
    detail_types: tuple[str, ...]
    function: str
    batch_size: int = 10
    max_receive_count: int = 5

    def event_pattern(self) -> dict[str, list[str]]:
        return {
            "source": [f"{EVENT_SOURCE}.{t.split('.', 1)[0]}" for t in self.detail_types],
            "detail-type": list(self.detail_types),
        }


CONSUMERS: tuple[Consumer, ...] = (
    Consumer(
        name="groups",
        detail_types=(
            "groups.group.changed",
            "groups.membership.changed",
            "identity.user.changed",
            "identity.user.deleted",
            "ideation.idea.published",
            "ideation.idea.status_changed",
            "discussion.comment.posted",
            "ideation.reaction.changed",
        ),
        function="groups_worker",
    ),
    Consumer(
        name="mailer",
        detail_types=("identity.email.requested",),
        function="mailer_worker",
    ),
    Consumer(
        name="discussion",
        detail_types=("discussion.comment_like.changed",),
        function="discussion_worker",
    ),
    Consumer(
        name="notifier",
        detail_types=(
            "ideation.idea.published",
            "ideation.idea.status_changed",
            "discussion.comment.posted",
            "discussion.comment.updated",
            "discussion.official_update.posted",
            "moderation.report.filed",
            "ideation.idea.assigned",
            "ideation.note.posted",
            "ideation.proposal.reached",
        ),
        function="notifier_worker",
    ),
    Consumer(
        name="ideation",
        detail_types=(
            "ideation.idea.published",
            "ideation.idea.updated",
            "ideation.idea.deleted",
            "ideation.reaction.changed",
            "discussion.comment.posted",
            "discussion.comment.deleted",
            "moderation.content.moderated",
        ),
        function="ideation_worker",
    ),
    Consumer(
        name="ideation_reconcile",
        detail_types=(IDEATION_RECONCILE.detail_type,),
        function="ideation_reconcile",
        batch_size=1,
    ),
    Consumer(
        name="moderation",
        detail_types=(
            "ideation.idea.published",
            "ideation.idea.updated",
            "ideation.idea.deleted",
            "discussion.comment.posted",
            "discussion.comment.updated",
            "discussion.comment.deleted",
            "moderation.report.filed",
            "moderation.report.withdrawn",
        ),
        function="moderation_worker",
    ),
    Consumer(
        name="moderation_digest",
        detail_types=(MODERATION_DIGEST.detail_type,),
        function="moderation_digest",
        batch_size=1,
    ),
    Consumer(
        name="user_words",
        detail_types=(USER_WORDS.detail_type,),
        function="user_words",
        batch_size=1,
    ),
)
