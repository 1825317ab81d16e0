"""API shapes of follows, notifications and email preferences."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from shared.db.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from shared.identity.directory import PublicProfile
from shared.mail.contract import NotificationType

TargetKind = Annotated[str, Field(pattern=r"^[a-z_]{2,30}$", examples=["idea"])]


class FollowState(BaseModel):
    following: bool


class NotificationTarget(BaseModel):
    """What a notification or a follow points at, as its page shows it."""

    kind: str
    id: str
    title: dict[str, str] = Field(description="Multilingual title, as when it happened.")
    path: str = Field(description="Frontend path of the target's page, e.g. `/ideas/<id>`.")


class Notification(BaseModel):
    id: str
    type: NotificationType
    read: bool
    created_at: datetime
    actor: PublicProfile | None = Field(
        description="Who acted; null when the city speaks (status changes, official updates)."
    )
    target: NotificationTarget
    excerpt: str | None


class UnreadCount(BaseModel):
    count: int = Field(description="Unread notifications, counted up to 100 (show 99+ above 99).")


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NotificationPageQuery(_Input):
    cursor: str | None = Field(default=None, max_length=2000)
    limit: int = Field(default=DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class UnsubscribeQuery(_Input):
    token: str = Field(min_length=10, max_length=1000)


class EmailPreferences(_Input):
    """Which notifications also come by email (all on unless turned off)."""

    mention: bool = True
    comment_reply: bool = True
    comment_on_my_idea: bool = True
    idea_status_changed: bool = True
    official_update: bool = True
    proposal_reached: bool = True
    # The back-office team's types (shown to team members only; residents never get them).
    new_input: bool = True
    new_report: bool = True
    input_assigned: bool = True
    note_mention: bool = True


class NotificationPreferences(_Input):
    email: EmailPreferences


class UnsubscribeResult(BaseModel):
    type: NotificationType = Field(description="The type whose emails are now off.")
    email: EmailPreferences
