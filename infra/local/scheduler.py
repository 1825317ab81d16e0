"""The dev runner's stand-in for EventBridge Scheduler.

Every scheduled job (``shared.events.schedules.SCHEDULED_JOBS``) puts its
event on the local bus once per ``interval`` seconds, whatever its cron
expression says: locally what matters is that the job runs, through the
same bus, rule, queue and worker as on AWS, not at which hour.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from shared.events.schedules import SCHEDULED_JOBS, ScheduledJob
from shared.observability import logger

DEFAULT_INTERVAL_SECONDS = 3600.0


@dataclass
class LocalScheduler:
    events: Any
    bus_name: str
    interval: float = DEFAULT_INTERVAL_SECONDS
    jobs: Sequence[ScheduledJob] = SCHEDULED_JOBS

    def fire(self, jobs: Sequence[ScheduledJob] | None = None) -> int:
        """Put every job's (or ``jobs``') event on the bus now; return how many were sent."""
        chosen = self.jobs if jobs is None else jobs
        if not chosen:
            return 0
        entries = [job.entry(self.bus_name) for job in chosen]
        for start in range(0, len(entries), 10):
            self.events.put_events(Entries=entries[start : start + 10])
        return len(entries)

    def upgrade_data(self) -> int:
        """Run now the jobs that bring an older version's data up to date (after a restore)."""
        return self.fire([job for job in self.jobs if job.upgrades_data])

    def run_forever(self, stop: threading.Event) -> None:
        """Fire every ``interval`` seconds until ``stop`` is set (first run after one interval)."""
        while not stop.wait(self.interval):
            try:
                self.fire()
            except Exception:  # keep the timer alive; the next tick retries
                logger.exception("scheduled jobs could not be sent")
