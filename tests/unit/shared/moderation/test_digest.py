"""The daily moderation digest's rules, with in-memory collaborators (no AWS)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

import pytest

from shared.events.publisher import RecordingPublisher
from shared.identity.directory import Recipient
from shared.mail.contract import DIGEST_PROJECTS, EmailRequested, MailTemplate
from shared.moderation.digest import DigestFailedError, ModerationDigest, digest_event_id
from shared.permissions import Role, RoleGrant
from shared.tenancy import TenantContext

ALPHA, BETA = TenantContext("alpha", "alpha.test"), TenantContext("beta", "beta.test")
ADMIN = frozenset({RoleGrant(Role.ADMIN)})
MORNING = datetime(2026, 12, 4, 7, 0, tzinfo=UTC)


def _admin(user_id: str, locale: str = "en", confirmed: bool = True) -> Recipient:
    return Recipient(user_id, f"{user_id}@example.org", locale, user_id.title(), confirmed, ADMIN)


class FakeDirectory:
    def __init__(self, admins: dict[str, list[Recipient]]) -> None:
        self._admins = admins

    def admins(self, tenant: TenantContext) -> dict[str, Recipient]:
        return {r.user_id: r for r in self._admins.get(tenant.tenant_id, [])}


class World:
    """Platforms, their pending summaries, admins and project titles."""

    def __init__(self) -> None:
        self.summaries: dict[str, Mapping[str, Any]] = {}
        self.admins: dict[str, list[Recipient]] = {}
        self.titles: dict[str, dict[str, str]] = {}
        self.publisher = RecordingPublisher()
        self.now = MORNING
        self.broken: set[str] = set()

    def summary(self, tenant: TenantContext) -> Mapping[str, Any]:
        if tenant.tenant_id in self.broken:
            raise RuntimeError("table unavailable")
        return self.summaries.get(tenant.tenant_id, {"pending": 0, "reported": 0, "by_project": {}})

    def project_titles(self, tenant: TenantContext, ids: Iterable[str]) -> dict[str, Any]:
        return {i: self.titles[i] for i in ids if i in self.titles}

    def digest(self) -> ModerationDigest:
        return ModerationDigest(
            tenants=lambda: [ALPHA, BETA],
            summaries=self.summary,
            admins=FakeDirectory(self.admins),
            project_titles=self.project_titles,
            publisher=self.publisher,
            origin=lambda tenant: f"https://{tenant.host}",
            clock=lambda: self.now,
        )

    def requests(self) -> list[tuple[str, str, EmailRequested]]:
        return [
            (e.tenant_id, e.event_id, EmailRequested.model_validate(e.data))
            for e in self.publisher.events
        ]


@pytest.fixture
def world() -> World:
    return World()


def test_nothing_pending_sends_nothing(world: World) -> None:
    # GIVEN admins on both platforms but nothing awaiting review
    world.admins = {"alpha": [_admin("ada")], "beta": [_admin("bob")]}
    # WHEN the daily job runs
    outcome = world.digest().send_all()
    # THEN no email is requested
    assert world.publisher.events == []
    assert (outcome.platforms, outcome.pending_platforms, outcome.emailed) == (2, 0, 0)


def test_each_confirmed_admin_gets_one_email_in_their_language(world: World) -> None:
    # GIVEN pending items on alpha, two confirmed admins and one unconfirmed
    world.summaries["alpha"] = {"pending": 5, "reported": 2, "by_project": {"p1": 3, "p2": 2}}
    world.titles = {"p1": {"en": "Park", "fr": "Parc"}, "p2": {"en": "Bikes"}}
    world.admins = {"alpha": [_admin("ada", "fr"), _admin("cy"), _admin("dan", confirmed=False)]}
    # WHEN the job runs
    outcome = world.digest().send_all()
    # THEN Ada (French) and Cy get the digest template, with totals and projects busiest first
    requests = world.requests()
    assert [(t, r.to, r.locale) for t, _, r in requests] == [
        ("alpha", "ada@example.org", "fr"),
        ("alpha", "cy@example.org", "en"),
    ]
    ada = requests[0][2]
    assert ada.template is MailTemplate.MODERATION_DIGEST
    params = ada.params.model_dump()
    assert params == {
        "first_name": "Ada",
        "pending": 5,
        "reported": 2,
        "projects": [{"title": "Parc", "pending": 3}, {"title": "Bikes", "pending": 2}],
        "more_projects": 0,
        "link": "https://alpha.test/admin/moderation",
    }
    assert (outcome.pending_platforms, outcome.emailed) == (1, 2)


def test_the_same_day_gives_the_same_email_ids_and_the_next_day_new_ones(world: World) -> None:
    # GIVEN something pending WHEN the job runs twice on one day and once the next day
    world.summaries["alpha"] = {"pending": 1, "reported": 0, "by_project": {"p1": 1}}
    world.titles = {"p1": {"en": "Park"}}
    world.admins = {"alpha": [_admin("ada")]}
    world.digest().send_all()
    world.digest().send_all()
    world.now = MORNING.replace(day=5)
    world.digest().send_all()
    # THEN the two same-day requests share an id (the mailer sends it once), the next day's not
    ids = [event_id for _, event_id, _ in world.requests()]
    assert ids[0] == ids[1] == digest_event_id("alpha", MORNING.date(), "ada")
    assert ids[2] != ids[0]
    assert digest_event_id("beta", MORNING.date(), "ada") != ids[0]


def test_projects_that_are_gone_are_left_out_and_long_lists_are_capped(world: World) -> None:
    # GIVEN more pending projects than an email lists, and one project that no longer exists
    by_project = {f"p{n:02d}": n for n in range(1, DIGEST_PROJECTS + 6)}
    world.summaries["alpha"] = {
        "pending": sum(by_project.values()),
        "reported": 0,
        "by_project": {**by_project, "gone": 99},
    }
    world.titles = {p: {"en": f"Project {p}"} for p in by_project}
    world.admins = {"alpha": [_admin("ada")]}
    # WHEN the job runs
    world.digest().send_all()
    # THEN the busiest existing projects are listed, the rest counted
    params = world.requests()[0][2].params.model_dump()
    titles = [p["title"] for p in params["projects"]]
    assert len(titles) == DIGEST_PROJECTS and "gone" not in " ".join(titles)
    assert titles[0] == f"Project p{DIGEST_PROJECTS + 5:02d}"
    assert params["more_projects"] == 5


def test_a_failing_platform_does_not_stop_the_others(world: World) -> None:
    # GIVEN alpha's summary cannot be read and beta has pending work
    world.broken = {"alpha"}
    world.summaries["beta"] = {"pending": 2, "reported": 1, "by_project": {"q": 2}}
    world.titles = {"q": {"en": "Square"}}
    world.admins = {"beta": [_admin("bob")]}
    # WHEN the job runs THEN beta's admin is emailed and the run fails naming alpha (retried)
    with pytest.raises(DigestFailedError) as failure:
        world.digest().send_all()
    assert failure.value.tenant_ids == ["alpha"]
    assert [(t, r.to) for t, _, r in world.requests()] == [("beta", "bob@example.org")]


def test_pending_work_without_admins_requests_nothing(world: World) -> None:
    world.summaries["alpha"] = {"pending": 3, "reported": 0, "by_project": {"p1": 3}}
    world.admins = {"alpha": [_admin("dan", confirmed=False)]}
    assert world.digest().send(ALPHA) == 0
    assert world.publisher.events == []
