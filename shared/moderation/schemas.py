"""API contracts of moderation: reports, the activity queue, actions and the audit trail."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from shared.db.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from shared.html import PlainText
from shared.identity.directory import PublicProfile

RefId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


class TargetKind(StrEnum):
    IDEA = "idea"
    COMMENT = "comment"


class ReportReason(StrEnum):
    SPAM = "spam"
    INAPPROPRIATE = "inappropriate"
    OTHER = "other"


class ContentState(StrEnum):
    VISIBLE = "visible"
    HIDDEN = "hidden"
    DELETED = "deleted"


class ModerationAction(StrEnum):
    REVIEW = "review"
    UNREVIEW = "unreview"
    HIDE = "hide"
    RESTORE = "restore"
    DELETE = "delete"


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---- reports ------------------------------------------------------------------------------


class ReportCreate(_Input):
    target_kind: TargetKind
    target_id: RefId
    reason: ReportReason
    note: Annotated[PlainText, Field(max_length=1000)] | None = Field(
        default=None, description='What is wrong; required when the reason is "other".'
    )


class Report(BaseModel):
    """The viewer's report, as filed."""

    target_kind: TargetKind
    target_id: str
    reason: ReportReason
    note: str | None
    created_at: datetime


class ReportView(BaseModel):
    """One report of a target, for its moderators."""

    reason: ReportReason
    note: str | None
    reporter: PublicProfile
    created_at: datetime


class ReportList(BaseModel):
    items: list[ReportView]


# ---- activity -----------------------------------------------------------------------------


class ActivityQuery(_Input):
    project: RefId | None = None
    kind: TargetKind | None = None
    reported: bool | None = None
    reviewed: bool | None = None
    state: Annotated[ContentState, Field(description="visible or hidden")] | None = None
    cursor: str | None = None
    limit: int = Field(default=DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class ReportReasons(BaseModel):
    spam: int = 0
    inappropriate: int = 0
    other: int = 0


class ActivityItem(BaseModel):
    """One input or comment in the moderation queue."""

    target_kind: TargetKind
    target_id: str
    project_id: str
    project_title: dict[str, str]
    title: dict[str, str] | None = Field(
        description="The idea's title (for a comment: the title of the idea it is on)."
    )
    excerpt: str = Field(description="Plain text, at most 280 characters.")
    author: PublicProfile
    created_at: datetime
    reports: int
    report_reasons: ReportReasons
    reviewed: bool
    state: ContentState
    hidden_reason: str | None
    path: str = Field(description="The resident page of the content.")


# ---- actions ------------------------------------------------------------------------------


class TargetRef(_Input):
    target_kind: TargetKind
    target_id: RefId


class ActionRequest(_Input):
    action: ModerationAction
    reason: Annotated[PlainText, Field(min_length=1, max_length=500)] | None = Field(
        default=None, description="Why; required to hide or delete (residents see it)."
    )
    targets: list[TargetRef] = Field(min_length=1, max_length=100)


class ActionResult(BaseModel):
    target_kind: TargetKind
    target_id: str
    ok: bool
    code: str | None = Field(description="Why the action was not applied (a problem code).")
    state: ContentState | None
    reviewed: bool | None


class ActionResults(BaseModel):
    results: list[ActionResult]


# ---- audit --------------------------------------------------------------------------------


class AuditQuery(_Input):
    target_kind: TargetKind | None = None
    target_id: RefId | None = None
    actor: RefId | None = None
    cursor: str | None = None
    limit: int = Field(default=DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class AuditEntry(BaseModel):
    """One recorded team action: who, when, what, on what or whom, and why."""

    id: str
    at: datetime
    actor: PublicProfile
    action: str
    target_kind: str | None
    target_id: str | None
    subject_user_id: str | None
    reason: str | None
    details: dict[str, Any]
