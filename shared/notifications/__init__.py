"""Notifications: follows, in-app notifications, email preferences and unsubscribe tokens."""

from shared.mail.contract import NotificationType
from shared.notifications.notifier import HANDLED, Notifier, Outcome
from shared.notifications.service import FollowService, InboxService
from shared.notifications.tokens import InvalidUnsubscribeTokenError, UnsubscribeTokens

__all__ = [
    "HANDLED",
    "FollowService",
    "InboxService",
    "InvalidUnsubscribeTokenError",
    "NotificationType",
    "Notifier",
    "Outcome",
    "UnsubscribeTokens",
]
