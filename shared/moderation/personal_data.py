"""Moderation's personal data: reports the person filed, the block about them (``privacy``).

Erasure withdraws the reports (``moderation.report.withdrawn``: the worker
recounts the queue item), deletes the block item, and cuts the queue's items
of the person's content from them (with "delete", their excerpts and their
ideas' titles go too, also where others' comments quote those titles; the
worker never writes them back for deleted content). The audit trail keeps
its entries: it is the team's record of what it did, and once the account is
gone its ids name nobody (ADR 0007).
"""

from __future__ import annotations

from shared.events import DomainEvent
from shared.moderation.activity import ActivityRepository
from shared.moderation.blocks import BlockRepository
from shared.moderation.reports import ReportRepository
from shared.privacy.providers import (
    CONTRIBUTIONS,
    ErasureMode,
    Items,
    ProviderBase,
    personal_data_provider,
)
from shared.tenancy.context import TenantContext

REPORT_WITHDRAWN = "moderation.report.withdrawn"


@personal_data_provider("moderation")
class ModerationData(ProviderBase):
    name = "moderation"
    kinds = ("reports", "blocks")
    stage = CONTRIBUTIONS

    def export(self, tenant: TenantContext, user_id: str) -> dict[str, Items]:
        reports = ReportRepository(tenant).by_reporter(user_id)
        block = BlockRepository(tenant).get(user_id)
        return {
            "reports": [
                {
                    "target_kind": r.target_kind,
                    "target_id": r.target_id,
                    "reason": r.reason,
                    "note": r.note,
                    "created_at": r.created_at,
                }
                for r in reports
            ],
            "blocks": (
                [{"until": block.until, "reason": block.reason, "created_at": block.created_at}]
                if block is not None
                else []
            ),
        }

    def erase(self, tenant: TenantContext, user_id: str, mode: ErasureMode) -> None:
        repository = ReportRepository(tenant)
        for report in repository.by_reporter(user_id):
            repository.remove(report)
            self._tools.publisher.publish(
                DomainEvent(
                    type=REPORT_WITHDRAWN,
                    tenant_id=tenant.tenant_id,
                    actor_id=user_id,
                    data={"target_kind": report.target_kind, "target_id": report.target_id},
                )
            )
        BlockRepository(tenant).delete(user_id)
        activity = ActivityRepository(tenant)
        keep = mode is ErasureMode.ANONYMISE
        for item in activity.authored_by(user_id):
            activity.forget_author(item, keep_text=keep)
            if not keep and item.target_kind == "idea":
                # Others' comments on a deleted idea quote its title.
                for comment in activity.comments_of_idea(item.project_id, item.target_id):
                    activity.drop_title(comment)
