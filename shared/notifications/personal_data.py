"""Notifications' personal data: follows, notifications, email preferences (``shared.privacy``).

A notification is exported as what reached the person (type, target, when,
read) without who acted or the quoted text, which are someone else's.
Erasure deletes the person's whole partition, and cuts the notifications
they caused in other people's inboxes from them (no actor; with "delete",
no quoted text or title either).
"""

from __future__ import annotations

from shared.notifications.models import FollowRecord, NotificationRecord, PreferencesRecord
from shared.notifications.repository import NotificationsRepository
from shared.privacy.providers import (
    BELONGINGS,
    ErasureMode,
    Items,
    ProviderBase,
    personal_data_provider,
)
from shared.tenancy.context import TenantContext


@personal_data_provider("notifications")
class NotificationsData(ProviderBase):
    name = "notifications"
    kinds = ("follows", "notifications", "email_preferences")
    stage = BELONGINGS

    def export(self, tenant: TenantContext, user_id: str) -> dict[str, Items]:
        found: dict[str, Items] = {kind: [] for kind in self.kinds}
        for item in NotificationsRepository(tenant).every_item(user_id):
            if isinstance(item, FollowRecord):
                found["follows"].append(
                    {
                        "target_kind": item.target_kind,
                        "target_id": item.target_id,
                        "following": bool(item.following),
                        "source": item.source,
                        "updated_at": item.updated_at,
                    }
                )
            elif isinstance(item, NotificationRecord):
                found["notifications"].append(
                    {
                        "id": item.notification_id,
                        "type": item.type,
                        "target_kind": item.target_kind,
                        "target_id": item.target_id,
                        "path": item.target_path,
                        "read": bool(item.read),
                        "created_at": item.created_at,
                    }
                )
            elif isinstance(item, PreferencesRecord):
                found["email_preferences"].append(
                    {"email_off": sorted(item.email_off or []), "updated_at": item.updated_at}
                )
        return found

    def erase(self, tenant: TenantContext, user_id: str, mode: ErasureMode) -> None:
        repository = NotificationsRepository(tenant)
        repository.erase_user(user_id)
        for caused in repository.caused_by(user_id):
            repository.forget_actor(caused, keep_text=mode is ErasureMode.ANONYMISE)
