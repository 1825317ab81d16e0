"""The local scheduler puts each job's event on the bus, like EventBridge Scheduler."""

from __future__ import annotations

import json
import threading
from unittest.mock import MagicMock

from infra.local.scheduler import LocalScheduler
from shared.events.schedules import SCHEDULE_SOURCE, ScheduledJob

JOB = ScheduledJob("nightly", "cron(0 3 * * ? *)", "schedule.demo.nightly_due", "demo")


def test_fire_sends_one_entry_per_job_with_the_schedule_source() -> None:
    events = MagicMock(spec=["put_events"])
    sent = LocalScheduler(events, "bus", jobs=(JOB,)).fire()
    entry = events.put_events.call_args.kwargs["Entries"][0]
    assert sent == 1
    assert (entry["Source"], entry["DetailType"], entry["EventBusName"]) == (
        SCHEDULE_SOURCE,
        "schedule.demo.nightly_due",
        "bus",
    )
    assert json.loads(entry["Detail"]) == {"job": "nightly"}


def test_no_jobs_sends_nothing_and_the_timer_stops_when_asked() -> None:
    events = MagicMock(spec=["put_events"])
    assert LocalScheduler(events, "bus", jobs=()).fire() == 0
    stop = threading.Event()
    stop.set()
    LocalScheduler(events, "bus", interval=0.01, jobs=(JOB,)).run_forever(stop)
    events.put_events.assert_not_called()


def test_a_failing_bus_does_not_kill_the_timer() -> None:
    events = MagicMock(spec=["put_events"])
    stop = threading.Event()
    calls: list[int] = []

    def fail(**_: object) -> None:
        calls.append(1)
        if len(calls) >= 2:
            stop.set()
        raise RuntimeError("bus down")

    events.put_events.side_effect = fail
    LocalScheduler(events, "bus", interval=0.001, jobs=(JOB,)).run_forever(stop)
    assert len(calls) == 2


def test_after_a_restore_only_the_jobs_that_upgrade_data_run() -> None:
    upgrade = ScheduledJob("words", "cron(0 4 * * ? *)", "schedule.demo.words_due", "w", True)
    events = MagicMock(spec=["put_events"])
    assert LocalScheduler(events, "bus", jobs=(JOB, upgrade)).upgrade_data() == 1
    entries = events.put_events.call_args.kwargs["Entries"]
    assert [json.loads(e["Detail"]) for e in entries] == [{"job": "words"}]
