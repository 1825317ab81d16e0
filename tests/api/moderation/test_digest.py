"""The admins' daily digest, end to end: the schedule's event on the bus, the
``moderation_digest`` worker, the mailer, the emails moto's SES kept.

Pending work is made the real way (ideas posted, a report filed, the
moderation worker keeping the activity queue); the admins who receive the
digest are real accounts with an email address.
"""

from __future__ import annotations

from email.header import decode_header, make_header
from typing import Any

from tests.api.identity.helpers import PASSWORD, part, sent_messages
from tests.conftest import HOST_A, HOST_B


def _account(email: str, locale: str = "en", *, admin: bool = True, **options: Any) -> Any:
    from chalicelib.identity import wiring
    from shared.permissions import Role, RoleGrant
    from shared.tenancy import TenantContext

    tenant_id, host = options.get("tenant", ("alpha", HOST_A))
    grants = {RoleGrant(Role.ADMIN)} if admin else {RoleGrant(Role.MODERATOR, frozenset({"p1"}))}
    return wiring.accounts().register_user(
        TenantContext(tenant_id, host),
        email,
        PASSWORD,
        email.split("@")[0].title(),
        "Example",
        locale,
        confirmed=options.get("confirmed", True),
        grants=frozenset(grants),
    )


def _fire(pump: Any) -> None:
    """What EventBridge Scheduler does at 07:00, then SQS delivering to the workers."""
    from chalicelib import runtime
    from infra.local.scheduler import LocalScheduler
    from shared.events.schedules import MODERATION_DIGEST

    scheduler = LocalScheduler(
        runtime.client("events"), runtime.settings().names.event_bus, jobs=(MODERATION_DIGEST,)
    )
    assert scheduler.fire() == 1
    pump.drain()


def _subject(message: Any) -> str:
    return str(make_header(decode_header(message["Subject"])))


def _digests() -> dict[str, Any]:
    return {m["To"]: m for m in sent_messages()}


def test_every_admin_gets_the_digest_of_what_awaits_review(world, pump):
    # GIVEN two new ideas in the park project, one in the harbour project, one of them reported
    first = world.idea(title={"en": "More benches"})
    world.idea(title={"en": "Shade trees"})
    world.idea(world.p2, title={"en": "A ferry"})
    assert world.report("idea", first).status_code == 201
    world.pump()
    # AND admins on alpha (one French, one unconfirmed), a moderator, and beta's admin
    _account("ada@example.org", "fr")
    _account("bob@example.org")
    _account("cy@example.org", confirmed=False)
    _account("mo@example.org", admin=False)
    _account("bea@example.org", tenant=("beta", HOST_B))
    # WHEN the daily job fires
    _fire(pump)
    # THEN alpha's two confirmed admins get one digest each; nobody else gets anything
    mails = _digests()
    assert set(mails) == {"ada@example.org", "bob@example.org"}
    assert len(sent_messages()) == 2
    # AND Ada's is in French, with the totals, each project busiest first and the link
    ada = mails["ada@example.org"]
    assert _subject(ada) == "En attente de modération sur Alphaville : 3"
    text = part(ada, "plain")
    assert "Bonjour Ada," in text
    assert "En attente de vérification : 3" in text and "Dont signalés : 1" in text
    assert text.index("- Town park: 2") < text.index("- Harbour: 1")
    assert "http://alpha.test/admin/moderation" in text
    assert 'href="http://alpha.test/admin/moderation"' in part(ada, "html")
    assert _subject(mails["bob@example.org"]) == "Awaiting review on Alphaville: 3"


def test_the_job_running_twice_in_a_day_sends_each_digest_once(world, pump):
    world.idea()
    world.pump()
    _account("ada@example.org")
    _fire(pump)
    _fire(pump)
    assert [m["To"] for m in sent_messages()] == ["ada@example.org"]


def test_nothing_is_sent_when_everything_was_reviewed(world, pump):
    # GIVEN an idea that a moderator has already reviewed
    idea = world.idea()
    world.pump()
    [result] = world.act("review", [("idea", idea)], "admin-a")
    assert result["ok"], result
    _account("ada@example.org")
    # WHEN the daily job fires THEN no digest goes out
    _fire(pump)
    assert sent_messages() == []


def test_the_worker_sends_one_platforms_digest_when_invoked_directly(world, api):
    world.idea()
    world.pump()
    _account("ada@example.org")
    payload = api.client.lambda_.invoke("moderation_digest", {"tenant_id": "alpha"}).payload
    assert payload == {"tenant_id": "alpha", "emailed": 1, "pending": True}
    quiet = api.client.lambda_.invoke("moderation_digest", {"tenant_id": "beta"}).payload
    assert quiet == {"tenant_id": "beta", "emailed": 0, "pending": False}
