"""API contracts of exports: what a manager asks for and what a job looks like."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"  # the input manager's ids (RefId)


class ExportFormat(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"


class ExportStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class ExportSort(StrEnum):
    NEWEST = "newest"
    OLDEST = "oldest"
    MOST_LIKED = "most_liked"
    MOST_COMMENTED = "most_commented"


class ExportQuery(BaseModel):
    """The input manager's filters (``GET /manage/inputs`` without cursor and limit)."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    project: str | None = Field(default=None, pattern=ID_PATTERN)
    phase: str | None = Field(default=None, pattern=ID_PATTERN)
    topic: str | None = Field(default=None, pattern=ID_PATTERN)
    status: str | None = Field(default=None, pattern=ID_PATTERN)
    assignee: str | None = Field(
        default=None, pattern=ID_PATTERN, description="A user id, `me` or `none`."
    )
    reported: bool | None = None
    reached: bool | None = None
    date_from: date | None = Field(default=None, alias="from")
    date_to: date | None = Field(default=None, alias="to")
    q: str | None = Field(default=None, max_length=200)
    sort: ExportSort = ExportSort.NEWEST

    @model_validator(mode="after")
    def _dates_in_order(self) -> ExportQuery:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("`from` must not be after `to`")
        return self

    def filters(self) -> dict[str, Any]:
        """The filters as the listing's query parameters (unset ones left out)."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


class ExportRequest(BaseModel):
    """Export the input manager's rows matching ``query`` to a file."""

    model_config = ConfigDict(extra="forbid")

    format: ExportFormat = ExportFormat.XLSX
    query: ExportQuery = Field(default_factory=ExportQuery)


class ExportJob(BaseModel):
    """One export and how far it got; ``download_url`` (15 minutes) once it is done."""

    id: str
    format: ExportFormat
    status: ExportStatus
    rows_written: int
    created_at: datetime
    finished_at: datetime | None = None
    download_url: str | None = None
    expires_at: datetime | None = Field(
        default=None, description="When the file is deleted (30 days after it was written)."
    )
    error: str | None = None


class ExportJobList(BaseModel):
    """My most recent exports, newest first."""

    items: list[ExportJob]
