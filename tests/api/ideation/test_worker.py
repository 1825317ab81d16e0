"""The ideation worker and reconcile Lambdas, fed like SQS and invoked like Lambda."""

from __future__ import annotations

import io
import json
from typing import Any

from PIL import Image

from tests.api.ideation.conftest import Ideas, put_upload
from tests.conftest import HOST_A, body_of


def _idea(ideas: Ideas, idea_id: str, token: str = "resident-a") -> dict[str, Any]:
    response = ideas.api.get(f"/ideas/{idea_id}", token=token, host=HOST_A)
    assert response.status_code == 200, body_of(response)
    return dict(body_of(response))


def _like(ideas: Ideas, idea_id: str, token: str = "resident-a") -> None:
    response = ideas.api.put(f"/ideas/{idea_id}/reaction", {"kind": "like"}, token=token)
    assert response.status_code == 200, body_of(response)


def _record(event: Any, message_id: str) -> dict[str, Any]:
    body = {
        "detail-type": event.type,
        "source": "townhall.ideation",
        "detail": event.model_dump(mode="json"),
    }
    return {
        "messageId": message_id,
        "receiptHandle": f"r-{message_id}",
        "body": json.dumps(body),
        "attributes": {},
        "messageAttributes": {},
        "md5OfBody": "",
        "eventSource": "aws:sqs",
        "eventSourceARN": "arn:aws:sqs:eu-west-1:123456789012:ideation",
        "awsRegion": "eu-west-1",
    }


def _worker(api: Any, *records: dict[str, Any]) -> Any:
    return api.client.lambda_.invoke("ideation_worker", {"Records": list(records)}).payload


def _reaction_event(idea_id: str, phase_id: str, user_id: str = "resident-a") -> Any:
    from shared.events import DomainEvent

    data = {"idea_id": idea_id, "phase_id": phase_id, "user_id": user_id, "kind": "like"}
    return DomainEvent(type="ideation.reaction.changed", tenant_id="alpha", data=data)


def _s3_object(key: str) -> bytes:
    from chalicelib import runtime

    bucket = runtime.settings().names.bucket("uploads")
    return bytes(runtime.client("s3").get_object(Bucket=bucket, Key=key)["Body"].read())


def test_a_posted_image_gets_its_variants(ideas, pump):
    # GIVEN an idea posted with a 2400x1600 photo
    buffer = io.BytesIO()
    Image.new("RGB", (2400, 1600), "olive").save(buffer, format="PNG")
    key = put_upload("idea_image", "park.png", buffer.getvalue(), "image/png", user="resident-a")
    idea = ideas.idea(image_keys=[key])
    # WHEN the worker handles the published event
    pump.drain()
    # THEN a 480 px WebP thumbnail exists and the idea links to it
    thumbnail = Image.open(io.BytesIO(_s3_object(f"{key}.w480.webp")))
    assert (thumbnail.format, thumbnail.size) == ("WEBP", (480, 320))
    assert Image.open(io.BytesIO(_s3_object(f"{key}.w1280.webp"))).size == (1280, 853)
    image = _idea(ideas, idea["id"])["images"][0]
    assert ".w480.webp" in image["thumbnail_url"] and ".w480.webp" not in image["url"]


def test_a_duplicated_delivery_and_a_bad_record(ideas, api, pump):
    idea = ideas.idea()
    _like(ideas, idea["id"])
    pump.drain()
    event = _reaction_event(idea["id"], ideas.phase_id)
    broken = {**_record(event, "bad"), "body": json.dumps({"detail": {"type": "nonsense"}})}
    # WHEN the same event arrives twice, next to a record that cannot be read
    result = _worker(api, _record(event, "m1"), _record(event, "m2"), broken)
    # THEN only the bad record fails and the count is unchanged
    assert result == {"batchItemFailures": [{"itemIdentifier": "bad"}]}
    assert _idea(ideas, idea["id"])["likes"] == 1


