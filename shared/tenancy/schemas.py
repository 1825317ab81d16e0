"""API and domain shapes of a platform."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from shared.i18n import SUPPORTED_LOCALES, LocaleCode, LocalizedText
from shared.participation.actions import ParticipationAction
from shared.participation.methods.proposals import ProposalsMethod
from shared.permissions.access import AccessRule, Audience
from shared.privacy.modes import ErasureMode

HexColor = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$", examples=["#0b5394"])]
FeatureFlags = dict[Annotated[str, Field(pattern=r"^[a-z_]{2,40}$")], bool]


class Branding(BaseModel):
    logo_url: str | None = Field(default=None, description="Public URL of the logo, if any.")
    primary_color: HexColor = "#1b4f8a"
    secondary_color: HexColor = "#c2410c"


class MapView(BaseModel):
    """Where the platform's maps open: the city's centre and a zoom level."""

    model_config = ConfigDict(extra="forbid")

    lat: float = Field(ge=-90, le=90, description="Latitude of the centre (WGS 84).")
    lng: float = Field(ge=-180, le=180, description="Longitude of the centre (WGS 84).")
    zoom: int = Field(
        default=13, ge=2, le=19, description="2: a continent; 13: a town; 19: a house."
    )


class PrivacySettings(BaseModel):
    """What happens to deleted accounts' contributions; the optional analytics script."""

    model_config = ConfigDict(extra="forbid")

    deleted_content: ErasureMode = Field(
        default=ErasureMode.ANONYMISE,
        description="`anonymise`: a deleted account's ideas and comments stay, shown as "
        '"Former resident"; `delete`: they go with the account.',
    )
    analytics_script_url: str | None = Field(
        default=None,
        max_length=500,
        pattern=r"^https://[^\s\"'<>]+$",
        description="An analytics script (e.g. a self-hosted Matomo) that the site loads "
        "only for visitors who accept analytics cookies.",
    )


class Visit(StrEnum):
    EVERYONE = "everyone"
    SIGNED_IN = "signed_in"


class FollowAudience(StrEnum):
    """A platform-wide audience of residents (who may follow, who may comment on proposals)."""

    SIGNED_IN = "signed_in"
    CONFIRMED_EMAIL = "confirmed_email"
    VERIFIED = "verified"


class AccessSettings(BaseModel):
    """Who may use the platform as a whole (phases decide, per action, who takes part)."""

    model_config = ConfigDict(extra="forbid")

    visit: Visit = Field(
        default=Visit.EVERYONE,
        description="`signed_in`: visitors see only the sign-in, sign-up and legal pages until "
        "they sign in.",
    )
    follow: FollowAudience = Field(
        default=FollowAudience.SIGNED_IN, description="Who may follow ideas and projects."
    )
    comment_proposals: FollowAudience = Field(
        default=FollowAudience.SIGNED_IN,
        description="Who may comment on proposals, in every proposals phase (each phase's own "
        "commenting rule must admit them too).",
    )

    def method_rules(self, method_id: str) -> dict[str, AccessRule]:
        """The rules the platform sets for every phase of ``method_id``, by participation action."""
        if method_id == ProposalsMethod.id:
            return {ParticipationAction.COMMENT.value: AccessRule(Audience(self.comment_proposals))}
        return {}


class Platform(BaseModel):
    """A municipality's platform as residents and admins see it."""

    id: str
    name: dict[str, str]
    hosts: list[str]
    default_locale: str
    enabled_locales: list[str]
    branding: Branding
    feature_flags: dict[str, bool]
    map_view: MapView | None = Field(
        default=None, description="Where maps open; null: maps fit what they show."
    )
    privacy: PrivacySettings = Field(default_factory=PrivacySettings)
    access: AccessSettings = Field(default_factory=AccessSettings)
    logo_key: str | None = Field(default=None, exclude=True)


class BrandingUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    logo_upload_key: str | None = Field(
        default=None, max_length=300, description="Key of a confirmed `platform_logo` upload."
    )
    remove_logo: bool = False
    primary_color: HexColor | None = None
    secondary_color: HexColor | None = None


class PlatformUpdate(BaseModel):
    """What an admin may change in the platform settings (all optional)."""

    model_config = ConfigDict(extra="forbid")

    name: LocalizedText | None = None
    default_locale: LocaleCode | None = None
    enabled_locales: list[LocaleCode] | None = Field(default=None, min_length=1)
    branding: BrandingUpdate | None = None
    feature_flags: FeatureFlags | None = None
    map_view: MapView | None = Field(default=None, description="Send null to clear it.")
    privacy: PrivacySettings | None = None
    access: AccessSettings | None = None

    @model_validator(mode="after")
    def _locales_supported(self) -> PlatformUpdate:
        for locale in [*(self.enabled_locales or []), self.default_locale]:
            if locale is not None and locale not in SUPPORTED_LOCALES:
                raise ValueError(f"language {locale!r} is not supported yet")
        return self
