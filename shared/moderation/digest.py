"""The admins' daily moderation digest: one email per admin of what awaits review.

The scheduled job ``moderation_digest`` (``shared.events.schedules``) runs
:meth:`ModerationDigest.send_all` once a day: for every platform it reads
the pending summary (visible activity nobody reviewed yet, from the
``moderation`` table), and when anything is pending, asks the mailer for one
``moderation_digest`` email per admin with a confirmed address, in the
admin's language, with the counts per project and a link to the activity
overview. Nothing is sent for a platform with nothing pending.

A redelivered or re-run job on the same day sends nothing twice: each email
request carries an event id derived from (platform, day, admin), which the
mailer's delivery ledger sends at most once. So a platform that fails does
not stop the others: the run goes on and raises :class:`DigestFailedError`
at the end, and the queue's retry sends only what is still missing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field

from shared.events import DomainEvent, EventPublisher
from shared.i18n import pick
from shared.identity.directory import Recipient
from shared.mail.contract import (
    DIGEST_PROJECTS,
    DigestParams,
    DigestProject,
    EmailRequested,
    MailTemplate,
    email_requested,
)
from shared.observability import logger
from shared.tenancy.context import TenantContext

MODERATION_PATH = "/admin/moderation"
TITLE_CHARS = 300


class PendingSummary(BaseModel):
    """What awaits review on one platform (``ActivityRepository.pending_summary()``)."""

    model_config = ConfigDict(extra="ignore")

    pending: int = Field(ge=0)
    reported: int = Field(ge=0)
    by_project: dict[str, int] = Field(default_factory=dict)


class Admins(Protocol):
    """What the digest needs of identity (``shared.identity.directory.UserDirectory``)."""

    def admins(self, tenant: TenantContext) -> dict[str, Recipient]: ...


Summaries = Callable[[TenantContext], Mapping[str, Any]]
"""The pending summary of one platform (the moderation domain's activity repository)."""

ProjectTitles = Callable[[TenantContext, Iterable[str]], dict[str, dict[str, str]]]
"""Multilingual titles of projects by id; projects that no longer exist are left out."""


class DigestFailedError(RuntimeError):
    """The digest of some platforms could not be requested (the others were)."""

    def __init__(self, tenant_ids: list[str]) -> None:
        super().__init__(f"moderation digest failed for {len(tenant_ids)} platform(s)")
        self.tenant_ids = tenant_ids


@dataclass(frozen=True)
class DigestOutcome:
    """What one run did (for logs and tests)."""

    platforms: int = 0
    pending_platforms: int = 0
    emailed: int = 0


def digest_event_id(tenant_id: str, day: date, user_id: str) -> str:
    """The same on every run of one day, different per platform, day and admin."""
    seed = f"moderation_digest:{tenant_id}:{day.isoformat()}:{user_id}"
    return hashlib.sha256(seed.encode()).hexdigest()[:32]


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1].rstrip() + "…"


class ModerationDigest:
    """Builds and requests the daily digest emails (see the module docstring)."""

    def __init__(
        self,
        tenants: Callable[[], Iterable[TenantContext]],
        summaries: Summaries,
        admins: Admins,
        project_titles: ProjectTitles,
        publisher: EventPublisher,
        origin: Callable[[TenantContext], str],
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._tenants = tenants
        self._summaries = summaries
        self._admins = admins
        self._project_titles = project_titles
        self._publisher = publisher
        self._origin = origin
        self._clock = clock

    def send_all(self) -> DigestOutcome:
        """The daily job: the digest of every platform."""
        platforms = pending = emailed = 0
        failed: list[str] = []
        for tenant in self._tenants():
            platforms += 1
            try:
                sent = self.send(tenant)
            except Exception:  # reported below; the other platforms go on
                logger.exception("moderation digest failed", extra={"tenant_id": tenant.tenant_id})
                failed.append(tenant.tenant_id)
                continue
            if sent is not None:
                pending += 1
                emailed += sent
        if failed:
            raise DigestFailedError(failed)
        return DigestOutcome(platforms=platforms, pending_platforms=pending, emailed=emailed)

    def send(self, tenant: TenantContext) -> int | None:
        """Request today's digest for each admin of ``tenant``; the number of emails
        requested, or None when nothing awaits review (then nobody gets one)."""
        summary = PendingSummary.model_validate(self._summaries(tenant))
        if summary.pending == 0:
            return None
        admins = {
            user_id: admin
            for user_id, admin in self._admins.admins(tenant).items()
            if admin.email_confirmed
        }
        if not admins:
            return 0
        busiest = sorted(
            ((project_id, n) for project_id, n in summary.by_project.items() if n > 0),
            key=lambda item: (-item[1], item[0]),
        )
        titles = self._project_titles(tenant, [project_id for project_id, _ in busiest])
        listed = [(titles[p], n) for p, n in busiest if p in titles]
        link = f"{self._origin(tenant)}{MODERATION_PATH}"
        day = self._clock().date()
        requests: list[DomainEvent] = []
        for user_id, admin in sorted(admins.items()):
            params = DigestParams(
                first_name=admin.first_name[:80],
                pending=summary.pending,
                reported=summary.reported,
                projects=[
                    DigestProject(title=_clip(pick(title, admin.locale)), pending=n)
                    for title, n in listed[:DIGEST_PROJECTS]
                ],
                more_projects=max(0, len(listed) - DIGEST_PROJECTS),
                link=link,
            )
            request = EmailRequested(
                template=MailTemplate.MODERATION_DIGEST,
                to=admin.email,
                locale=admin.locale,
                params=params,
            )
            mail = email_requested(tenant.tenant_id, request, actor_id=None)
            event_id = digest_event_id(tenant.tenant_id, day, user_id)
            requests.append(mail.model_copy(update={"event_id": event_id}))
        self._publisher.publish(*requests)
        return len(requests)
