"""API contracts of the ideas domain: topics, idea statuses, input forms and ideas."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from shared.db.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from shared.html import PlainText
from shared.i18n import LocalizedPlainText, LocalizedRichText, LocalizedText
from shared.identity.directory import PublicProfile
from shared.participation.methods.proposals import ProposalProgress
from shared.permissions.schemas import Permission

Color = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$", examples=["#2f855a"])]
StatusCode = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{1,39}$", examples=["in_progress"])]
RefId = Annotated[str, Field(min_length=1, max_length=64)]
UploadKeyField = Annotated[str, Field(min_length=3, max_length=500)]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---- topics ------------------------------------------------------------------------------


class TopicCreate(_Input):
    title: LocalizedText
    description: LocalizedText | None = None


class TopicUpdate(_Input):
    title: LocalizedText | None = None
    description: LocalizedText | None = None
    position: int | None = Field(default=None, ge=0, le=10_000)


class Topic(BaseModel):
    id: str
    title: dict[str, str]
    description: dict[str, str] | None
    position: int


class TopicList(BaseModel):
    items: list[Topic]


# ---- idea statuses ----------------------------------------------------------------------


class IdeaStatusCreate(_Input):
    code: StatusCode
    title: LocalizedText
    description: LocalizedText | None = None
    color: Color


class IdeaStatusUpdate(_Input):
    title: LocalizedText | None = None
    description: LocalizedText | None = None
    color: Color | None = None


class IdeaStatus(BaseModel):
    id: str
    code: str
    title: dict[str, str]
    description: dict[str, str] | None
    color: str
    position: int


class IdeaStatusList(BaseModel):
    items: list[IdeaStatus]


class StatusOrder(_Input):
    ids: list[RefId] = Field(min_length=1, max_length=100)


# ---- ideas ------------------------------------------------------------------------------


class Location(_Input):
    """Where an idea is: an address, a pin, or both. Only a pin puts the idea on the map
    (there is no geocoding: an address alone is shown as written)."""

    lat: float | None = Field(
        default=None, ge=-90, le=90, description="Latitude in degrees (WGS 84)."
    )
    lng: float | None = Field(
        default=None, ge=-180, le=180, description="Longitude in degrees (WGS 84)."
    )
    address: Annotated[PlainText, Field(max_length=300)] | None = None

    @model_validator(mode="after")
    def _address_or_pin(self) -> Location:
        if not self.address:
            self.address = None  # blank once stripped: no address
        if (self.lat is None) != (self.lng is None):
            raise PydanticCustomError(
                "pin_incomplete", "A pin needs both a latitude and a longitude."
            )
        if self.lat is None and self.address is None:
            raise PydanticCustomError(
                "location_empty", "Give an address or place a pin on the map."
            )
        return self


class IdeaCreate(_Input):
    """A new idea. Upload files first (``POST /uploads``, purposes ``idea_image`` and
    ``idea_attachment``), then send their keys."""

    title: LocalizedPlainText
    body: LocalizedRichText | None = None
    topic_ids: list[RefId] = Field(default_factory=list, max_length=20)
    location: Location | None = None
    image_keys: list[UploadKeyField] = Field(default_factory=list, max_length=20)
    attachment_keys: list[UploadKeyField] = Field(default_factory=list, max_length=20)
    custom_fields: dict[str, Any] = Field(default_factory=dict, max_length=30)


class IdeaUpdate(_Input):
    """Changed fields only. ``location: null`` removes the location; ``image_keys`` and
    ``attachment_keys`` list the files to keep (existing keys) and to add (new uploads)."""

    title: LocalizedPlainText | None = None
    body: LocalizedRichText | None = None
    topic_ids: list[RefId] | None = Field(default=None, max_length=20)
    location: Location | None = None
    image_keys: list[UploadKeyField] | None = Field(default=None, max_length=20)
    attachment_keys: list[UploadKeyField] | None = Field(default=None, max_length=20)
    custom_fields: dict[str, Any] | None = Field(default=None, max_length=30)


class StatusChange(_Input):
    status_id: RefId


class IdeaPermissions(BaseModel):
    edit: Permission
    delete: Permission
    react: Permission
    comment: Permission
    feedback: Permission


class IdeaLocation(BaseModel):
    """An address, a pin, or both (an idea without a pin is not on the map)."""

    lat: float | None
    lng: float | None
    address: str | None


class IdeaImage(BaseModel):
    key: str
    url: str
    thumbnail_url: str = Field(description="The resized image once made, else the original.")


class IdeaAttachment(BaseModel):
    key: str
    name: str
    size: int
    url: str


class IdeaModeration(BaseModel):
    """What moderation decided about an idea (shown to its author and the team only)."""

    state: str = Field(description="`hidden`.")
    reason: str | None


class Idea(BaseModel):
    id: str
    project_id: str
    phase_id: str
    title: dict[str, str]
    body: dict[str, str]
    topic_ids: list[str]
    location: IdeaLocation | None
    images: list[IdeaImage]
    attachments: list[IdeaAttachment]
    custom_fields: dict[str, Any]
    author: PublicProfile
    status: IdeaStatus | None
    likes: int
    dislikes: int
    comments: int
    my_reaction: str | None = Field(description="`like`, `dislike`, or null.")
    likes_left: int | None = Field(description="Likes the viewer may still give; null: no limit.")
    created_at: datetime
    updated_at: datetime
    permissions: IdeaPermissions
    moderation: IdeaModeration | None = Field(
        default=None, description="Set while moderation hides the idea (author and team)."
    )
    proposal: ProposalProgress | None = Field(
        default=None,
        description="In a proposals phase: signatures (likes) against the threshold, the "
        "deadline and the state; null in other phases.",
    )


class IdeaCard(BaseModel):
    id: str
    title: dict[str, str]
    excerpt: dict[str, str] = Field(description="The body as plain text, cut at 200 characters.")
    topic_ids: list[str]
    image: IdeaImage | None
    author: PublicProfile
    status: IdeaStatus | None
    likes: int
    dislikes: int
    comments: int
    my_reaction: str | None
    has_location: bool = Field(description="Whether the idea has a pin (is on the map).")
    created_at: datetime
    proposal: ProposalProgress | None = Field(
        default=None, description="In a proposals phase: where the proposal stands."
    )


class IdeaPin(BaseModel):
    id: str
    title: dict[str, str]
    lat: float
    lng: float
    status_color: str | None


class IdeaPins(BaseModel):
    items: list[IdeaPin]


class IdeaSort(StrEnum):
    TRENDING = "trending"
    MOST_LIKED = "most_liked"
    NEWEST = "newest"
    RANDOM = "random"


class IdeaFilterQuery(_Input):
    """Which ideas of a phase to show: the same filters for the list and the map."""

    topic: RefId | None = None
    status: RefId | None = None
    q: str | None = Field(default=None, max_length=200, description="Words to search for.")


class IdeaListQuery(IdeaFilterQuery):
    sort: IdeaSort = IdeaSort.TRENDING
    seed: str | None = Field(
        default=None,
        min_length=1,
        max_length=64,
        description="For `random`: the same seed gives the same order (keep one per visitor).",
    )
    cursor: str | None = Field(default=None, max_length=2000)
    limit: int = Field(default=DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)
