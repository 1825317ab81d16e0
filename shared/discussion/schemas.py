"""API contracts of the discussion domain: comments, likes, mentions, official updates."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from shared.html import PlainText
from shared.i18n import LocalizedPlainText, LocalizedRichText
from shared.identity.directory import PublicProfile
from shared.permissions.schemas import Permission

COMMENT_MAX_LENGTH = 5000
THREADS_PAGE_SIZE = 20
THREADS_MAX_PAGE_SIZE = 50


def _not_blank(text: str) -> str:
    if not text:
        raise ValueError("Write something before you send your comment.")
    return text


CommentBody = Annotated[
    PlainText,
    Field(
        max_length=COMMENT_MAX_LENGTH,
        description="Plain text; mention someone with `@[<user_id>]` (see GET /mentions).",
    ),
    AfterValidator(_not_blank),
]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---- comments ------------------------------------------------------------------------


class CommentCreate(_Input):
    body: CommentBody
    parent_id: str | None = Field(
        default=None, max_length=64, description="The comment answered; omit to start a thread."
    )


class CommentUpdate(_Input):
    body: CommentBody


class CommentListQuery(_Input):
    sort: Literal["newest", "most_liked"] = "newest"
    cursor: str | None = Field(default=None, max_length=2000)
    limit: int = Field(default=THREADS_PAGE_SIZE, ge=1, le=THREADS_MAX_PAGE_SIZE)


class CommentPermissions(BaseModel):
    edit: Permission
    delete: Permission
    reply: Permission


class Comment(BaseModel):
    """A comment as the viewer sees it; a deleted one keeps its place but loses its content."""

    id: str
    parent_id: str | None
    body: str = Field(
        description="Empty when deleted or hidden. Mentions appear as `@[<user_id>]`."
    )
    mentions: list[PublicProfile]
    author: PublicProfile | None = Field(
        description="Null when the comment was deleted or hidden by moderation."
    )
    likes: int
    liked_by_me: bool
    deleted: bool
    hidden: bool = Field(default=False, description="Hidden by moderation: a placeholder.")
    hidden_reason: str | None = Field(
        default=None, description="Why it was hidden (its author and the team only)."
    )
    edited_at: datetime | None
    created_at: datetime
    permissions: CommentPermissions


class CommentThread(Comment):
    """A thread's first comment with every reply in it, oldest first."""

    replies: list[Comment]


class CommentLikeState(BaseModel):
    """The viewer's like after the change and the comment's like count now."""

    liked: bool
    likes: int


# ---- mentions ------------------------------------------------------------------------


class MentionQuery(_Input):
    q: str = Field(default="", max_length=100, description="The start of a first or last name.")


class MentionCandidates(BaseModel):
    items: list[PublicProfile]


# ---- official updates ----------------------------------------------------------------


class OfficialUpdateCreate(_Input):
    body: LocalizedRichText
    author_name: LocalizedPlainText | None = Field(
        default=None, description='Signed as, e.g. {"en": "Mobility team"}; the platform if null.'
    )


class OfficialUpdateUpdate(_Input):
    body: LocalizedRichText | None = None
    author_name: LocalizedPlainText | None = Field(
        default=None, description="Send null to sign with the platform's name again."
    )


class OfficialUpdatePermissions(BaseModel):
    edit: Permission
    delete: Permission


class OfficialUpdate(BaseModel):
    id: str
    body: dict[str, str] = Field(description="Sanitised HTML per language.")
    author_name: dict[str, str] | None
    created_at: datetime
    updated_at: datetime
    permissions: OfficialUpdatePermissions


class OfficialUpdateList(BaseModel):
    items: list[OfficialUpdate]
