"""The local event pump polls every consumer's queue in a round and rests only after an empty one."""

from __future__ import annotations

import threading
from unittest.mock import MagicMock

from infra.local.pump import EventPump
from shared.events.consumers import CONSUMERS


class _StopAfterRests(threading.Event):
    """Stops the pump at its first rest, remembering how long it meant to rest."""

    def __init__(self) -> None:
        super().__init__()
        self.rests: list[float | None] = []

    def wait(self, timeout: float | None = None) -> bool:
        self.rests.append(timeout)
        self.set()
        return True


def _pump(sqs: MagicMock) -> EventPump:
    urls = {c.name: f"https://queue/{c.name}" for c in CONSUMERS}
    return EventPump(app=MagicMock(), sqs=sqs, queue_urls=urls)


def test_an_empty_round_polls_each_queue_without_waiting_then_rests() -> None:
    sqs = MagicMock()
    sqs.receive_message.return_value = {"Messages": []}
    stop = _StopAfterRests()
    _pump(sqs).run_forever(stop, idle_seconds=0.3)
    polled = [call.kwargs for call in sqs.receive_message.call_args_list]
    assert [p["QueueUrl"] for p in polled] == [f"https://queue/{c.name}" for c in CONSUMERS]
    assert {p["WaitTimeSeconds"] for p in polled} == {0}
    assert stop.rests == [0.3]


def test_a_stopped_pump_polls_nothing() -> None:
    sqs = MagicMock()
    stop = threading.Event()
    stop.set()
    _pump(sqs).run_forever(stop)
    sqs.receive_message.assert_not_called()
