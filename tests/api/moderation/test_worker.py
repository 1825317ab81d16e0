"""The moderation worker: activity items derived from their sources, idempotently."""

from __future__ import annotations

import json
from typing import Any

from shared.events import DomainEvent
from shared.ideation.repository import IdeaRepository
from shared.moderation.activity import ActivityRepository
from shared.tenancy import TenantContext
from tests.api.moderation.conftest import World
from tests.conftest import HOST_A

TENANT = TenantContext("alpha", HOST_A)


class _Context:
    function_name = "moderation_worker"
    memory_limit_in_mb = 256
    invoked_function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:moderation_worker"
    aws_request_id = "test"

    @staticmethod
    def get_remaining_time_in_millis() -> int:
        return 60_000


def _batch(*events: DomainEvent | str) -> dict[str, Any]:
    records = []
    for n, event in enumerate(events):
        body = (
            event
            if isinstance(event, str)
            else json.dumps(
                {"detail-type": event.type, "detail": json.loads(event.model_dump_json())}
            )
        )
        records.append(
            {
                "messageId": f"m{n}",
                "receiptHandle": f"m{n}",
                "body": body,
                "attributes": {},
                "messageAttributes": {},
                "md5OfBody": "",
                "eventSource": "aws:sqs",
                "eventSourceARN": "arn:aws:sqs:eu-west-1:123456789012:moderation",
                "awsRegion": "eu-west-1",
            }
        )
    return {"Records": records}


def _event(type_: str, **data: Any) -> DomainEvent:
    return DomainEvent(type=type_, tenant_id="alpha", data=data)


def test_duplicate_and_out_of_order_events_store_the_same_item(world: World) -> None:
    # GIVEN an idea reported twice (the events not yet delivered)
    from chalicelib.moderation.worker import moderation_worker

    idea = world.idea()
    world.report("idea", idea, reason="spam")
    world.report("idea", idea, token="mod-p2", reason="inappropriate")
    published = _event("ideation.idea.published", idea_id=idea)
    filed = _event("moderation.report.filed", target_kind="idea", target_id=idea)
    # WHEN the worker gets them twice, in any order, with an unreadable record among them
    result = moderation_worker(_batch(filed, published, "{bad", filed, published), _Context())
    # THEN only the unreadable record fails and the item counts both reports once
    assert result["batchItemFailures"] == [{"itemIdentifier": "m2"}]
    record = ActivityRepository(TENANT).get("idea", idea, consistent=True)
    assert record is not None
    assert int(record.reports) == 2
    assert record.report_reasons == {"spam": 1, "inappropriate": 1, "other": 0}
    stored = IdeaRepository(TENANT).get(idea, consistent=True)
    assert stored is not None and int(stored.reports) == 2  # the input manager shows it


def test_an_edit_refreshes_the_excerpt_but_never_the_moderated_state(world: World) -> None:
    # GIVEN a reviewed idea
    idea = world.idea()
    world.pump()
    world.act("review", [("idea", idea)], "mod-p1")
    # WHEN its author edits it and the worker sees the update
    world.ok("PATCH", f"/ideas/{idea}", "resident-a", {"body": {"en": "<p>By the lake.</p>"}})
    world.pump()
    # THEN the excerpt follows the edit and the review stays
    [item] = world.queue("mod-p1")
    assert item["excerpt"] == "By the lake." and item["reviewed"] is True


def test_a_deleted_source_marks_the_item_deleted_and_ends_its_pending_count(
    world: World,
) -> None:
    # GIVEN two pending ideas, one reported
    kept = world.idea()
    gone = world.idea()
    world.report("idea", kept)
    world.pump()
    before = ActivityRepository(TENANT).pending_summary()
    # WHEN the author deletes one and the worker sees it
    world.ok("DELETE", f"/ideas/{gone}", "resident-a", expect=204)
    world.pump()
    # THEN only the other is pending; the deleted one is out of the queue
    assert before == {"pending": 2, "reported": 1, "by_project": {world.p1.project_id: 2}}
    assert ActivityRepository(TENANT).pending_summary() == {
        "pending": 1,
        "reported": 1,
        "by_project": {world.p1.project_id: 1},
    }
    assert [i["target_id"] for i in world.queue()] == [kept]
    record = ActivityRepository(TENANT).get("idea", gone, consistent=True)
    assert record is not None and record.state == "deleted"


def test_a_deleted_idea_takes_its_comments_out_of_the_queue(world: World) -> None:
    # GIVEN an idea with a comment, and another idea, all in the queue
    idea = world.idea()
    world.comment(idea, "On the deleted idea")
    kept = world.idea()
    world.pump()
    # WHEN the idea is deleted and the worker sees it
    world.ok("DELETE", f"/ideas/{idea}", "resident-a", expect=204)
    world.pump()
    # THEN neither the idea nor its comment is left in the queue
    assert [i["target_id"] for i in world.queue()] == [kept]
