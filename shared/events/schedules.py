"""Recurring jobs: at a schedule, an event on the platform bus that a consumer picks up.

The CDK app turns each job into an EventBridge Scheduler schedule (in the
deployment's schedule group) that puts ``detail_type`` with source
``townhall.schedule`` and detail ``{"job": <name>}`` on the bus; the dev
runner puts the same event on a timer. A consumer lists ``detail_type`` in
its ``detail_types`` like any domain event. A job's event names no tenant:
the job itself goes through every platform.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEDULE_SOURCE = "townhall.schedule"


@dataclass(frozen=True)
class ScheduledJob:
    """A recurring job: at ``expression`` (cron/rate, Europe/Brussels), put ``detail_type``
    on the platform bus."""

    name: str
    expression: str
    detail_type: str
    description: str
    # The job also brings data stored by an older version up to date, so the dev runner
    # runs it once right after restoring a snapshot instead of an hour later.
    upgrades_data: bool = False

    def entry(self, bus_name: str) -> dict[str, str]:
        """The ``PutEvents`` entry the schedule sends (used by the dev runner's timer)."""
        return {
            "Source": SCHEDULE_SOURCE,
            "DetailType": self.detail_type,
            "Detail": f'{{"job": "{self.name}"}}',
            "EventBusName": bus_name,
        }


IDEATION_RECONCILE = ScheduledJob(
    name="ideation_reconcile",
    expression="cron(30 3 * * ? *)",
    detail_type="schedule.ideation.reconcile_requested",
    description="Nightly: rebuild every idea's reaction index and counts from the ballots",
    upgrades_data=True,
)

MODERATION_DIGEST = ScheduledJob(
    name="moderation_digest",
    expression="cron(0 7 * * ? *)",
    detail_type="schedule.moderation.digest_requested",
    description="Daily: email every platform's admins what awaits moderation (if anything)",
)

USER_WORDS = ScheduledJob(
    name="user_words",
    expression="cron(0 4 * * ? *)",
    detail_type="schedule.identity.words_requested",
    description="Nightly: give users stored before the user search index their search words",
    upgrades_data=True,
)

# Recurring jobs. Features add theirs here.
SCHEDULED_JOBS: tuple[ScheduledJob, ...] = (IDEATION_RECONCILE, MODERATION_DIGEST, USER_WORDS)