def test_comments_are_counted_when_posted_and_deleted(ideas, api, pump):
    idea = ideas.idea()
    path = f"/ideas/{idea['id']}/comments"
    posted = api.post(path, {"body": "Yes, near the pond!"}, token="resident-b", host=HOST_A)
    assert posted.status_code == 201, body_of(posted)
    api.post(path, {"body": "Agreed."}, token="resident-a", host=HOST_A)
    pump.drain()
    assert _idea(ideas, idea["id"])["comments"] == 2
    comment_id = body_of(posted)["id"]
    deleted = api.delete(f"/comments/{comment_id}", token="resident-b", host=HOST_A)
    assert deleted.status_code in (200, 204), body_of(deleted)
    pump.drain()
    assert _idea(ideas, idea["id"])["comments"] == 1


def test_a_deleted_idea_gives_back_its_likes(ideas, api, pump):
    ideas.configure(max_likes_per_resident=1)
    doomed, other = ideas.idea("resident-b"), ideas.idea("resident-b")
    _like(ideas, doomed["id"])
    pump.drain()
    response = api.delete(f"/ideas/{doomed['id']}", token="resident-b", host=HOST_A)
    assert response.status_code == 204, body_of(response)
    pump.drain()
    assert _idea(ideas, other["id"])["likes_left"] == 1
    _like(ideas, other["id"])


def test_the_reconcile_lambda_repairs_a_phase_or_a_whole_platform(ideas, api, pump):
    from shared.ideation.repository import IdeaRepository
    from shared.tenancy import TenantContext

    first, second = ideas.idea(), ideas.idea()
    _like(ideas, first["id"])
    _like(ideas, first["id"], "resident-b")
    pump.drain()
    repository = IdeaRepository(TenantContext("alpha", HOST_A))
    repository.apply_counts(first["id"], 0, 0, 0)
    repository.apply_counts(second["id"], 7, 0, 0)
    # WHEN reconcile runs for the phase THEN both ideas are repaired
    payload = {"tenant_id": "alpha", "phase_id": ideas.phase_id}
    result = api.client.lambda_.invoke("ideation_reconcile", payload).payload
    assert result == {"ideas": 2, "changed": 2}
    assert (_idea(ideas, first["id"])["likes"], _idea(ideas, second["id"])["likes"]) == (2, 0)
    # WHEN it runs for the whole platform THEN it finds the phase and nothing left to repair
    repository.apply_counts(second["id"], 3, 0, 0)
    everything = api.client.lambda_.invoke("ideation_reconcile", {"tenant_id": "alpha"}).payload
    assert everything == {"ideas": 2, "changed": 1}
    assert _idea(ideas, second["id"])["likes"] == 0


def test_the_nightly_job_reaches_the_reconcile_lambda_through_the_bus(ideas, api, pump):
    # GIVEN a corrupted count, and the scheduler's event put on the platform bus
    from chalicelib import runtime
    from infra.local.scheduler import LocalScheduler
    from shared.events.schedules import IDEATION_RECONCILE
    from shared.ideation.repository import IdeaRepository
    from shared.tenancy import TenantContext

    idea = ideas.idea()
    _like(ideas, idea["id"])
    pump.drain()
    repository = IdeaRepository(TenantContext("alpha", HOST_A))
    repository.apply_counts(idea["id"], 9, 4, 0)
    old = _without_manager_keys(repository, idea["id"])
    scheduler = LocalScheduler(
        runtime.client("events"), runtime.settings().names.event_bus, jobs=(IDEATION_RECONCILE,)
    )
    # WHEN the job fires and the queues are pumped
    assert scheduler.fire() == 1
    assert pump.drain() >= 1
    # THEN the rule routed it to the reconcile Lambda, which repaired every platform
    assert (_idea(ideas, idea["id"])["likes"], _idea(ideas, idea["id"])["dislikes"]) == (1, 0)
    # AND an idea stored before the input manager existed got its manager index keys back
    record = repository.get(old)
    assert record is not None and record.gsi6pk is not None


def _without_manager_keys(repository, idea_id: str) -> str:
    """Strip the input manager's index keys, as on an idea stored before they existed."""
    from shared.ideation.models import IdeaRecord

    record = repository.get(idea_id)
    attributes = IdeaRecord.get_attributes()
    record.update(
        actions=[
            attributes[f"gsi{n}{part}"].remove() for n in range(6, 12) for part in ("pk", "sk")
        ]
    )
    assert repository.get(idea_id).gsi6pk is None
    return idea_id
