"""The discussion worker: SQS batches of like events, partial failures reported."""

from __future__ import annotations

import json
from typing import Any

from tests.api.discussion.conftest import World


class _Context:
    function_name = "discussion_worker"
    memory_limit_in_mb = 256
    invoked_function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:discussion_worker"
    aws_request_id = "test"

    @staticmethod
    def get_remaining_time_in_millis() -> int:
        return 60_000


def _record(message_id: str, body: str) -> dict[str, Any]:
    return {
        "messageId": message_id,
        "receiptHandle": message_id,
        "body": body,
        "attributes": {},
        "messageAttributes": {},
        "md5OfBody": "",
        "eventSource": "aws:sqs",
        "eventSourceARN": "arn:aws:sqs:eu-west-1:123456789012:discussion",
        "awsRegion": "eu-west-1",
    }


def test_a_bad_record_fails_alone_and_good_ones_are_counted(world: World) -> None:
    # GIVEN Bob's like of Ada's comment, not yet counted
    from chalicelib.discussion.worker import discussion_worker

    root = world.comment("i1", world.ada, "Benches please")
    world.ok("PUT", f"/comments/{root['id']}/like", world.bob)
    [event] = world.events.of("discussion.comment_like.changed")
    good = json.dumps({"detail-type": event.type, "detail": json.loads(event.model_dump_json())})
    other = event.model_copy(update={"type": "discussion.comment.posted"})
    # WHEN a batch holds it, an unreadable record and an event of another type
    batch = {
        "Records": [
            _record("good", good),
            _record("bad", "{not json"),
            _record("other", json.dumps({"detail": json.loads(other.model_dump_json())})),
        ]
    }
    result = discussion_worker(batch, _Context())
    # THEN only the unreadable record is reported failed, and the like is counted
    assert result["batchItemFailures"] == [{"itemIdentifier": "bad"}]
    [thread] = world.threads("i1")["items"]
    assert thread["likes"] == 1
