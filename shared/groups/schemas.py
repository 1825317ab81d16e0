"""API shapes of user groups: groups, their rules, members and bulk additions."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field, model_validator

from shared.db.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from shared.groups.rules import Match, Rule, RuleSet
from shared.i18n import LocalizedPlainText, OptionalLocalizedPlainText

MAX_BULK_EMAILS = 1000


class Membership(StrEnum):
    MANUAL = "manual"  # admins add and remove members
    SMART = "smart"  # members are whoever matches the rules, always up to date


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GroupCreate(_Input):
    title: LocalizedPlainText
    description: OptionalLocalizedPlainText = Field(default_factory=dict)
    membership: Membership = Membership.MANUAL
    rules: RuleSet | None = Field(default=None, description="Required for smart groups.")

    @model_validator(mode="after")
    def _rules_fit(self) -> GroupCreate:
        if self.membership is Membership.SMART and self.rules is None:
            raise ValueError("a smart group needs at least one rule")
        if self.membership is Membership.MANUAL and self.rules is not None:
            raise ValueError("a manual group has no rules: its members are added by hand")
        return self


class GroupUpdate(_Input):
    title: LocalizedPlainText | None = None
    description: OptionalLocalizedPlainText | None = None
    rules: RuleSet | None = Field(default=None, description="Smart groups only.")


class Group(BaseModel):
    id: str
    title: dict[str, str]
    description: dict[str, str]
    membership: Membership
    match: Match | None
    rules: list[Rule]
    member_count: int = Field(
        description="Members as last counted (smart groups: updated as user data changes)."
    )
    created_at: datetime
    updated_at: datetime


class GroupListQuery(_Input):
    cursor: str | None = Field(default=None, max_length=2000)
    limit: int = Field(default=MAX_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class MemberListQuery(_Input):
    cursor: str | None = Field(default=None, max_length=2000)
    limit: int = Field(default=DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class Member(BaseModel):
    id: str
    first_name: str
    last_name: str
    email: str
    added_at: datetime


Email = Annotated[EmailStr, Field(max_length=254)]


class MembersAdd(_Input):
    """Add members by user id (picked in a search) or by email address (a pasted list)."""

    user_ids: list[Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")]] = Field(
        default_factory=list, max_length=MAX_BULK_EMAILS
    )
    emails: list[Email] = Field(default_factory=list, max_length=MAX_BULK_EMAILS)

    @model_validator(mode="after")
    def _something(self) -> MembersAdd:
        if not self.user_ids and not self.emails:
            raise ValueError("name at least one person to add")
        return self


class MembersAdded(BaseModel):
    added: int = Field(description="People who were not members before.")
    already_members: int
    unknown_emails: list[str] = Field(description="Addresses with no account on this platform.")
