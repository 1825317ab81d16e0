"""API contracts of the projects domain: requests, responses and list queries."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from shared.db.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from shared.i18n import LocalizedText, OptionalLocalizedRichText
from shared.participation.actions import ParticipationAction
from shared.participation.permissions import ActionPermission, PhasePermissions
from shared.permissions.schemas import Permission
from shared.projects.slugs import Slug
from shared.projects.statuses import Status, Visibility

UploadKey = Field(default=None, min_length=3, max_length=500)
GroupRef = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
NO_FOLDER = "none"


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---- folders -------------------------------------------------------------------------


class FolderCreate(_Input):
    title: LocalizedText
    description: OptionalLocalizedRichText = Field(default_factory=dict)
    slug: Slug | None = Field(default=None, description="Generated from the title if omitted.")
    header_image_upload_key: str | None = UploadKey


class FolderUpdate(_Input):
    title: LocalizedText | None = None
    description: OptionalLocalizedRichText | None = None
    slug: Slug | None = None
    header_image_upload_key: str | None = UploadKey
    remove_header_image: bool = False


class FolderSummary(BaseModel):
    id: str
    slug: str
    title: dict[str, str]
    status: Status
    position: int
    header_image_url: str | None
    project_count: int = Field(description="Projects in the folder the viewer can see.")
    published_at: datetime | None


class ProjectSummary(BaseModel):
    id: str
    slug: str
    title: dict[str, str]
    folder_id: str | None
    status: Status
    visibility: Visibility
    visible_group_ids: list[str] = Field(
        description="Visibility `groups`: the user groups whose members may see the project."
    )
    position: int
    header_image_url: str | None
    current_phase_id: str | None
    current_method: str | None = Field(description="Participation method of the current phase.")
    published_at: datetime | None
    archived_at: datetime | None


class Folder(FolderSummary):
    description: dict[str, str]
    created_at: datetime
    updated_at: datetime
    archived_at: datetime | None
    projects: list[ProjectSummary]


# ---- projects ------------------------------------------------------------------------


class ProjectCreate(_Input):
    title: LocalizedText
    description: OptionalLocalizedRichText = Field(default_factory=dict)
    slug: Slug | None = Field(default=None, description="Generated from the title if omitted.")
    folder_id: str | None = Field(default=None, max_length=64)
    visibility: Visibility = Visibility.PUBLIC
    visible_group_ids: list[GroupRef] = Field(
        default_factory=list, max_length=20, description="Required for visibility `groups`."
    )
    header_image_upload_key: str | None = UploadKey


class ProjectUpdate(_Input):
    title: LocalizedText | None = None
    description: OptionalLocalizedRichText | None = None
    slug: Slug | None = None
    folder_id: str | None = Field(
        default=None, max_length=64, description="Move into this folder; see `move_out_of_folder`."
    )
    move_out_of_folder: bool = False
    visibility: Visibility | None = None
    visible_group_ids: list[GroupRef] | None = Field(
        default=None, max_length=20, description="For visibility `groups`: whose members see it."
    )
    header_image_upload_key: str | None = UploadKey
    remove_header_image: bool = False

    @model_validator(mode="after")
    def _one_folder_move(self) -> ProjectUpdate:
        if self.folder_id and self.move_out_of_folder:
            raise ValueError("either move into a folder or out of folders, not both")
        return self


class Phase(BaseModel):
    id: str
    project_id: str
    title: dict[str, str]
    description: dict[str, str]
    start_date: date
    end_date: date | None = Field(description="Null: the phase is open-ended (last phase only).")
    method: str
    method_config: dict[str, Any]
    actions: list[ParticipationAction] = Field(
        description="What residents can do in this phase's method."
    )
    permissions: dict[ParticipationAction, ActionPermission] = Field(
        description="Who may take each of the method's actions."
    )
    viewer: dict[ParticipationAction, Permission] = Field(
        description="What the viewer may do in this phase now, and why not."
    )
    created_at: datetime
    updated_at: datetime


class Attachment(BaseModel):
    id: str
    name: str
    size: int
    content_type: str
    url: str
    created_at: datetime


class Project(ProjectSummary):
    description: dict[str, str]
    created_at: datetime
    updated_at: datetime
    phases: list[Phase]
    attachments: list[Attachment]


# ---- phases and attachments ----------------------------------------------------------


def _check_dates(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise ValueError("the end date must be on or after the start date")


class PhaseCreate(_Input):
    title: LocalizedText
    description: OptionalLocalizedRichText = Field(default_factory=dict)
    start_date: date
    end_date: date | None = None
    method: str = Field(min_length=1, max_length=64, examples=["information"])
    method_config: dict[str, Any] = Field(default_factory=dict)
    permissions: PhasePermissions = Field(
        default_factory=dict, description="Actions left out admit signed-in residents."
    )

    @model_validator(mode="after")
    def _dates(self) -> PhaseCreate:
        _check_dates(self.start_date, self.end_date)
        return self


class PhaseUpdate(_Input):
    title: LocalizedText | None = None
    description: OptionalLocalizedRichText | None = None
    start_date: date | None = None
    end_date: date | None = None
    open_ended: bool = Field(default=False, description="Remove the end date.")
    method: str | None = Field(default=None, min_length=1, max_length=64)
    method_config: dict[str, Any] | None = None
    permissions: PhasePermissions | None = Field(
        default=None, description="Replaces every rule; actions left out admit signed-in residents."
    )

    @model_validator(mode="after")
    def _dates(self) -> PhaseUpdate:
        _check_dates(self.start_date, self.end_date)
        if self.open_ended and self.end_date is not None:
            raise ValueError("either set an end date or make the phase open-ended, not both")
        return self


class AttachmentCreate(_Input):
    upload_key: str = Field(min_length=3, max_length=500)
    name: str | None = Field(
        default=None, min_length=1, max_length=200, description="Defaults to the file name."
    )


class Reorder(_Input):
    """New order of the projects of one folder (or outside folders), or of the folders.

    Listed ids come first in the given order; ones not listed keep their
    relative order after them.
    """

    folder_id: str | None = Field(default=None, max_length=64)
    ids: list[str] = Field(min_length=1, max_length=100)


# ---- list queries --------------------------------------------------------------------


class _PageQuery(_Input):
    cursor: str | None = Field(default=None, max_length=2000)
    limit: int = Field(default=DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class FolderListQuery(_PageQuery):
    pass


class ProjectListQuery(_PageQuery):
    folder_id: str | None = Field(
        default=None,
        max_length=64,
        description=f"Only this folder's projects; `{NO_FOLDER}` for projects outside folders.",
    )


class AdminProjectListQuery(ProjectListQuery):
    status: Status | None = None
