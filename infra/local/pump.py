"""The event pump: what AWS's SQS event source mapping does, done locally.

It receives from each consumer's queue, invokes that consumer's Chalice
``lambda_function`` with an SQS-shaped event, and deletes the messages the
function did not report as failed (``batchItemFailures``, as Powertools'
batch processor returns them). Failed messages return to the queue after
their visibility timeout and reach the DLQ after ``max_receive_count``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from shared.events.consumers import CONSUMERS, Consumer
from shared.observability import logger


class _Context:
    function_name = "local"
    memory_limit_in_mb = 512
    invoked_function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:local"
    aws_request_id = "local"

    @staticmethod
    def get_remaining_time_in_millis() -> int:
        return 60_000


@dataclass
class EventPump:
    app: Any
    sqs: Any
    queue_urls: dict[str, str]
    region: str = "eu-west-1"

    def _function(self, consumer: Consumer) -> Any:
        for function in self.app.pure_lambda_functions:
            if function.name == consumer.function:
                return function
        raise LookupError(f"no lambda_function named {consumer.function!r} in the app")

    def pump_consumer(self, consumer: Consumer, wait_seconds: int = 0) -> int:
        """Deliver one batch to one consumer; return how many messages succeeded."""
        url = self.queue_urls[consumer.name]
        received = self.sqs.receive_message(
            QueueUrl=url,
            MaxNumberOfMessages=consumer.batch_size,
            WaitTimeSeconds=wait_seconds,
            AttributeNames=["All"],
        ).get("Messages", [])
        if not received:
            return 0
        event = {
            "Records": [
                {
                    "messageId": m["MessageId"],
                    "receiptHandle": m["ReceiptHandle"],
                    "body": m["Body"],
                    "attributes": m.get("Attributes", {}),
                    "messageAttributes": {},
                    "md5OfBody": m["MD5OfBody"],
                    "eventSource": "aws:sqs",
                    "eventSourceARN": f"arn:aws:sqs:{self.region}:123456789012:{consumer.name}",
                    "awsRegion": self.region,
                }
                for m in received
            ]
        }
        try:
            result = self._function(consumer)(event, _Context()) or {}
        except Exception:
            logger.exception("consumer failed", extra={"consumer": consumer.name})
            return 0
        failed = {f["itemIdentifier"] for f in result.get("batchItemFailures", [])}
        if failed:
            logger.warning(
                "records failed; they return after the queue's visibility timeout",
                extra={"consumer": consumer.name, "failed": len(failed), "of": len(received)},
            )
        done = [m for m in received if m["MessageId"] not in failed]
        for message in done:
            self.sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
        return len(done)

    def drain(self, max_rounds: int = 20) -> int:
        """Deliver until every queue is empty (events may cause more events)."""
        total = 0
        for _ in range(max_rounds):
            delivered = sum(self.pump_consumer(c) for c in CONSUMERS)
            total += delivered
            if delivered == 0:
                break
        return total

    def run_forever(self, stop: threading.Event, idle_seconds: float = 0.3) -> None:
        """Deliver round after round; rest ``idle_seconds`` only after a round with nothing.

        Polling every queue without waiting, then resting once, keeps an event's
        delay under a second whichever consumer it is for (long-polling each of
        the queues in turn would add a second per consumer).
        """
        while not stop.is_set():
            delivered = 0
            for consumer in CONSUMERS:
                if stop.is_set():
                    return
                delivered += self.pump_consumer(consumer)
            if not delivered:
                stop.wait(idle_seconds)
