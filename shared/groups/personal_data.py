"""Groups' personal data: memberships and participation facts (``shared.privacy``).

A membership is exported with its group's title (the city's words), never
with the other members. Erasure deletes both and recounts the groups left.
"""

from __future__ import annotations

from shared.groups.repository import GroupRepository
from shared.groups.sync import MembershipSync
from shared.privacy.providers import (
    BELONGINGS,
    ErasureMode,
    Items,
    ProviderBase,
    personal_data_provider,
)
from shared.tenancy.context import TenantContext


@personal_data_provider("groups")
class GroupsData(ProviderBase):
    name = "groups"
    kinds = ("group_memberships", "participation")
    stage = BELONGINGS

    def export(self, tenant: TenantContext, user_id: str) -> dict[str, Items]:
        repository = GroupRepository(tenant)
        memberships = repository.memberships_of(user_id)
        groups = repository.many(m.group_id for m in memberships)
        facts = repository.participation(user_id)
        return {
            "group_memberships": [
                {
                    "group_id": m.group_id,
                    "title": dict(groups[m.group_id].title) if m.group_id in groups else {},
                    "added_at": m.added_at,
                }
                for m in sorted(memberships, key=lambda m: m.group_id)
            ],
            "participation": (
                [
                    {
                        "project_ids": sorted(facts.project_ids or ()),
                        "topic_ids": sorted(facts.topic_ids or ()),
                        "status_ids": sorted(facts.status_ids or ()),
                    }
                ]
                if facts is not None
                else []
            ),
        }

    def erase(self, tenant: TenantContext, user_id: str, mode: ErasureMode) -> None:
        left = GroupRepository(tenant).forget_user(user_id)
        MembershipSync(self._tools.clock).recount(tenant, left)
