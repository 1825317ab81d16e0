"""API contracts of the input manager: the cross-project table, bulk actions, notes."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from shared.db.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from shared.html import PlainText
from shared.i18n import LocalizedRichText
from shared.identity.directory import PublicProfile

RefId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
IdeaIds = Annotated[list[RefId], Field(min_length=1, max_length=100)]
ASSIGNEE_ME = "me"
ASSIGNEE_NONE = "none"


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


# ---- the table ------------------------------------------------------------------------


class InputSort(StrEnum):
    NEWEST = "newest"
    OLDEST = "oldest"
    MOST_LIKED = "most_liked"
    MOST_COMMENTED = "most_commented"


class InputQuery(_Input):
    """The filters of the input manager's table (also what an export is asked for)."""

    project: RefId | None = None
    phase: RefId | None = Field(
        default=None, description="A phase collecting inputs (ideation, proposals) of `project`."
    )
    topic: RefId | None = None
    status: RefId | None = None
    assignee: RefId | None = Field(
        default=None, description="A user id, `me` (assigned to the viewer) or `none`."
    )
    reported: bool | None = Field(default=None, description="`true`: reported inputs only.")
    reached: bool | None = Field(
        default=None,
        description="`true`: proposals that reached their signatures only (they await the "
        "step their phase commits the city to).",
    )
    from_: date | None = Field(default=None, alias="from", description="Posted on or after.")
    to: date | None = Field(default=None, description="Posted on or before.")
    q: str | None = Field(default=None, max_length=200, description="Words to search for.")
    sort: InputSort = InputSort.NEWEST
    cursor: str | None = Field(default=None, max_length=2000)
    limit: int = Field(default=DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)

    @model_validator(mode="after")
    def _dates_in_order(self) -> InputQuery:
        if self.from_ is not None and self.to is not None and self.from_ > self.to:
            raise ValueError("`from` must be on or before `to`.")
        return self


class RowProject(BaseModel):
    id: str
    slug: str
    title: dict[str, str]


class RowPhase(BaseModel):
    id: str
    title: dict[str, str]


class RowStatus(BaseModel):
    id: str
    name: dict[str, str]
    color: str


class InputRow(BaseModel):
    """One input of the manager's table."""

    id: str
    kind: str = Field(default="idea", description="`idea` (later input kinds join here).")
    title: dict[str, str]
    project: RowProject
    phase: RowPhase
    author: PublicProfile
    status: RowStatus | None
    topic_ids: list[str]
    assignee: PublicProfile | None
    likes: int
    dislikes: int
    comments: int
    reports: int
    hidden: bool
    reached: bool = Field(
        default=False, description="A proposal that reached its signatures (likes)."
    )
    created_at: datetime
    path: str = Field(description="The resident page of the input, e.g. `/ideas/<id>`.")


# ---- bulk actions -----------------------------------------------------------------------


class BulkResult(BaseModel):
    idea_id: str
    ok: bool
    code: str | None = Field(description="Why this input was not changed (`forbidden`...).")


class BulkResults(BaseModel):
    results: list[BulkResult]


class AssignRequest(_Input):
    idea_ids: IdeaIds
    assignee_id: RefId | None = Field(description="A collaborator's id; null unassigns.")


class BulkStatusRequest(_Input):
    """A status, an official update, or both, for many inputs."""

    idea_ids: IdeaIds
    status_id: RefId | None = Field(
        default=None, description="The status to give; absent: each input keeps its own."
    )
    official_update: LocalizedRichText | None = Field(
        default=None,
        description="Posted on every input (with a status: on those whose status was set).",
    )

    @model_validator(mode="after")
    def _something_to_do(self) -> BulkStatusRequest:
        if self.status_id is None and self.official_update is None:
            raise ValueError("Give a status, an official update, or both.")
        return self


class FeedbackResult(BulkResult):
    """One input's outcome: each part asked for says whether it was done."""

    code: str | None = Field(
        description="Why the input, or the part of it not done, was not changed."
    )
    status_set: bool = Field(description="The input was given the status (false: none asked).")
    update_posted: bool = Field(description="The official update was posted (false: none asked).")


class FeedbackResults(BaseModel):
    results: list[FeedbackResult]


class MoveMode(StrEnum):
    MOVE = "move"
    COPY = "copy"


class VotesMode(StrEnum):
    KEEP = "keep"
    RESET = "reset"


class MoveRequest(_Input):
    idea_ids: IdeaIds
    phase_id: RefId = Field(description="An ideation phase of the inputs' project.")
    mode: MoveMode
    votes: VotesMode


class MoveResult(BulkResult):
    new_idea_id: str | None = Field(description="The copy's id (mode `copy`).")


class MoveResults(BaseModel):
    results: list[MoveResult]


# ---- collaborators ------------------------------------------------------------------------


class CollaboratorQuery(_Input):
    project: RefId


class CollaboratorList(BaseModel):
    items: list[PublicProfile]


# ---- internal notes -----------------------------------------------------------------------


class NoteCreate(_Input):
    body: Annotated[PlainText, Field(min_length=1, max_length=5000)]
    mentioned_ids: list[RefId] = Field(default_factory=list, max_length=20)

    @field_validator("body")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("Write something in the note.")
        return value


class NoteUpdate(NoteCreate):
    pass


class NotePermissions(BaseModel):
    edit: bool
    delete: bool


class Note(BaseModel):
    id: str
    idea_id: str
    body: str
    author: PublicProfile
    mentioned: list[PublicProfile]
    created_at: datetime
    updated_at: datetime
    permissions: NotePermissions


class NoteList(BaseModel):
    items: list[Note]
